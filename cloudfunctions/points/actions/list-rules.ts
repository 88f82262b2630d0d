import { pointsContract } from '@shared/points/points.contract'
import type { PointsRule } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { requireVillageMember, ruleView } from '../service'

/** The village code's rules are public to the village: residents see what earns and loses points. */
export const listRules = legacyAction(pointsContract.actions.listRules, {
  run: async ({ villageId, includeInactive }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const rows = await ctx.db.find<PointsRule>('points_rules', {
      where: { villageId },
      orderBy: [
        ['category', 'asc'],
        ['code', 'asc'],
      ],
      limit: 500,
    })
    return { items: rows.filter((r) => includeInactive || r.active).map(ruleView) }
  },
})
