import type { Contract, OutputOf } from '@shared/contract'
import type { Envelope } from '@shared/contract'
import type { TestEnv } from './harness'

/**
 * The calls of one function with its contract's types: a misspelt action fails the typecheck and results come
 * typed by the action's output schema. Inputs stay `unknown`, so a test can send what a client must not.
 * `env` is a getter because test files make a fresh environment per test.
 */
export function callsOf<Ct extends Contract>(env: () => TestEnv, contract: Ct) {
  type Action = keyof Ct['actions'] & string
  return {
    ok: <K extends Action>(as: string, action: K, data?: unknown, requestId?: string): Promise<OutputOf<Ct, K>> =>
      env().ok<OutputOf<Ct, K>>(contract.name, as, action, data, requestId),
    call: <K extends Action>(
      as: string,
      action: K,
      data?: unknown,
      requestId?: string,
    ): Promise<Envelope<OutputOf<Ct, K>>> => env().call<OutputOf<Ct, K>>(contract.name, as, action, data, requestId),
  }
}
