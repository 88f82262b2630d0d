import { incidentContract } from '@shared/incident/incident.contract'
import type { Incident } from '@shared/incident/incident.schema'
import { NEARBY_DAYS, NEARBY_RADIUS_M, cellsAround, distanceM } from '@shared/incident/incident.rules'
import { legacyAction } from '../../_core/wrap'
import { INCIDENTS, toSummary } from '../store'

/** Before filing: open reports of the same category within 100 m and 7 days (public summaries only). */
export const nearbyOpen = legacyAction(incidentContract.actions.nearbyOpen, {
  scope: async () => null,
  run: async ({ category, location }, ctx) => {
    const rows = await ctx.db.find<Incident>(INCIDENTS, {
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
