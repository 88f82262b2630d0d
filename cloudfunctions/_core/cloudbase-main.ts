import tcb from '@cloudbase/node-sdk'
import type { ConsoleLoginEntry } from './cloudbase-console-login'
import { systemClock } from './clock'
import { CloudbasePort } from './cloudbase-port'
import {
  cloudbaseContentSafety,
  cloudbaseFiles,
  cloudbaseMediaChecker,
  cloudbaseNotifier,
  cloudbasePhones,
} from './cloudbase-services'
import { mediaCheckPort } from './media-check'
import type { Identity } from './caller'
import { consoleLogger, createRuntime, type Runtime } from './runtime'
import { ownEntry } from './untrusted'
import type { CloudFunction, Timer } from './wrap'

let app: ReturnType<typeof tcb.init> | undefined
let runtime: Runtime | undefined

/** The warm instance's runtime (also for timer triggers, which have no caller). */
export function cloudbaseRuntime(): Runtime {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  if (!runtime) {
    const base = createRuntime({
      mode: 'cloudbase',
      db: new CloudbasePort(app.database()),
      clock: systemClock,
      log: consoleLogger,
      contentSafety: cloudbaseContentSafety(app, consoleLogger),
      notifier: cloudbaseNotifier(app, consoleLogger),
      phones: cloudbasePhones(app, consoleLogger),
    })
    const media = mediaCheckPort(base.db, systemClock, cloudbaseMediaChecker(app, base.db, consoleLogger))
    runtime = { ...base, media, files: cloudbaseFiles(app, media) }
  }
  return runtime
}

/**
 * The CloudBase entry point. The caller is the WeChat OPENID that the platform injects into the
 * function's context for calls from the mini-program; the event body is never asked who the caller is,
 * nor whether it is the scheduler.
 */
export function cloudbaseMain(fn: CloudFunction, opts: { consoleLogin?: ConsoleLoginEntry } = {}) {
  return async (event: unknown, context?: unknown): Promise<unknown> => {
    const rt = cloudbaseRuntime()
    // WX_OPENID is set by the platform for calls from the mini-program (named in WX_CONTEXT_KEYS, in the
    // process environment or the invocation context); the event body is the caller's and proves nothing.
    const platform = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    const timer = timerOf(event, platform, fn)
    if (timer) return { ok: true, data: await timer.run(rt, rt.clock.now()) }
    const verdict = mediaCheckEventOf(event)
    if (verdict) return settleMediaCheck(rt, verdict)
    const identity = identityOf(platform)
    // the officials' console signing in (the account function's entry only): a browser nobody is signed in on yet
    if (opts.consoleLogin && identity.kind === 'anonymous') {
      const answer = await opts.consoleLogin(rt, event, platform)
      if (answer) return answer
    }
    return fn.handle(event, identity, rt)
  }
}

/**
 * The caller as the platform says: the WeChat user of a mini-program call, or the official of a console signed in
 * with a custom-login ticket (`<userId>.<session generation>`, made by `createTicket` below); anyone else is
 * anonymous (a browser before sign-in, signed in anonymously with the js-sdk).
 */
export function identityOf(platform: Partial<PlatformContext>): Identity {
  if (platform.WX_OPENID) return { kind: 'wechat', openid: platform.WX_OPENID }
  const custom = /^(.+)\.(\d{1,4})$/.exec(platform.TCB_CUSTOM_USER_ID ?? '')
  if (custom) return { kind: 'user', userId: custom[1]!, gen: Number(custom[2]) }
  return { kind: 'anonymous' }
}

export type PlatformContext = ReturnType<typeof tcb.getCloudbaseContext>

/**
 * The timer a scheduled invocation runs, or null for any other call. The body `{ Type: 'Timer', TriggerName }`
 * is only a claim (anyone can send it with callFunction): the platform's timer trigger has no caller (no
 * OPENID, no UNIONID, no custom-login user), says TRIGGER_SRC=timer where it says anything, and names one of
 * this function's own timers. Anything else is a normal call, and a body without an action is refused as one.
 */
export function timerOf(event: unknown, platform: Partial<PlatformContext>, fn: CloudFunction): Timer | null {
  if (!event || typeof event !== 'object') return null
  const e = event as { Type?: unknown; TriggerName?: unknown }
  if (e.Type !== 'Timer' || typeof e.TriggerName !== 'string') return null
  if (platform.WX_OPENID || platform.WX_UNIONID || platform.TCB_CUSTOM_USER_ID) return null
  if (platform.TRIGGER_SRC !== undefined && platform.TRIGGER_SRC !== 'timer') return null
  return ownEntry(fn.timers, e.TriggerName) ?? null
}

/** The result of an asynchronous media check, as WeChat pushes it (message push → this function). */
export interface MediaCheckEvent {
  traceId: string
  state: 'passed' | 'blocked'
  label: string
}

/**
 * `{ MsgType: 'event', Event: 'wxa_media_check', trace_id, result: { suggest, label } }` from mediaCheckAsync
 * (version 2), or null for any other event. "review" (a person at WeChat may look again) passes, as it does for
 * text. The event needs no caller check of its own: it only settles a check this app asked for, found by its
 * trace id, which WeChat gave our server alone; a made-up id settles nothing.
 */
export function mediaCheckEventOf(event: unknown): MediaCheckEvent | null {
  if (!event || typeof event !== 'object') return null
  const e = event as { MsgType?: unknown; Event?: unknown; trace_id?: unknown; result?: unknown }
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check' || typeof e.trace_id !== 'string' || !e.trace_id)
    return null
  const result = (e.result && typeof e.result === 'object' ? e.result : {}) as { suggest?: unknown; label?: unknown }
  if (result.suggest !== 'pass' && result.suggest !== 'review' && result.suggest !== 'risky') return null
  return {
    traceId: e.trace_id,
    state: result.suggest === 'risky' ? 'blocked' : 'passed',
    label: String(result.label ?? result.suggest),
  }
}

/** Settles the check; the reply is for the platform's log (message push wants a quick answer, not a body). */
export async function settleMediaCheck(rt: Runtime, verdict: MediaCheckEvent): Promise<{ ok: true; data: unknown }> {
  const settled = await rt.media.settle(verdict.traceId, verdict.state, verdict.label)
  if (!settled) rt.log.info('media check result for no pending check', { traceId: verdict.traceId })
  return { ok: true, data: { settled } }
}
