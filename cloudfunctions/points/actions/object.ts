import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsObjection } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { pointsKeys } from '../keys'
import { objectionView, requireInVillage } from '../service'

/**
 * A resident of the village objects to an award in publicity, with a reason. The award stops counting
 * down to crediting until an official upholds it (back to publicity) or withdraws it. One objection per
 * person per award (deterministic id).
 */
export const object = legacyAction(pointsContract.actions.object, {
  scope: async () => null,
  run: async ({ awardId, reason }, ctx) => {
    const award = await ctx.db.get<PointsAward>('points_awards', awardId)
    if (!award) throw PointsErrors.AWARD_NOT_FOUND()
    await requireInVillage(ctx, 'points_object', award.villageId).catch(() => {
      throw PointsErrors.NOT_MY_VILLAGE()
    })
    const me = ctx.caller.user
    const id = pointsKeys.objection(awardId, me._id)
    return ctx.transact(async (tx) => {
      const a = await tx.get<PointsAward>('points_awards', awardId)
      if (!a) throw PointsErrors.AWARD_NOT_FOUND()
      if (!(a.status === 'publicity' || a.status === 'objected') || (a.publicUntil ?? 0) <= ctx.now)
        throw PointsErrors.NOT_IN_PUBLICITY()
      if (await tx.get('points_objections', id)) throw PointsErrors.ALREADY_OBJECTED()
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
      await tx.insert('points_objections', o)
      await tx.update('points_awards', awardId, {
        status: 'objected',
        openObjectionIds: [...a.openObjectionIds, id],
        objections: a.objections + 1,
      })
      return objectionView(o, a)
    })
  },
})
