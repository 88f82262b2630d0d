import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadRule } from '../points.repo'
import { ruleView } from '../points.views'

/** Every version a rule has had, newest first (what entries made under each version cite). */
export const listRuleVersions = defineAction(pointsContract.actions.listRuleVersions, {
  load: async ({ ruleId }, ctx) => {
    const rule = await loadRule(ctx.db, ruleId)
    return { unitId: rule.villageId }
  },
  run: async ({ input: { ruleId }, ctx }) => {
    const rows = await ctx.db.find(C.points_rule_versions, {
      where: { ruleId },
      orderBy: [['version', 'desc']],
      limit: 200,
    })
    return { items: rows.map((v) => ruleView({ ...v, _id: v.ruleId }, ctx.lang)) }
  },
})
