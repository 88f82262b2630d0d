import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { SafeReport } from '@shared/incident/incident.schema'
import { bjDay, bjMonth } from '@shared/time/beijing'
import { stableId } from '../../_core/ids'
import { legacyAction } from '../../_core/wrap'
import { bump, countedUnits, placeOfGrid } from '../store'

/** 无事报平安: one tap, one per grid per Beijing day (a second tap, or an incident report that day, is kept). */
export const safeReport = legacyAction(incidentContract.actions.safeReport, {
  scope: async ({ gridId }) => gridId,
  run: async ({ gridId, note }, ctx) => {
    const place = await placeOfGrid(ctx.rt, gridId).catch(() => {
      throw IncidentErrors.NOT_A_GRID()
    })
    const day = bjDay(ctx.now)
    const id = stableId('sr', gridId, day)
    return ctx.transact(async (tx) => {
      const existing = await tx.get<SafeReport>('safe_reports', id)
      if (existing) return { day, gridId, kind: existing.kind, at: existing.at, already: true }
      await tx.insert<SafeReport>('safe_reports', {
        _id: id,
        gridId,
        villageId: place.villageId,
        townshipId: place.townshipId,
        day,
        kind: 'safe',
        byUserId: ctx.caller.user._id,
        byName: ctx.caller.user.name,
        note,
        at: ctx.now,
      })
      await bump(tx, countedUnits(place), bjMonth(ctx.now), { safeDays: 1 })
      return { day, gridId, kind: 'safe' as const, at: ctx.now, already: false }
    })
  },
})
