import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { objectionView } from '../points.views'

/** The village's objections, newest first, each with the award it is about. */
export const listObjections = defineAction(pointsContract.actions.listObjections, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, status, page, pageSize }, ctx }) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await findPage(ctx.db, C.points_objections, where, [['createdAt', 'desc']], { page, pageSize })
    const awards = await getMany(
      ctx.db,
      C.points_awards,
      p.items.map((o) => o.awardId),
    )
    return {
      ...p,
      items: p.items.flatMap((o) => {
        const a = awards.get(o.awardId)
        // the wrapper checked points_approve in this village
        return a ? [objectionView(o, a, ctx.caller.user, ctx.lang, true)] : []
      }),
    }
  },
})
