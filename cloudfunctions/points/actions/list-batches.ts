import { pointsContract } from '@shared/points/points.contract'
import type { PointsBatch } from '@shared/points/points.schema'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { batchView, evidenceUrls, paged } from '../service'

export const listBatches = legacyAction(pointsContract.actions.listBatches, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, status, page, pageSize }, ctx) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await paged<PointsBatch>(ctx.db, 'points_batches', where, [['proposedAt', 'desc']], page, pageSize)
    const urls = await evidenceUrls(ctx.rt, p.rows)
    return {
      items: p.rows.map((b) => batchView(b, ctx.caller.user._id, urls)),
      page,
      pageSize,
      total: p.total,
      hasMore: p.hasMore,
    }
  },
})
