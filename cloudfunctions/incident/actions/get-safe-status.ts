import { incidentContract } from '@shared/incident/incident.contract'
import { bjDay } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { gridsUnder, safeReportId } from '../incident.repo'

/** Which grids under a unit have reported today (safe or an incident), read by deterministic id. */
export const getSafeStatus = defineAction(incidentContract.actions.getSafeStatus, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, day }, ctx }) => {
    const d = day ?? bjDay(ctx.now)
    const grids = await gridsUnder(ctx.rt, unitId)
    const rows = await Promise.all(
      grids.slice(0, 500).map(async (g) => {
        const r = await ctx.db.get(C.safe_reports, safeReportId(g._id, d))
        return {
          grid: (await ctx.rt.units.ref(g._id))!,
          reported: !!r,
          kind: r?.kind ?? null,
          at: r?.at ?? null,
          byName: r?.byName ?? null,
        }
      }),
    )
    rows.sort((a, b) => Number(a.reported) - Number(b.reported) || a.grid.id.localeCompare(b.grid.id))
    const reportedCount = rows.filter((r) => r.reported).length
    return { day: d, grids: rows, reportedCount, missingCount: rows.length - reportedCount }
  },
})
