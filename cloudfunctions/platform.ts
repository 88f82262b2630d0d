/**
 * How each cloud function runs on CloudBase, declared once. `npm run build:functions` turns it into each
 * function's `config.json` (the open APIs and timer triggers WeChat DevTools uploads read) and into
 * `cloudbaserc.json` (the CloudBase CLI's file); `npm run deploy` applies it to an environment (runtime, memory,
 * timeout, environment variables, triggers). tests/functions-platform.test.ts holds every bundle to it: an open
 * API a bundle calls, or an environment variable it reads, that is not declared here fails the test.
 */

/**
 * CloudBase's Node.js runtimes are 16.13, 18.15, 20.19, 22.21 and 24.11 (docs.cloudbase.net, 运行环境支持).
 * 20.19 is the one this repository builds and tests with (package.json engines, the clean-folder load test),
 * and manager-node's default. A function's runtime is fixed when it is created: `npm run deploy` reports a
 * function created with another one instead of changing it.
 */
export const RUNTIME = 'Nodejs20.19'

/**
 * WeChat open APIs (云调用) by the name `config.json`'s `permissions.openapi` takes, with the path that
 * `callWxOpenApi({ apiName })` of @cloudbase/node-sdk sends. A call is refused (-604101) unless the
 * function declares it.
 */
export const OPEN_APIS = {
  'security.msgSecCheck': '/wxa/msg_sec_check',
  'security.imgSecCheck': '/wxa/img_sec_check',
  'security.mediaCheckAsync': '/wxa/media_check_async',
  'subscribeMessage.send': '/cgi-bin/message/subscribe/send',
  'phonenumber.getPhoneNumber': '/wxa/business/getuserphonenumber',
  'wxacode.getUnlimited': '/wxa/getwxacodeunlimit',
  'wxacode.get': '/wxa/getwxacode',
  'wxacode.createQRCode': '/cgi-bin/wxaapp/createwxaqrcode',
} as const

export type OpenApi = keyof typeof OPEN_APIS

export interface EnvVarSpec {
  /** `npm run deploy` refuses to run while a required variable has no value on the function or in its sources */
  required: boolean
  /** checked by `npm run deploy` before it sets the value (the function checks it again when it reads it) */
  minLength?: number
  about: string
}

export interface FunctionPlatform {
  /** MB; CloudBase offers 128, 256, 512, 1024 and 2048 */
  memorySize: 128 | 256 | 512 | 1024 | 2048
  /** seconds, 1–60 for event functions */
  timeout: number
  openapi: readonly OpenApi[]
  /** the environment variables the function reads (set on the function by `npm run deploy`) */
  env: Readonly<Record<string, EnvVarSpec>>
  /**
   * Timer triggers, one per timer of the function (`defineFunction`'s `timers`), by the timer's name: the
   * seven-field CloudBase cron (second minute hour day month weekday year). The timer's `everyMinutes` is the
   * local host's interval; keep the two alike.
   */
  triggers: Readonly<Record<string, string>>
}

/**
 * Every function runs on the same runtime (`_core/cloudbase-main.ts`): any write action's texts pass the
 * content check, its photos the media check (trust issue #16, item 11), and its pushes go out as subscribe
 * messages, so every function may call all of them.
 */
const SHARED_OPENAPI: readonly OpenApi[] = [
  'security.msgSecCheck',
  'security.imgSecCheck',
  'security.mediaCheckAsync',
  'subscribeMessage.send',
  // the phone-number port is part of the one runtime (cloudbase-main.ts); only account's verifyPhone calls it
  'phonenumber.getPhoneNumber',
]

const SUBSCRIBE_ENV: Record<string, EnvVarSpec> = {
  LINLI_SUBSCRIBE_TEMPLATE_ID: {
    required: false,
    about:
      'the subscribe-message template (MP admin → subscribe messages); without it no push is sent, the inbox still has it',
  },
  LINLI_SUBSCRIBE_PAGE: {
    required: false,
    about: 'the page a case push opens (default packages/incident/pages/detail/index)',
  },
}

