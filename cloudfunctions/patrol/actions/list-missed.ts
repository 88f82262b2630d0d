import { patrolContract } from '@shared/patrol/patrol.contract'
import { plannedWindows } from '@shared/patrol/patrol.rules'
import { bjDay, bjDayStart } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { checkpointNames, ids, mustBeVillage } from '../patrol.repo'

/** Over the last `days` Beijing days: shift windows that ended with no finished patrol, and skipped checkpoints. */
export const listMissed = defineAction(patrolContract.actions.listMissed, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, days }, ctx }) => {
    mustBeVillage(await ctx.rt.units.get(villageId))
    const from = bjDayStart(bjDay(ctx.now)) - (days - 1) * 86_400_000
    const [shifts, teams, routes, patrols] = await Promise.all([
      ctx.db.find(C.patrol_shifts, { where: { villageId }, limit: 500 }),
      ctx.db.find(C.patrol_teams, { where: { villageId }, limit: 200 }),
      ctx.db.find(C.patrol_routes, { where: { villageId }, limit: 200 }),
      ctx.db.find(C.patrols, {
        where: { villageId, day: { $gte: bjDay(from) } },
        orderBy: [['day', 'desc']],
        limit: 2000,
      }),
    ])
    const teamName = new Map(teams.map((t) => [t._id, t.name]))
    const routeName = new Map(routes.map((r) => [r._id, r.name]))
    const patrolById = new Map(patrols.map((p) => [p._id, p]))
    const missedShifts = shifts
      .flatMap((s) =>
        plannedWindows(s, from, ctx.now)
          .filter((w) => w.end <= ctx.now && patrolById.get(ids.patrol(s._id, w.day))?.status !== 'finished')
          .map((w) => ({
            shiftId: s._id,
            shiftName: s.name,
            teamName: teamName.get(s.teamId) ?? '',
            routeName: routeName.get(s.routeId) ?? '',
            day: w.day,
            start: w.start,
            startedButUnfinished: patrolById.has(ids.patrol(s._id, w.day)),
          })),
      )
      .sort((a, b) => b.start - a.start)
    const skipped = patrols.filter((p) => p.status === 'finished' && p.missedCheckpointIds.length)
    const cpNames = await checkpointNames(
      ctx.db,
      skipped.flatMap((p) => p.missedCheckpointIds),
      ctx.lang,
    )
    return {
      shifts: missedShifts,
      checkpoints: skipped.map((p) => ({
        patrolId: p._id,
        day: p.day,
        shiftName: p.shiftName,
        teamName: teamName.get(p.teamId) ?? '',
        missed: p.missedCheckpointIds.map((id) => ({ id, name: cpNames.get(id) ?? '' })),
      })),
    }
  },
})
