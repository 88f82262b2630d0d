import type { Envelope } from '@shared/contract'
import { ManualClock } from '../../cloudfunctions/_core/clock'
import { createLocalRuntime } from '../../cloudfunctions/_core/local-runtime'
import type { Logger } from '../../cloudfunctions/_core/runtime'
import type { Identity } from '../../cloudfunctions/_core/caller'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { seedIfEmpty } from '../../seeds'
import type { Lang } from '@shared/i18n/i18n'

/** 2026-03-02 10:00 Beijing time, a Monday: the default "now" of action tests. */
export const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)

let counter = 0
export function rid(label = 'r'): string {
  counter += 1
  return `${label}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * A reply as a test (or the bench) reads it: any field, unchecked. The wrapper checked it against the action's
 * output schema before it left; the test says what it expects of it with expect(...), and typing each reply again
 * would restate the contract's schemas. The one deliberate `any` of the tests, the test host, e2e and the bench.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are read loosely on purpose (see above)
export type Reply = any

/** What else a call body may carry: the language the person reads the app in (replies come back in it). */
export interface CallOpts {
  lang?: Lang
}

export interface TestEnv {
  rt: ReturnType<typeof createLocalRuntime>
  clock: ManualClock
  errors: Array<{ msg: string; extra?: Record<string, unknown> }>
  /** Calls a function as a seeded user (by id), as WeChat (openid) or anonymously. */
  call<T = unknown>(
    fn: string,
    as: string | Identity,
    action: string,
    data?: unknown,
    requestId?: string | null,
    opts?: CallOpts,
  ): Promise<Envelope<T>>
  /** Like call, but returns data and throws with the error message if the call failed. */
  ok<T = Reply>(
    fn: string,
    as: string | Identity,
    action: string,
    data?: unknown,
    requestId?: string | null,
    opts?: CallOpts,
  ): Promise<T>
  close(): Promise<void>
}

/**
 * A fresh embedded store (SQLite, in memory unless a file is given) with the demo seed, the real
 * function registry and a clock the test moves by hand.
 */
export async function testEnv(opts: { now?: number; dbFile?: string; seed?: boolean } = {}): Promise<TestEnv> {
  const clock = new ManualClock(opts.now ?? T0)
  const errors: TestEnv['errors'] = []
  const log: Logger = { info: () => undefined, error: (msg, extra) => errors.push({ msg, extra }) }
  const rt = createLocalRuntime({ dbFile: opts.dbFile ?? ':memory:', clock, log })
  if (opts.seed !== false) await seedIfEmpty(rt.db, clock.now())
  const call: TestEnv['call'] = async (fn, as, action, data, requestId, opts) => {
    const f = FUNCTIONS[fn]
    if (!f) throw new Error(`no function ${fn}`)
    const identity: Identity = typeof as === 'string' ? { kind: 'user', userId: as } : as
    const def = f.contract.actions[action]
    const body: Record<string, unknown> = { action, data: data ?? {} }
    if (requestId !== null && (requestId !== undefined || def?.write)) body.requestId = requestId ?? rid(action)
    if (opts?.lang) body.lang = opts.lang
    return f.handle(body, identity, rt) as never
  }
  return {
    rt,
    clock,
    errors,
    call,
    ok: async (fn, as, action, data, requestId, opts) => {
      const res = await call(fn, as, action, data, requestId, opts)
      if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.code} ${res.message}`)
      return res.data as never
    },
    close: () => rt.db.close(),
  }
}
