import { createHash } from 'node:crypto'
import type { z } from 'zod'
import '@shared/validation'
import { describeZodError, issuesOf } from '@shared/validation'
import { can, hasAnywhere, scopeRoots } from '@shared/auth/access'
import type { Permission } from '@shared/auth/permissions'
import { CallBodySchema, MAX_CALL_BYTES, type ActionDef, type Contract, type Envelope } from '@shared/contract'
import { CommonErrors, DomainError } from '@shared/errors'
import { DEFAULT_LANG, isLang, render, type Lang, type MessageRef } from '@shared/i18n/i18n'
import { asGrants, callerUserId, loadCaller, type Caller, type Identity } from './caller'
import { C, type MediaCheck, type RequestRecord } from './collections'
import { newId } from './ids'
import type { PushMessage, PushOutcome } from './notifier'
import type { AdoptedPhoto } from './files'
import type { KeepCheck } from './media-check'
import type { PushRecord } from '@shared/push'
import { DuplicateKeyError, StaleReadError, getMany, type DataPort, type TxStore } from './port'
import type { Runtime } from './runtime'
import { shapeProblem } from './untrusted'

/** What every phase of an action may use: the caller, the time of the call, the runtime and the access checks. */
export interface ActionContext {
  fn: string
  action: string
  caller: Caller
  /** the language the caller reads the app in (the call's `lang`, else their profile's): for labels in views */
  lang: Lang
  /** the server's time when the call arrived */
  now: number
  requestId: string | null
  rt: Runtime
  db: DataPort
  newId(prefix: string): string
  can(permission: Permission, unitId: string): Promise<boolean>
  /** units where the caller holds the permission (their scope for list queries) */
  scopeRoots(permission: Permission): string[]
  /**
   * What the action's `prefetch` read while the caller was being read, once: the first `load` takes it, a `load`
   * run again (its read went stale) gets undefined and reads afresh.
   */
  takePrefetched(): Promise<unknown> | undefined
  /**
   * Did an earlier try of this call's transaction end on this document (a StaleReadError naming it)? For a write
   * that inserts by a deterministic id without reading first (issue #21): the insert fails when the document is
   * there, that try rolls back, and the next reads it and goes the other way.
   */
  wasStale(collection: string, id: string): boolean
}

/** A write's `run` reads and writes through its transaction only: queries belong in `load`. */
export type WriteContext = Omit<ActionContext, 'db'>

/** `load` returns this to check the permission "anywhere in the caller's scope" (lists that filter by scopeRoots). */
export const ANYWHERE = Symbol('anywhere')

/**
 * Where the action's permission is checked: a unit (the target's own, read by `load`), or ANYWHERE for a list
 * the action narrows with `ctx.scopeRoots(permission)` itself.
 */
export interface Target {
  unitId: string | typeof ANYWHERE
}

type In<A extends ActionDef> = z.output<A['input']>
type Out<A extends ActionDef> = z.input<A['output']>

export interface WriteRunArgs<A extends ActionDef, L> {
  input: In<A>
  loaded: L
  ctx: WriteContext
  tx: TxStore
  /** the stored ids of photos named in the input (adopted after the permission check, before the transaction) */
  photos(ids: readonly string[]): string[]
  /**
   * Of the photos named, the stored ids of those whose media check had passed when adopted (for good): kept on the
   * record beside its photos (`photosPassed`), so showing them needs no read of their checks
   */
  passed(ids: readonly string[]): string[]
  /** messages to push (WeChat subscribe messages) once the transaction has committed; never for a replay */
  push(...messages: PushMessage[]): void
  /**
   * Hands `present` a document as this transaction wrote it (kept in memory, not in the request record), so the view
   * of a fresh call needs no read of it after the commit; a replay's `present` gets nothing and reads it.
   */
  handOn(value: unknown): void
}

export interface ReadRunArgs<A extends ActionDef, L> {
  input: In<A>
  loaded: L
  ctx: ActionContext
}

export interface PresentArgs<A extends ActionDef, R> {
  /** what `run` returned (for a replay: what the first call's `run` returned, from the request record) */
  result: R
  input: In<A>
  ctx: ActionContext
  replay: boolean
  /** what `run` handed on (`handOn`) in this call's committed transaction; undefined for a replay */
  handed?: unknown
}

