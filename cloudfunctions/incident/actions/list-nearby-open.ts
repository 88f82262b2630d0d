import { incidentContract } from '@shared/incident/incident.contract'
import { NEARBY_DAYS, NEARBY_RADIUS_M, cellsAround, distanceM } from '@shared/incident/incident.rules'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { toSummary } from '../incident.views'

/** Before filing: open reports of the same category within 100 m and 7 days (public summaries only). */
export const listNearbyOpen = defineAction(incidentContract.actions.listNearbyOpen, {
  // anyone who may report somewhere may look: the summaries carry nothing private
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { category, location }, ctx }) => {
    const rows = await ctx.db.find(C.incidents, {
      where: {
        cell: { $in: cellsAround(location.lat, location.lng) },
        category,
        open: true,
        reportedAt: { $gte: ctx.now - NEARBY_DAYS * 86_400_000 },
      },
      orderBy: [['reportedAt', 'desc']],
      limit: 50,
    })
    const items = []
    for (const inc of rows) {
      if (!inc.location) continue
      const d = distanceM(location, inc.location)
      if (d <= NEARBY_RADIUS_M) items.push({ ...(await toSummary(ctx.rt, inc)), distanceM: Math.round(d) })
    }
    items.sort((a, b) => a.distanceM - b.distanceM)
    return { items: items.slice(0, 10) }
  },
})
