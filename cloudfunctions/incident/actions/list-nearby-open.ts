import { incidentContract } from '@shared/incident/incident.contract'
import { NEARBY_DAYS, cellCentre, cellsAround, geohash, nearbyStep } from '@shared/incident/incident.rules'
import { NEARBY_STEPS } from '@shared/incident/incident.schema'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { toSummary } from '../incident.views'

/**
 * Before filing: open reports of the same category from the last 7 days around the caller, to join ("我也遇到")
 * instead of filing the same thing twice.
 *
 * A resident may not see where someone else's report was made (`get` hides it), so this must not tell it either.
 * Think of someone who sends this query from thousands of chosen points:
 * - Only cases in grids where the caller may report (incident_create: their residence, or the grids of the units
 *   where they hold a role) are offered: the same permission `joinIncident` needs there. Another grid's or county's
 *   cases never come back, from whatever point.
 * - The probe is snapped to its geohash cell (precision 7, ~150 m × ~130 m) before anything is looked up, and a
 *   case is known by the cell it was filed in (`cell`, kept with it). What comes back (which cases, their step,
 *   their order) is a function of the two cells alone: every point of one cell gets the same answer, so no probe
 *   can tell more than which cell the case lies in, however many probes are sent and wherever.
 * - The answer is a coarse step (`same_cell` ≈ within 200 m, `next_cell` ≈ within 400 m), never metres; the order
 *   is by step, then newest first, never by exact distance (an order by distance would leak it again).
 * So the most anyone learns is the ~150 m cell of an open case in a grid where they may report anyway, never a
 * point, and nothing at all of other grids.
 */
export const listNearbyOpen = defineAction(incidentContract.actions.listNearbyOpen, {
  // a caller who may report somewhere may ask; each case is then kept only if they may report (join) in its grid
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { category, location }, ctx }) => {
    const probe = geohash(location.lat, location.lng)
    const centre = cellCentre(probe)
    const rows = await ctx.db.find(C.incidents, {
      where: {
        cell: { $in: cellsAround(centre.lat, centre.lng) },
        category,
        open: true,
        reportedAt: { $gte: ctx.now - NEARBY_DAYS * 86_400_000 },
      },
      orderBy: [['reportedAt', 'desc']],
      limit: 50,
    })
    const items = []
    for (const inc of rows) {
      const step = inc.cell ? nearbyStep(probe, inc.cell) : null
      if (!step || !(await ctx.can('incident_create', inc.gridId))) continue
      items.push({ ...(await toSummary(ctx, inc)), step })
    }
    // newest first within a step (the query's order; the sort is stable)
    items.sort((a, b) => NEARBY_STEPS.indexOf(a.step) - NEARBY_STEPS.indexOf(b.step))
    return { items: items.slice(0, 10) }
  },
})
