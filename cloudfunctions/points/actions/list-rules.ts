import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { requireVillageMember } from '../points.repo'
import { ruleView } from '../points.views'

/** The village code's rules are public to the village: residents see what earns and loses points. */
export const listRules = defineAction(pointsContract.actions.listRules, {
  load: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    return { unitId: villageId }
  },
  run: async ({ input: { villageId, includeInactive }, ctx }) => {
    const rows = await ctx.db.find(C.points_rules, {
      where: { villageId },
      orderBy: [
        ['category', 'asc'],
        ['code', 'asc'],
      ],
      limit: 500,
    })
    return { items: rows.filter((r) => includeInactive || r.active).map((r) => ruleView(r, ctx.lang)) }
  },
})
