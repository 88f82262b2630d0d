import { pointsContract } from '@shared/points/points.contract'
import { PointsRuleSchema, type PointsRule, type PointsRuleVersion } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { pointsKeys } from '../keys'
import { ruleView } from '../service'

/**
 * A rule's id is fixed by village + code. Changing anything makes a new version (the old one is kept
 * in points_rule_versions); entries and pending awards keep citing the version they were made under.
 */
export const saveRule = legacyAction(pointsContract.actions.saveRule, {
  scope: async ({ villageId }) => villageId,
  run: async (input, ctx) => {
    const id = pointsKeys.rule(input.villageId, input.code)
    return ctx.transact(async (tx) => {
      const current = await tx.get<PointsRule>('points_rules', id)
      const fields = {
        villageId: input.villageId,
        code: input.code,
        name: input.name,
        category: input.category,
        points: input.points,
        clause: input.clause,
        evidenceRequired: input.evidenceRequired,
        capPerMonth: input.capPerMonth,
        mode: input.mode,
        active: input.active,
      }
      if (current) {
        const same = (Object.keys(fields) as Array<keyof typeof fields>).every((k) => current[k] === fields[k])
        if (same) return ruleView(current)
      }
      const next: PointsRule = PointsRuleSchema.parse({
        _id: id,
        ...fields,
        version: (current?.version ?? 0) + 1,
        updatedBy: ctx.caller.user._id,
        updatedAt: ctx.now,
      })
      await tx.set('points_rules', next)
      const version: PointsRuleVersion = { ...next, _id: pointsKeys.ruleVersion(id, next.version), ruleId: id }
      await tx.insert('points_rule_versions', version)
      return ruleView(next)
    })
  },
})
