import { pointsContract } from '@shared/points/points.contract'
import { categoryCode, PointsRuleSchema, type PointsRule, type PointsRuleVersion } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { getOr } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { pointsKeys } from '../points.repo'
import { ruleView } from '../points.views'
import { audit } from '../../_core/audit'

/**
 * A rule's id is fixed by village + code. Changing anything makes a new version (the old one is kept
 * in points_rule_versions); entries and pending awards keep citing the version they were made under.
 * Saving it unchanged makes no version. The result names the version saved, which is what a repeat shows.
 */
export const saveRule = defineAction(pointsContract.actions.saveRule, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  texts: ({ name, clause }) => [name, clause],
  run: async ({ input, tx, ctx }) => {
    const id = pointsKeys.rule(input.villageId, input.code)
    const current = await tx.get(C.points_rules, id)
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
      // an older rule carries its category's Chinese name: the same category by code is no change
      const was = { ...current, category: categoryCode(current.category) ?? current.category }
      const same = (Object.keys(fields) as Array<keyof typeof fields>).every((k) => was[k] === fields[k])
      if (same) return { ruleId: id, version: current.version }
    }
    const next: PointsRule = PointsRuleSchema.parse({
      _id: id,
      ...fields,
      version: (current?.version ?? 0) + 1,
      updatedBy: ctx.caller.user._id,
      updatedAt: ctx.now,
    })
    await tx.set(C.points_rules, next)
    await audit(tx, ctx, { what: 'points.rule', unitId: input.villageId, subjectId: id, before: current, after: next })
    const version: PointsRuleVersion = { ...next, _id: pointsKeys.ruleVersion(id, next.version), ruleId: id }
    await tx.insert(C.points_rule_versions, version)
    return { ruleId: id, version: next.version }
  },
  present: async ({ result, ctx }) => {
    const v = await getOr(
      ctx.db,
      C.points_rule_versions,
      pointsKeys.ruleVersion(result.ruleId, result.version),
      () => new Error(`rule ${result.ruleId} has no version ${result.version}`),
    )
    return ruleView({ ...v, _id: v.ruleId }, ctx.lang)
  },
})