/**
 * An action in three phases.
 * - `load` reads what the permission check needs and returns the target's unit (`Target`) with what it read,
 *   which is handed on, never read again. It writes nothing and runs before the permission check.
 * - `run` is the work. For a write it is the body of the action's one transaction, which also records the
 *   request: it returns a small result, the one a replay gets. For a read it computes the result.
 * - `present`, after the commit, turns the result into the output (views, temporary file URLs). It runs for a
 *   fresh call and for a replay alike, so a replay never returns URLs that have expired. Without it the result
 *   is the output.
 * `photos` and `texts` name the input's photos to adopt and the text others will read to check: the wrapper does
 * both after the permission check and before the transaction, so no storage call happens inside one.
 */
export interface PhasedAction<A extends ActionDef, L, R> {
  load?: (input: In<A>, ctx: ActionContext) => Promise<L>
  photos?: (input: In<A>) => readonly string[]
  texts?: (input: In<A>) => ReadonlyArray<string | null | undefined>
  run: (args: A['write'] extends true ? WriteRunArgs<A, L> : ReadRunArgs<A, L>) => Promise<R>
  present?: (args: PresentArgs<A, R>) => Promise<Out<A>>
  /**
   * A read that needs only the input (the case the input names), started beside the caller's read so `load` does not
   * wait for the caller first (issue #21: one request off the chain); `load` takes it with `ctx.takePrefetched()`.
   * Nothing of it is answered before the caller and the permission are checked.
   */
  prefetch?: (input: In<A>, db: DataPort) => Promise<unknown>
}

export interface ActionImpl<A extends ActionDef> {
  impl: PhasedAction<ActionDef, unknown, unknown>
  /** the contract action it implements (compile time only) */
  readonly def?: A
}

