import type { Contract, Envelope, OutputOf } from '@shared/contract'
import type { Identity } from '../../cloudfunctions/_core/caller'
import type { TestEnv } from './harness'

/**
 * One function's actions as a test calls them (`env.ok` / `env.call`), with results typed by the contract's
 * output schemas. The input stays `unknown`: tests also send what the contract refuses.
 */
export function contractCalls<Ct extends Contract>(env: TestEnv, contract: Ct) {
  type Name = keyof Ct['actions'] & string
  return {
    ok: <K extends Name>(as: string | Identity, action: K, data?: unknown, requestId?: string | null) =>
      env.ok<OutputOf<Ct, K>>(contract.name, as, action, data, requestId),
    call: <K extends Name>(
      as: string | Identity,
      action: K,
      data?: unknown,
      requestId?: string | null,
    ): Promise<Envelope<OutputOf<Ct, K>>> => env.call<OutputOf<Ct, K>>(contract.name, as, action, data, requestId),
  }
}
