import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { bjDay, bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { bump, countedUnits, gridPlace, safeReportId } from '../incident.repo'

/** 无事报平安: one tap, one per grid per Beijing day (a second tap, or an incident report that day, is kept). */
export const safeReport = defineAction(incidentContract.actions.safeReport, {
  load: async ({ gridId }, ctx) => {
    const unit = await ctx.rt.units.get(gridId)
    // a unit that is not a grid is refused in `run`, after the permission check in it
    return { unitId: gridId, place: unit ? gridPlace(unit) : null }
  },
  // the note is kept with the grid's day for its officials
  texts: ({ note }) => [note],
  run: async ({ input: { gridId, note }, loaded: { place }, tx, ctx }) => {
    if (!place) throw IncidentErrors.NOT_A_GRID()
    const day = bjDay(ctx.now)
    const existing = await tx.get(C.safe_reports, safeReportId(gridId, day))
    if (existing) return { day, gridId, kind: existing.kind, at: existing.at, already: true }
    await tx.insert(C.safe_reports, {
      _id: safeReportId(gridId, day),
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
    await bump(tx, bjMonth(ctx.now), [[countedUnits(place), { safeDays: 1 }]])
    return { day, gridId, kind: 'safe' as const, at: ctx.now, already: false }
  },
})
