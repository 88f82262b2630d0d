import type { z } from 'zod'
import '../../shared/validation'
import { describeZodError, issuesOf } from '../../shared/validation'
import { can, hasAnywhere, scopeRoots } from '../../shared/auth/access'
import type { Permission } from '../../shared/auth/permissions'
import { CallBodySchema, MAX_CALL_BYTES, type ActionDef, type Contract, type Envelope } from '../../shared/contract'
import { CommonErrors, DomainError } from '../../shared/errors'
import { asGrants, loadCaller, type Caller, type Identity } from './caller'
import { newId } from './ids'
import { DuplicateKeyError, type DataPort, type Doc, type TxStore } from './port'
import type { Runtime } from './runtime'

export interface ActionContext {
  fn: string
  action: string
  caller: Caller
  /** the server's time when the call arrived */
  now: number
  requestId: string | null
  rt: Runtime
  db: DataPort
  /**
   * The action's one transaction. For a write action it also records the request id with the
   * transaction's result, in the same transaction: a repeat of the request returns that result.
   * A write action therefore returns what its transaction returns.
   */
  transact<T>(fn: (tx: TxStore) => Promise<T>): Promise<T>
  newId(prefix: string): string
  can(permission: Permission, unitId: string): Promise<boolean>
  /** units where the caller holds the permission (their scope for list queries) */
  scopeRoots(permission: Permission): string[]
}

export interface ActionImpl<A extends ActionDef> {
  /**
   * The unit the action's permission is checked in (from the input, or from the entity it names).
   * Return null for list actions that work anywhere in the caller's scope and filter by scopeRoots.
   */
  scope?: (input: z.output<A['input']>, ctx: ActionContext) => Promise<string | null>
  run: (input: z.output<A['input']>, ctx: ActionContext) => Promise<z.input<A['output']>>
}

export function defineAction<A extends ActionDef>(def: A, impl: ActionImpl<A>): ActionImpl<A> {
  return impl
}

/**
 * Work a function does on a schedule with no caller (CloudBase timer triggers; the local host runs
 * them on an interval): sweeping overdue cases, settling publicity, expiring orders. Each must be
 * idempotent, since a trigger may fire twice.
 */
export interface Timer {
  /** minutes between runs on the local host; CloudBase's schedule is in cloudbaserc.json */
  everyMinutes: number
  run(rt: Runtime, now: number): Promise<unknown>
}

export interface CloudFunction {
  name: string
  contract: Contract
  timers: Record<string, Timer>
  handle(body: unknown, identity: Identity, rt: Runtime): Promise<Envelope<unknown>>
}

interface RequestRecord extends Doc {
  fn: string
  action: string
  userId: string
  result: unknown
  at: number
}

class Replay {
  constructor(readonly result: unknown) {}
}

function fail(err: DomainError): Envelope<never> {
  return err.details === undefined
    ? { ok: false, code: err.code, message: err.message }
    : { ok: false, code: err.code, message: err.message, details: err.details }
}

/**
 * Wraps a contract and its action implementations into one cloud function. Every call takes the same
 * path: find the action → parse the input → take the caller from the platform → check the permission
 * in the target unit → replay or run → check the output. Domain errors become `{ ok: false }` with
 * their Chinese message; anything else is logged and becomes COMMON.INTERNAL.
 */
