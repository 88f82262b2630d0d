import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { loadBatch } from '../points.repo'
import { awardView, batchView, evidenceUrls } from '../points.views'

/** One proposal with each household's award, for the officials of its village. */
export const getBatch = defineAction(pointsContract.actions.getBatch, {
  load: async ({ batchId }, ctx) => {
    const batch = await loadBatch(ctx.db, batchId)
    return { unitId: batch.villageId, batch }
  },
  run: async ({ loaded: { batch }, ctx }) => {
    const [awards, urls] = await Promise.all([
      getMany(ctx.db, C.points_awards, batch.awardIds),
      evidenceUrls(ctx.rt, [batch]),
    ])
    return {
      batch: batchView(batch, ctx.caller.user._id, urls, ctx.lang),
      awards: batch.awardIds.flatMap((id) => {
        const a = awards.get(id)
        return a ? [awardView(a, ctx.lang)] : []
      }),
    }
  },
})
