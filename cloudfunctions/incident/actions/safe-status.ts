import { incidentContract } from '@shared/incident/incident.contract'
import type { SafeReport } from '@shared/incident/incident.schema'
import { bjDay } from '@shared/time/beijing'
import { stableId } from '../../_core/ids'
import { legacyAction } from '../../_core/wrap'
import { gridsUnder } from '../store'

/** Which grids under a unit have reported today (safe or an incident), read by deterministic id. */
export const safeStatus = legacyAction(incidentContract.actions.safeStatus, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId, day }, ctx) => {
    const d = day ?? bjDay(ctx.now)
    const grids = await gridsUnder(ctx.rt, unitId)
    const rows = await Promise.all(
      grids.slice(0, 500).map(async (g) => {
        const r = await ctx.db.get<SafeReport>('safe_reports', stableId('sr', g._id, d))
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
