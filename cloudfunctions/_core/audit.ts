import type { AuditEntry, AuditWhat } from '@shared/audit/audit.schema'
import { C } from './collections'
import { timeId } from './ids'
import type { TxStore } from './port'
import type { WriteContext } from './wrap'

/**
 * The audit log's one writer. Each administrative change calls `audit(tx, ctx, …)` once, inside its own
 * transaction, so the entry lands exactly when the change does (and a replayed request writes nothing twice: the
 * id is the time, the caller, the request and the entry's place in it). Entries are only ever inserted: nothing
 * in the code base updates or removes them (tests/audit-append-only.test.ts), and they are kept for at least six
 * months (Cybersecurity Law art. 21; README "Audit log").
 */
const seqOf = new WeakMap<object, number>()

export interface AuditChange {
  what: AuditWhat
  /** the unit the change is made in (its ancestors are kept for the county admins' filters) */
  unitId: string
  subjectId?: string | null
  before?: unknown
  after?: unknown
}

export async function audit(tx: TxStore, ctx: WriteContext, change: AuditChange): Promise<void> {
  const n = seqOf.get(ctx) ?? 0
  seqOf.set(ctx, n + 1)
  const unit = await ctx.rt.units.get(change.unitId)
  const at: Record<'county' | 'township' | 'village', string | null> = { county: null, township: null, village: null }
  for (const id of unit?.path ?? []) {
    const u = id === unit?._id ? unit : await ctx.rt.units.get(id)
    if (u && (u.level === 'county' || u.level === 'township' || u.level === 'village')) at[u.level] = u._id
  }
  const entry: AuditEntry = {
    _id: timeId('au', ctx.now, ctx.caller.user._id, ctx.requestId ?? '', String(n), change.what),
    at: ctx.now,
    actorId: ctx.caller.user._id,
    actorName: ctx.caller.user.name,
    fn: ctx.fn,
    action: ctx.action,
    what: change.what,
    unitId: change.unitId,
    countyId: at.county,
    townshipId: at.township,
    villageId: at.village,
    subjectId: change.subjectId ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId,
  }
  await tx.insert(C.audit_log, entry)
}
