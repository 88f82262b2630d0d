import type { Contract, Envelope, OutputOf } from '@shared/contract'
import type { Identity } from '../../cloudfunctions/_core/caller'
import type { CallOpts, TestEnv } from './harness'

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
