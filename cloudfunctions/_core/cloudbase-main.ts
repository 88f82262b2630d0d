import tcb from '@cloudbase/node-sdk'
import { systemClock } from './clock'
import { CloudbasePort } from './cloudbase-port'
import { cloudbaseContentSafety, cloudbaseFiles, cloudbaseNotifier } from './cloudbase-services'
import type { Identity } from './caller'
import { consoleLogger, createRuntime, type Runtime } from './runtime'
import { ownEntry } from './untrusted'
import type { CloudFunction, Timer } from './wrap'

let app: ReturnType<typeof tcb.init> | undefined
let runtime: Runtime | undefined

/** The warm instance's runtime (also for timer triggers, which have no caller). */
export function cloudbaseRuntime(): Runtime {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  runtime ??= createRuntime({
    mode: 'cloudbase',
    db: new CloudbasePort(app.database()),
    clock: systemClock,
    log: consoleLogger,
    files: cloudbaseFiles(app),
    contentSafety: cloudbaseContentSafety(app, consoleLogger),
    notifier: cloudbaseNotifier(app, consoleLogger),
  })
  return runtime
}

/**
 * The CloudBase entry point. The caller is the WeChat OPENID that the platform injects into the
 * function's context for calls from the mini-program; the event body is never asked who the caller is,
 * nor whether it is the scheduler.
 */
export function cloudbaseMain(fn: CloudFunction) {
  return async (event: unknown, context?: unknown): Promise<unknown> => {
    const rt = cloudbaseRuntime()
    // WX_OPENID is set by the platform for calls from the mini-program (named in WX_CONTEXT_KEYS, in the
    // process environment or the invocation context); the event body is the caller's and proves nothing.
    const platform = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    const timer = timerOf(event, platform, fn)
    if (timer) return { ok: true, data: await timer.run(rt, rt.clock.now()) }
    const { WX_OPENID } = platform
    const identity: Identity = WX_OPENID ? { kind: 'wechat', openid: WX_OPENID } : { kind: 'anonymous' }
    return fn.handle(event, identity, rt)
  }
}

type PlatformContext = ReturnType<typeof tcb.getCloudbaseContext>

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
