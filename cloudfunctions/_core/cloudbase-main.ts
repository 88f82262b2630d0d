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
  return async (event: unknown): Promise<unknown> => {
    const rt = cloudbaseRuntime()
    const { openId } = app!.auth().getUserInfo()
    const identity: Identity = openId ? { kind: 'wechat', openid: openId } : { kind: 'anonymous' }
    return fn.handle(event, identity, rt)
  }
}