export function defineFunction<C extends Contract>(
  contract: C,
  impls: { [K in keyof C['actions']]: ActionImpl<C['actions'][K]> },
  timers: Record<string, Timer> = {},
): CloudFunction {
  const name = contract.name
  return {
    name,
    contract,
    timers,
    async handle(body, identity, rt) {
      let actionName = '?'
      try {
        if (body === null || typeof body !== 'object' || Array.isArray(body)) throw CommonErrors.BAD_REQUEST()
        if (JSON.stringify(body).length > MAX_CALL_BYTES) throw CommonErrors.PAYLOAD_TOO_LARGE()
        const call = CallBodySchema.safeParse(body)
        if (!call.success) throw CommonErrors.BAD_REQUEST(describeZodError(call.error), issuesOf(call.error))
        actionName = call.data.action
        if (!Object.prototype.hasOwnProperty.call(contract.actions, actionName)) {
          throw CommonErrors.UNKNOWN_ACTION(`没有这个操作：${actionName}`)
        }
        const def = contract.actions[actionName] as ActionDef
        const impl = impls[actionName as keyof C['actions']] as ActionImpl<ActionDef>
        const requestId = call.data.requestId ?? null
        if (def.write && !requestId) throw CommonErrors.REQUEST_ID_REQUIRED()

        const parsed = def.input.safeParse(call.data.data ?? {})
        if (!parsed.success) throw CommonErrors.BAD_INPUT(describeZodError(parsed.error), issuesOf(parsed.error))
        const input = parsed.data

        const caller = await loadCaller(rt, identity)
        const grants = asGrants(caller.grants)
        const now = rt.clock.now()
        const key = def.write ? `${name}.${actionName}:${caller.user._id}:${requestId}` : null
        let transacted = false

        const ctx: ActionContext = {
          fn: name,
          action: actionName,
          caller,
          now,
          requestId,
          rt,
          db: rt.db,
          newId: (prefix) => newId(prefix, now),
          can: async (permission, unitId) => {
            const unit = await rt.units.get(unitId)
            return !!unit && can(grants, permission, unit.path)
          },
          scopeRoots: (permission) => scopeRoots(grants, permission),
          transact: (fn) => {
            if (!key) return rt.db.transaction(fn)
            if (transacted) throw new Error(`${name}.${actionName}: a write action has one transaction`)
            transacted = true
            return rt.db.transaction(async (tx) => {
              const prior = await tx.get<RequestRecord>('requests', key)
              if (prior) throw new Replay(prior.result)
              const result = await fn(tx)
              const record: RequestRecord = {
                _id: key, fn: name, action: actionName, userId: caller.user._id, result: result ?? null, at: now,
              }
              await tx.insert('requests', record)
              return result
            })
          },
        }

        if (def.permission) {
          if (!impl.scope) throw new Error(`${name}.${actionName} needs a scope for ${def.permission}`)
          const unitId = await impl.scope(input, ctx)
          if (unitId === null) {
            if (!hasAnywhere(grants, def.permission)) throw CommonErrors.FORBIDDEN()
          } else {
            const unit = await rt.units.get(unitId)
            if (!unit) throw CommonErrors.NOT_FOUND('没有找到相关单位')
            if (!can(grants, def.permission, unit.path)) {
              throw hasAnywhere(grants, def.permission) ? CommonErrors.OUT_OF_SCOPE() : CommonErrors.FORBIDDEN()
            }
          }
        }

        if (key) {
          const prior = await rt.db.get<RequestRecord>('requests', key)
          if (prior) return { ok: true, data: def.output.parse(prior.result) }
        }

        let output: unknown
        try {
          output = await impl.run(input, ctx)
        } catch (err) {
          if (err instanceof Replay) return { ok: true, data: def.output.parse(err.result) }
          if (key && err instanceof DuplicateKeyError && err.collection === 'requests') {
            const prior = await rt.db.get<RequestRecord>('requests', key)
            if (prior) return { ok: true, data: def.output.parse(prior.result) }
          }
          throw err
        }
        const checked = def.output.safeParse(output)
        if (!checked.success) {
          rt.log.error('output does not match its schema', { fn: name, action: actionName, issues: issuesOf(checked.error) })
          throw CommonErrors.INTERNAL()
        }
        return { ok: true, data: checked.data }
      } catch (err) {
        if (err instanceof DomainError) return fail(err)
        rt.log.error('action failed', {
          fn: name, action: actionName, error: err instanceof Error ? err.stack ?? err.message : String(err),
        })
        return fail(CommonErrors.INTERNAL())
      }
    },
  }
}
