import tcb from '@cloudbase/node-sdk'
import { systemClock } from './clock'
import { CloudbasePort } from './cloudbase-port'
import { cloudbaseContentSafety, cloudbaseFiles, cloudbaseNotifier } from './cloudbase-services'
import type { Identity } from './caller'
import { consoleLogger, createRuntime, type Runtime } from './runtime'
import type { CloudFunction } from './wrap'

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
 * function's context for calls from the mini-program; the event body is never asked who the caller is.
 */
export function cloudbaseMain(fn: CloudFunction) {
  return async (event: unknown, context?: unknown): Promise<unknown> => {
    const rt = cloudbaseRuntime()
    // Timer triggers arrive as { Type: 'Timer', TriggerName } with no user: they run the function's timers.
    const timer = timerOf(event)
    if (timer !== null) {
      const job = fn.timers[timer]
      if (!job) return { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: `没有这个定时任务：${timer}` }
      return { ok: true, data: await job.run(rt, rt.clock.now()) }
    }
    // WX_OPENID is set by the platform for calls from the mini-program (named in WX_CONTEXT_KEYS, in the
    // process environment or the invocation context); the event body is the caller's and proves nothing.
    const { WX_OPENID } = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    const identity: Identity = WX_OPENID ? { kind: 'wechat', openid: WX_OPENID } : { kind: 'anonymous' }
    return fn.handle(event, identity, rt)
  }
}

function timerOf(event: unknown): string | null {
  if (!event || typeof event !== 'object') return null
  const e = event as { Type?: unknown; TriggerName?: unknown }
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' ? e.TriggerName : null
}