export const PLATFORM = {
  account: {
    memorySize: 256,
    timeout: 10,
    // the phone-number exchange (verifyPhone) runs here; the shared runtime carries it for every function
    openapi: SHARED_OPENAPI,
    env: {
      ...SUBSCRIBE_ENV,
      LINLI_CUSTOM_LOGIN_KEY: {
        required: false,
        minLength: 64,
        about:
          "the custom-login private key's JSON (CloudBase console, custom login's private key); without it the officials' console cannot be signed in to by scanning",
      },
    },
    // push records past their 90 days and spent console tickets removed, once a day
    triggers: { tidy: '0 0 4 * * * *' },
  },
  incident: {
    memorySize: 256,
    // the monthly ledger export (XLSX) runs longest
    timeout: 20,
    openapi: SHARED_OPENAPI,
    env: SUBSCRIBE_ENV,
    // the sweep every 15 minutes; the inbox's WeChat pushes every minute (CloudBase's finest step)
    triggers: { sweepOverdue: '0 */15 * * * * *', sendPushes: '0 * * * * * *' },
  },
  patrol: {
    memorySize: 256,
    timeout: 10,
    // a hazard's photos become the grid report's
    openapi: SHARED_OPENAPI,
    env: {
      ...SUBSCRIBE_ENV,
      LINLI_PATROL_CODE_KEY: {
        required: true,
        minLength: 32,
        about: 'HMAC key of checkpoint codes, at least 32 characters; changing it voids every printed poster',
      },
    },
    triggers: {},
  },
  points: {
    memorySize: 256,
    timeout: 20,
    // evidence photos are seen by the approving official, goods photos by every resident
    openapi: SHARED_OPENAPI,
    env: {
      ...SUBSCRIBE_ENV,
      LINLI_POINTS_CODE_KEY: {
        required: true,
        minLength: 32,
        about:
          'HMAC key of pickup QR codes, at least 32 characters; changing it voids the QR codes of open redemptions',
      },
    },
    triggers: { settlePublicity: '0 5 * * * * *', expireRedemptions: '0 35 * * * * *' },
  },
  volunteer: {
    memorySize: 256,
    timeout: 10,
    openapi: SHARED_OPENAPI,
    env: SUBSCRIBE_ENV,
    triggers: { pushReminders: '0 */30 * * * * *' },
  },
} as const satisfies Record<string, FunctionPlatform>

export type FunctionName = keyof typeof PLATFORM

export const HANDLER = 'index.main'

/** A function's `config.json`, as WeChat DevTools reads it when it uploads the function. */
export function configJsonOf(name: FunctionName): {
  permissions: { openapi: string[] }
  triggers?: Array<{ name: string; type: 'timer'; config: string }>
} {
  const p: FunctionPlatform = PLATFORM[name]
  const triggers = triggersOf(name)
  return { permissions: { openapi: [...p.openapi] }, ...(triggers.length ? { triggers } : {}) }
}

export function triggersOf(name: FunctionName): Array<{ name: string; type: 'timer'; config: string }> {
  const p: FunctionPlatform = PLATFORM[name]
  return Object.entries(p.triggers).map(([trigger, cron]) => ({ name: trigger, type: 'timer' as const, config: cron }))
}

/**
 * The CloudBase CLI's `cloudbaserc.json` (`tcb fn deploy -e <env-id>`), generated from PLATFORM. No `envId` and
 * no `envVariables`: the env id is given on the command line, and variables (secrets among them) are set by
 * `npm run deploy`, never written into a tracked file.
 */
export function cloudbaseRc(): unknown {
  return {
    version: '2.0',
    functionRoot: './dist/cloudfunctions',
    functions: (Object.keys(PLATFORM) as FunctionName[]).map((name) => {
      const p: FunctionPlatform = PLATFORM[name]
      const triggers = triggersOf(name)
      return {
        name,
        handler: HANDLER,
        runtime: RUNTIME,
        timeout: p.timeout,
        memorySize: p.memorySize,
        installDependency: true,
        ...(triggers.length ? { triggers } : {}),
      }
    }),
  }
}

/** Checks that cannot be types: cron shape, timeout range, declared variable names. */
export function platformProblems(): string[] {
  const out: string[] = []
  for (const [name, p] of Object.entries(PLATFORM) as Array<[string, FunctionPlatform]>) {
    if (!Number.isInteger(p.timeout) || p.timeout < 1 || p.timeout > 60) out.push(`${name}: timeout ${p.timeout} s`)
    for (const [trigger, cron] of Object.entries(p.triggers)) {
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(trigger)) out.push(`${name}: trigger name ${trigger}`)
      if (cron.trim().split(/\s+/).length !== 7) out.push(`${name}.${trigger}: cron needs 7 fields: ${cron}`)
    }
    for (const key of Object.keys(p.env)) if (!/^[A-Z][A-Z0-9_]*$/.test(key)) out.push(`${name}: env ${key}`)
    if (new Set(p.openapi).size !== p.openapi.length) out.push(`${name}: an open API is declared twice`)
  }
  return out
}
