import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Org, Stats, StatsView } from '@shared/volunteer/volunteer.schema'
import { attendanceRate, minutesToHours } from '@shared/volunteer/volunteer.rules'
import { legacyAction } from '../../_core/wrap'
import { areaFilter, emptyStats, ids, requireUnit } from '../support'

function statsView(s: Stats, name: string): StatsView {
  return {
    refId: s.refId,
    name,
    tasks: s.tasks,
    signups: s.signups,
    cancellations: s.cancellations,
    attended: s.attended,
    absent: s.absent,
    attendanceRate: attendanceRate(s.attended, s.absent),
    confirmedHours: minutesToHours(s.confirmedMinutes),
    requestsPosted: s.requestsPosted,
    requestsTaken: s.requestsTaken,
    requestsVerified: s.requestsVerified,
    avgTakeHours: s.requestsTaken ? minutesToHours(s.takeMinutesTotal / s.requestsTaken) : null,
  }
}

/** Figures of a village (or township) and of each organisation registered there, read from counters by id. */
export const figures = legacyAction(volunteerContract.actions.figures, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId }, ctx) => {
    const unit = await requireUnit(ctx.rt, unitId)
    const own =
      (await ctx.db.get<Stats>('volunteer_stats', ids.stats('village', unitId))) ?? emptyStats('village', unitId)
    const orgs = await ctx.db.find<Org>('volunteer_orgs', {
      where: { ...(areaFilter(unit) ?? {}), status: 'approved' },
      orderBy: [['registeredAt', 'asc']],
      limit: 50,
    })
    const orgStats = await Promise.all(
      orgs.map(async (o) =>
        statsView(
          (await ctx.db.get<Stats>('volunteer_stats', ids.stats('org', o._id))) ?? emptyStats('org', o._id),
          o.name,
        ),
      ),
    )
    return { unit: statsView(own, unit.name), orgs: orgStats }
  },
})