export function defineAction<A extends ActionDef, L = Record<string, never>, R extends Out<A> = Out<A>>(
  def: A,
  impl: PhasedAction<A, L, R> & { present?: undefined },
): ActionImpl<A>
export function defineAction<A extends ActionDef, L, R>(
  def: A,
  impl: PhasedAction<A, L, R> & { present: PhasedAction<A, L, R>['present'] },
): ActionImpl<A>
export function defineAction<A extends ActionDef, L, R>(_def: A, impl: PhasedAction<A, L, R>): ActionImpl<A> {
  return { impl: impl as unknown as PhasedAction<ActionDef, unknown, unknown> }
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

function fail(err: DomainError, lang: Lang): Envelope<never> {
  const message = err.messageIn(lang)
  return err.details === undefined
    ? { ok: false, code: err.code, message }
    : { ok: false, code: err.code, message, details: err.details }
}

/** The language of the reply: what the caller reads now (the call's `lang`), else their profile's, else Chinese. */
function langOf(body: unknown): Lang {
  const v = body && typeof body === 'object' ? (body as { lang?: unknown }).lang : undefined
  return isLang(v) ? v : DEFAULT_LANG
}

/** JSON with object keys in order, so the same input always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

/** What a request id stands for: the function, the action and the parsed input. */
export function fingerprintOf(fn: string, action: string, input: unknown): string {
  return createHash('sha256')
    .update(`${fn}.${action}\u0000${canonical(input)}`)
    .digest('base64url')
}

/** The request record's id: a request id belongs to its caller, whatever action it was first used for. */
export function requestKey(userId: string, requestId: string): string {
  return `${userId}:${requestId}`
}

/**
 * Wraps a contract and its action implementations into one cloud function. Every call takes the same
 * path: find the action → parse the input → take the caller from the platform → replay a request already
 * done → load → check the permission in the target unit → check text, adopt photos → run (a write: in one
 * transaction with the request record) → push → present → check the output. Domain errors become
 * `{ ok: false }` with their Chinese message; anything else is logged and becomes COMMON.INTERNAL.
 */
export function defineFunction<Ct extends Contract>(
  contract: Ct,
  impls: { [K in keyof Ct['actions']]: ActionImpl<Ct['actions'][K]> },
  timers: Record<string, Timer> = {},
): CloudFunction {
  const name = contract.name
  return {
    name,
    contract,
    timers,
    async handle(body, identity, rt) {
      let actionName = '?'
      let lang = langOf(body)
      try {
        if (body === null || typeof body !== 'object' || Array.isArray(body)) throw CommonErrors.BAD_REQUEST()
        const shape = shapeProblem(body) // before anything walks it (CloudBase parses the event itself)
        if (shape) throw shape === 'too_deep' ? CommonErrors.TOO_DEEP() : CommonErrors.PAYLOAD_TOO_LARGE()
        if (JSON.stringify(body).length > MAX_CALL_BYTES) throw CommonErrors.PAYLOAD_TOO_LARGE()
        const call = CallBodySchema.safeParse(body)
        if (!call.success)
          throw CommonErrors.BAD_REQUEST(describeZodError(call.error, lang), issuesOf(call.error, lang))
        actionName = call.data.action
        if (!Object.prototype.hasOwnProperty.call(contract.actions, actionName)) {
          throw CommonErrors.UNKNOWN_ACTION.because('call.unknown_action', { name: actionName })
        }
        const def = contract.actions[actionName] as ActionDef
        const impl = impls[actionName as keyof Ct['actions']] as ActionImpl<ActionDef>
        const requestId = call.data.requestId ?? null
        if (def.write && !requestId) throw CommonErrors.REQUEST_ID_REQUIRED()

        const parsed = def.input.safeParse(call.data.data ?? {})
        if (!parsed.success) {
          throw CommonErrors.BAD_INPUT(describeZodError(parsed.error, lang, name), issuesOf(parsed.error, lang, name))
        }
        const input = parsed.data

        // A write's request record is read up front only when the client says it is sending this request id again
        // (`retry`), together with the caller (one round trip). A first call does not read it: its insert in the
        // transaction fails if the request was done, and any refusal on the way there is checked against it (below),
        // so a replay the client did not mark still answers the first result and changes nothing.
        const uid = callerUserId(identity)
        const readFirst = def.write && call.data.retry === true
        const priorRead = readFirst && requestId && uid ? rt.db.get(C.requests, requestKey(uid, requestId)) : null
        priorRead?.catch(() => undefined) // awaited below unless taking the caller fails
        let prefetched: Promise<unknown> | undefined = impl.impl.prefetch?.(input, rt.db)
        /** the documents earlier tries of this call's transaction found changed or there (StaleReadError) */
        const stale = new Set<string>()
        prefetched?.catch(() => undefined) // taken by load (which sees its failure), or dropped
        const caller = await loadCaller(rt, identity)
        if (!call.data.lang && caller.user.lang) lang = caller.user.lang
        const grants = asGrants(caller.grants)
        const now = rt.clock.now()
        const key = def.write && requestId ? requestKey(caller.user._id, requestId) : null
        const fingerprint = key ? fingerprintOf(name, actionName, input) : ''

        const ctx: ActionContext = {
          fn: name,
          action: actionName,
          caller,
          lang,
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
          takePrefetched: () => {
            const p = prefetched
            prefetched = undefined
            return p
          },
          wasStale: (collection, id) => stale.has(`${collection}/${id}`),
        }

        const checkOutput = (output: unknown): Envelope<unknown> => {
          const checked = def.output.safeParse(output)
          if (!checked.success) {
            rt.log.error('output does not match its schema', {
              fn: name,
              action: actionName,
              issues: issuesOf(checked.error),
            })
            throw CommonErrors.INTERNAL()
          }
          return { ok: true, data: checked.data }
        }

        // A request already done is answered before any check that depends on the state it changed; the same
        // request id with another action or input is refused, never answered with the other request's result.
        const replay = async (record: RequestRecord): Promise<Envelope<unknown>> => {
          if (record.fingerprint !== fingerprint) throw CommonErrors.REQUEST_ID_REUSED()
          if (!impl.impl.present) return checkOutput(record.result)
          return checkOutput(await impl.impl.present({ result: record.result, input, ctx, replay: true }))
        }
        if (key && readFirst) {
          const prior = priorRead && uid === caller.user._id ? await priorRead : await rt.db.get(C.requests, key)
          if (prior) return await replay(prior)
        }
        /** A write refused before its transaction: if the request was already done, the answer is its first result. */
        const replayIfDone = async (err: unknown): Promise<Envelope<unknown>> => {
          if (key && err instanceof DomainError) {
            const prior = await rt.db.get(C.requests, key)
            if (prior) return await replay(prior)
          }
          throw err
        }

        const checkPermission = async (unitId: string | typeof ANYWHERE | null | undefined) => {
          if (!def.permission) return
          if (unitId === undefined) throw new Error(`${name}.${actionName} needs a target unit for ${def.permission}`)
          if (unitId === ANYWHERE || unitId === null) {
            if (!hasAnywhere(grants, def.permission)) throw CommonErrors.FORBIDDEN()
            return
          }
          const unit = await rt.units.get(unitId)
          if (!unit) throw CommonErrors.UNIT_NOT_FOUND()
          if (!can(grants, def.permission, unit.path)) {
            throw hasAnywhere(grants, def.permission) ? CommonErrors.OUT_OF_SCOPE() : CommonErrors.FORBIDDEN()
          }
        }

        const record = (result: unknown): RequestRecord => ({
          _id: key!,
          fn: name,
          action: actionName,
          userId: caller.user._id,
          fingerprint,
          result: result ?? null,
          at: now,
        })
        /**
         * One transaction that also records the request; a request already done (a replay, or a concurrent twin
         * that committed first) is replayed. The record is not read inside the transaction: inserting it fails if
         * the request was done (the whole transaction then rolls back, nothing of it lands), and a refusal the
         * first call's change caused (the case has moved on) is answered with its result, read only then.
         */
        const transactOnce = async <T>(
          body: (tx: TxStore) => Promise<T>,
        ): Promise<{ replayed: Envelope<unknown> } | { result: T }> => {
          try {
            return {
              result: await rt.db.transaction(async (tx) => {
                // the photos' new media checks, in this transaction (issue #21: none of their own)
                await tx.insertMany(C.media_checks, [...newChecks.values()]) // one request for all of them
                const result = await body(tx)
                await tx.insert(C.requests, record(result))
                return result
              }),
            }
          } catch (err) {
            // any duplicate id: the record's own, or one a done request's first call wrote (an audit entry's)
            if (err instanceof DuplicateKeyError || err instanceof DomainError) {
              const prior = await rt.db.get(C.requests, key!)
              if (prior) return { replayed: await replay(prior) }
            }
            throw err
          }
        }

        const phased = impl.impl
        let loaded: unknown = {}
        const adopted = new Map<string, AdoptedPhoto>()
        /** media checks made by this call's adoptions, by photo, written in its transaction */
        const newChecks = new Map<string, MediaCheck>()
        const keepCheck =
          (id: string): KeepCheck =>
          (doc) =>
            void newChecks.set(id, doc)
        const adopt = async (id: string) =>
          adopted.set(id, await rt.files.adoptPhoto(id, caller.user._id, keepCheck(id)))
        /**
         * The transaction did not commit (refused, replayed, failed): the checks it would have written are written
         * on their own, so a photo is never checked twice and an asynchronous check's answer finds its record.
         */
        const keepChecksAlone = async () => {
          for (const doc of newChecks.values())
            await rt.db.insert(C.media_checks, doc).catch((err: unknown) => {
              if (!(err instanceof DuplicateKeyError)) rt.log.error('media check not kept', { fileId: doc.fileId })
            })
          newChecks.clear()
        }
        /** `load` and the permission check; for a write the first time also the text checks and the photos' adoption */
        const prepare = async (first: boolean): Promise<Envelope<unknown> | null> => {
          try {
            loaded = phased.load ? await phased.load(input, ctx) : {}
            await checkPermission((loaded as Partial<Target> | undefined)?.unitId)
            if (def.write && first) {
              for (const text of phased.texts?.(input) ?? []) {
                if (!text || !text.trim()) continue
                const verdict = await rt.contentSafety.check(text, caller.user.openid)
                if (!verdict.pass) throw CommonErrors.CONTENT_UNSAFE()
              }
              for (const id of new Set(phased.photos?.(input) ?? [])) await adopt(id)
            }
            return null
          } catch (err) {
            await keepChecksAlone()
            return await replayIfDone(err)
          }
        }
        const refused = await prepare(true)
        if (refused) return refused

        let result: unknown
        if (def.write) {
          const adoptedOf = (ids: readonly string[]) =>
            [...new Set(ids)].map((id) => {
              const got = adopted.get(id)
              if (got === undefined) throw new Error(`${name}.${actionName}: photo ${id} was not named by photos()`)
              return got
            })
          const photos = (ids: readonly string[]) => adoptedOf(ids).map((p) => p.fileId)
          const passed = (ids: readonly string[]) =>
            adoptedOf(ids)
              .filter((p) => p.passed)
              .map((p) => p.fileId)
          let pushes: PushMessage[] = []
          let handed: unknown
          const { db: _db, ...writeCtx } = ctx
          const attempt = () =>
            transactOnce((tx) => {
              pushes = []
              handed = undefined
              const args: WriteRunArgs<ActionDef, unknown> = {
                input,
                loaded,
                ctx: writeCtx,
                tx,
                photos,
                passed,
                push: (...m) => void pushes.push(...m),
                handOn: (value) => void (handed = value),
              }
              return (phased.run as unknown as (a: WriteRunArgs<ActionDef, unknown>) => Promise<unknown>)(args)
            })
          // what `load` read changed before the transaction ran (StaleReadError): load again and run again, a few times
          let r: Awaited<ReturnType<typeof attempt>> | null = null
          try {
            for (let tries = 1; !r; tries++) {
              try {
                r = await attempt()
              } catch (err) {
                // another call checked the same photo first: its check stands, and is the one taken
                const twin = err instanceof DuplicateKeyError && err.collection === C.media_checks && newChecks.size > 0
                if (twin) {
                  // a photo checked before (used again, or a retry on the local host): the checks there stand. Each
                  // photo this call made a new check for is adopted again without `keep`, which reads its check
                  // first (one there is taken; one not there is made again and written on its own)
                  const again = [...newChecks.keys()]
                  newChecks.clear()
                  for (const id of again) adopted.set(id, await rt.files.adoptPhoto(id, caller.user._id))
                } else if (!(err instanceof StaleReadError)) throw err
                else stale.add(`${err.collection}/${err.id}`)
                if (tries >= 3) throw CommonErrors.CONFLICT()
                if (!twin) {
                  const again = await prepare(false)
                  if (again) return again
                }
              }
            }
          } finally {
            if (!r || 'replayed' in r) await keepChecksAlone()
          }
          newChecks.clear()
          if ('replayed' in r) return r.replayed
          result = r.result
          // the pushes (best effort, never throwing) go out while the view is read: neither waits for the other
          const [, output] = await Promise.all([
            pushAll(rt, pushes, caller.user),
            phased.present ? phased.present({ result, input, ctx, replay: false, handed }) : result,
          ])
          return checkOutput(output)
        } else {
          const args: ReadRunArgs<ActionDef, unknown> = { input, loaded, ctx }
          result = await (phased.run as unknown as (a: ReadRunArgs<ActionDef, unknown>) => Promise<unknown>)(args)
        }
        return checkOutput(phased.present ? await phased.present({ result, input, ctx, replay: false }) : result)
      } catch (err) {
        if (err instanceof DomainError) return fail(err, lang)
        rt.log.error('action failed', {
          fn: name,
          action: actionName,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        })
        return fail(CommonErrors.INTERNAL(), lang)
      }
    },
  }
}

/**
 * Pushes after the commit, best effort: a failed push never fails the action (the inbox has the message). Each is
 * rendered in its recipient's profile language, and what WeChat answered is recorded (`push_records`) where there
 * is a channel to answer (CloudBase), so admins can see what arrived.
 */
export async function pushAll(
  rt: Runtime,
  messages: readonly PushMessage[],
  /** a profile already read in this call (the caller's): not read again (issue #21) */
  known?: Pick<Caller['user'], '_id' | 'lang' | 'openid'>,
  /** how a kept text reads in a language (a domain's own: the volunteer's formats its times) */
  say: (t: MessageRef | string, lang: Lang) => string = (t, lang) => (typeof t === 'string' ? t : render(t, lang)),
): Promise<number> {
  if (!messages.length) return 0
  // every other recipient's profile in one query (`_id in`), not one read each; none for a message that has its
  // recipient's already (a holder's, from their assignment)
  const others = messages.filter((m) => !m.to && m.userId !== known?._id).map((m) => m.userId)
  const users = await (others.length ? getMany(rt.db, C.users, others) : Promise.resolve(new Map())).catch(
    (err: unknown) => {
      rt.log.error('push failed', { error: err instanceof Error ? err.message : String(err) })
      return null
    },
  )
  if (!users) return 0
  if (known) users.set(known._id, known)
  // all at once (issue #21): each push is a call to WeChat, none waits for another, and what they answered is kept
  // in one insert when all have answered
  const records: PushRecord[] = []
  const at = rt.clock.now()
  let through = 0
  await Promise.all(
    messages.map(async (m) => {
      try {
        const user = m.to ?? users.get(m.userId)
        const lang = user?.lang ?? DEFAULT_LANG
        const title = say(m.title, lang)
        const { to: _to, ...sent } = m
        const outcome = await rt.notifier.push({
          ...sent,
          title,
          body: say(m.body, lang),
          openid: user?.openid ?? null,
        })
        through += 1
        if (outcome) records.push(pushRecord(m.userId, title, outcome, at))
      } catch (err) {
        rt.log.error('push failed', { error: err instanceof Error ? err.message : String(err) })
      }
    }),
  )
  if (records.length)
    await rt.db.insertMany(C.push_records, records).catch((err: unknown) => {
      rt.log.error('push records not kept', { error: err instanceof Error ? err.message : String(err) })
    })
  return through
}

function pushRecord(userId: string, title: string, outcome: PushOutcome, at: number): PushRecord {
  return {
    _id: newId('push', at),
    userId,
    title: title.slice(0, 60),
    status: outcome.status,
    errcode: 'errcode' in outcome ? outcome.errcode : null,
    reason: outcome.status === 'skipped' ? outcome.reason : outcome.status === 'failed' ? outcome.error : null,
    at,
  }
}
