import { AccountErrors } from '@shared/account/account.contract'
import { AUDIT_WHATS, type AuditEntry } from '@shared/audit/audit.schema'
import { auditWhatLabel } from '@shared/audit/audit.messages'
import type { Lang } from '@shared/i18n/i18n'
import type { Filter } from '../_core/port'
import type { Runtime } from '../_core/runtime'

/** The audit log's filters: a county (or a township or village in it) by time, then who, what or subject. */
export async function auditWhere(
  rt: Runtime,
  input: { unitId: string; actorId?: string; what?: string; subjectId?: string; from?: number; to?: number },
): Promise<Filter> {
  const unit = await rt.units.get(input.unitId)
  if (!unit) throw AccountErrors.UNIT_NOT_FOUND()
  const where: Filter =
    unit.level === 'county'
      ? { countyId: unit._id }
      : unit.level === 'township'
        ? { townshipId: unit._id }
        : unit.level === 'village'
          ? { villageId: unit._id }
          : { unitId: unit._id }
  if (unit.level === 'prefecture') {
    const counties = (await rt.units.children(unit._id)).filter((u) => u.level === 'county').map((u) => u._id)
    delete where.unitId
    where.countyId = { $in: counties }
  }
  if (input.actorId) where.actorId = input.actorId
  // a kind ('role.grant'), or a group of kinds by their first word ('role.')
  if (input.what)
    where.what = input.what.endsWith('.') ? { $in: AUDIT_WHATS.filter((w) => w.startsWith(input.what!)) } : input.what
  if (input.subjectId) where.subjectId = input.subjectId
  if (input.from !== undefined || input.to !== undefined)
    where.at = {
      ...(input.from !== undefined ? { $gte: input.from } : {}),
      ...(input.to !== undefined ? { $lt: input.to } : {}),
    }
  return where
}

/** A value of the log as people read it: JSON without braces noise, '' for nothing. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return ''
  return JSON.stringify(v).slice(0, 2_000)
}

export async function auditItem(rt: Runtime, e: AuditEntry, lang: Lang) {
  return {
    id: e._id,
    at: e.at,
    actor: { id: e.actorId, name: e.actorName },
    what: e.what,
    whatLabel: auditWhatLabel(e.what, lang),
    unit: (await rt.units.ref(e.unitId))?.fullName ?? e.unitId,
    subjectId: e.subjectId,
    before: valueText(e.before),
    after: valueText(e.after),
    requestId: e.requestId,
  }
}
