import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsObjection } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { keepAwardsOnAccount } from '../points.open'
import { loadAward, pointsKeys, residentUnit } from '../points.repo'
import { presentObjection } from '../points.views'

/**
 * A resident of the village objects to an award in publicity, with a reason. The award stops counting
 * down to crediting until an official upholds it (back to publicity) or withdraws it. One objection per
 * person per award (deterministic id).
 */
export const fileObjection = defineAction(pointsContract.actions.fileObjection, {
  load: async ({ awardId }, ctx) => {
    const award = await loadAward(ctx.db, awardId)
    const unitId = await residentUnit(ctx, 'points_object', award.villageId)
    // a resident of another village is told why, rather than only that it is out of their scope
    if (ctx.scopeRoots('points_object').length && !(await ctx.can('points_object', unitId)))
      throw PointsErrors.NOT_MY_VILLAGE()
    return { unitId }
  },
  texts: ({ reason }) => [reason],
  run: async ({ input: { awardId, reason }, tx, ctx }) => {
    const me = ctx.caller.user
    const id = pointsKeys.objection(awardId, me._id)
    const a = await loadAward(tx, awardId)
    if (!(a.status === 'publicity' || a.status === 'objected') || (a.publicUntil ?? 0) <= ctx.now)
      throw PointsErrors.NOT_IN_PUBLICITY()
    if (await tx.get(C.points_objections, id)) throw PointsErrors.ALREADY_OBJECTED()
    const o: PointsObjection = {
      _id: id,
      awardId,
      villageId: a.villageId,
      userId: me._id,
      userName: me.name,
      reason,
      status: 'open',
      createdAt: ctx.now,
      resolvedBy: null,
      resolvedAt: null,
      resolutionNote: null,
    }
    await tx.insert(C.points_objections, o)
    const patch: Pick<PointsAward, 'status' | 'openObjectionIds' | 'objections'> = {
      status: 'objected',
      openObjectionIds: [...a.openObjectionIds, id],
      objections: a.objections + 1,
    }
    await tx.update(C.points_awards, awardId, patch)
    // the household's pending line still counts it, no longer counting down to its credit
    if (a.status !== 'objected') await keepAwardsOnAccount(tx, a.householdId, [{ ...a, ...patch }], ctx.now)
    return { objectionId: id }
  },
  present: ({ result, ctx }) => presentObjection(ctx, result.objectionId),
})
