import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import type { Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { batchView, evidenceUrls } from '../points.views'

/** The village's proposals, newest first (the review queue when `status` is pending). */
export const listBatches = defineAction(pointsContract.actions.listBatches, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, status, page, pageSize }, ctx }) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await findPage(ctx.db, C.points_batches, where, [['proposedAt', 'desc']], { page, pageSize })
    const urls = await evidenceUrls(ctx.rt, p.items)
    return { ...p, items: p.items.map((b) => batchView(b, ctx.caller.user._id, urls, ctx.lang)) }
  },
})
