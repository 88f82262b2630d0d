import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsBatch } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { awardView, batchView, evidenceUrls } from '../service'

export const getBatch = legacyAction(pointsContract.actions.getBatch, {
  scope: async ({ batchId }, ctx) => {
    const b = await ctx.db.get<PointsBatch>('points_batches', batchId)
    if (!b) throw PointsErrors.BATCH_NOT_FOUND()
    return b.villageId
  },
  run: async ({ batchId }, ctx) => {
    const b = (await ctx.db.get<PointsBatch>('points_batches', batchId))!
    const awards = await Promise.all(b.awardIds.map((id) => ctx.db.get<PointsAward>('points_awards', id)))
    const urls = await evidenceUrls(ctx.rt, [b])
    return { batch: batchView(b, ctx.caller.user._id, urls), awards: awards.filter((a) => a !== null).map(awardView) }
  },
})
