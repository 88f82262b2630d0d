import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsRule, PointsRuleVersion } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { ruleView } from '../service'

export const ruleVersions = legacyAction(pointsContract.actions.ruleVersions, {
  scope: async ({ ruleId }, ctx) => {
    const rule = await ctx.db.get<PointsRule>('points_rules', ruleId)
    if (!rule) throw PointsErrors.RULE_NOT_FOUND()
    return rule.villageId
  },
  run: async ({ ruleId }, ctx) => {
    const rows = await ctx.db.find<PointsRuleVersion>('points_rule_versions', {
      where: { ruleId },
      orderBy: [['version', 'desc']],
      limit: 200,
    })
    return { items: rows.map((v) => ruleView({ ...v, _id: v.ruleId })) }
  },
})
