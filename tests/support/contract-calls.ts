import type { Contract, Envelope, OutputOf } from '@shared/contract'
import type { Identity } from '../../cloudfunctions/_core/caller'
import type { DataPort } from '../../cloudfunctions/_core/port'
import { testEnv, type CallOpts, type TestEnv } from './harness'

/**
 * The calls of one function with its contract's types: a misspelt action fails the typecheck and results come
 * typed by the action's output schema. Inputs stay `unknown`, so a test can send what a client must not. `env`
 * may be a getter, for test files that make a fresh environment per test.
 */
export function callsOf<Ct extends Contract>(env: TestEnv | (() => TestEnv), contract: Ct) {
  type Action = keyof Ct['actions'] & string
  const e = typeof env === 'function' ? env : () => env
  return {
    ok: <K extends Action>(
      as: string | Identity,
      action: K,
      data?: unknown,
      requestId?: string | null,
      opts?: CallOpts,
    ) => e().ok<OutputOf<Ct, K>>(contract.name, as, action, data, requestId, opts),
    call: <K extends Action>(
      as: string | Identity,
      action: K,
      data?: unknown,
      requestId?: string | null,
      opts?: CallOpts,
    ): Promise<Envelope<OutputOf<Ct, K>>> =>
      e().call<OutputOf<Ct, K>>(contract.name, as, action, data, requestId, opts),
  }
}

/**
 * A fresh seeded environment for each test of a file, with the function's typed calls: call once at the top of a
 * test file (it registers the beforeEach/afterEach). `write` runs the store's own transaction (a test's direct
 * write, as another part of the system would make it), captured before any test spies on `db.transaction`.
 */
export function freshEnvEachTest<Ct extends Contract>(contract: Ct) {
  let env: TestEnv | null = null
  let write: DataPort['transaction'] | null = null
  beforeEach(async () => {
    env = await testEnv()
    write = env.rt.db.transaction.bind(env.rt.db)
  })
  afterEach(() => env?.close())
  const current = () => {
    if (!env) throw new Error('freshEnvEachTest: used outside a test')
    return env
  }
  return {
    get env() {
      return current()
    },
    get db(): DataPort {
      return current().rt.db
    },
    calls: callsOf(current, contract),
    write: ((body) => write!(body)) as DataPort['transaction'],
  }
}
