import { incidentContract } from '@shared/incident/incident.contract'
import { ROUND_SLOTS, ROUNDS_PER_DAY } from '@shared/incident/incident.schema'
import { bjDay } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { gridsUnder, safeReportId } from '../incident.repo'
import { roundId } from '../incident.rounds'

/**
 * 一日两巡 beside 报平安: per grid under a unit, today's rounds finished of the two due, households visited and
 * whether it reported; counts only (the visit notes stay with the grid's handlers). Read by deterministic ids.
 */
export const getRoundStatus = defineAction(incidentContract.actions.getRoundStatus, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, day }, ctx }) => {
    const d = day ?? bjDay(ctx.now)
    const grids = await gridsUnder(ctx.rt, unitId)
    const rows = await Promise.all(
      grids.slice(0, 500).map(async (g) => {
        const rounds = await Promise.all(ROUND_SLOTS.map((s) => ctx.db.get(C.grid_rounds, roundId(g._id, d, s))))
        const safe = !!(await ctx.db.get(C.safe_reports, safeReportId(g._id, d)))
        return {
          grid: (await ctx.rt.units.ref(g._id))!,
          done: rounds.filter((r) => r?.finishedAt).length,
          due: ROUNDS_PER_DAY,
          visits: rounds.reduce((n, r) => n + (r?.visits.length ?? 0), 0),
          safe,
        }
      }),
    )
    rows.sort((a, b) => a.done - b.done || a.grid.id.localeCompare(b.grid.id))
    return {
      day: d,
      grids: rows,
      doneCount: rows.reduce((n, r) => n + r.done, 0),
      dueCount: rows.length * ROUNDS_PER_DAY,
    }
  },
})
