import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { redemptionView } from '../points.views'

/** The village store's redemptions, newest first, without their pickup codes. */
export const listRedemptions = defineAction(pointsContract.actions.listRedemptions, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, status, page, pageSize }, ctx }) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await findPage(ctx.db, C.points_redemptions, where, [['createdAt', 'desc']], { page, pageSize })
    const households = await getMany(
      ctx.db,
      C.households,
      p.items.map((r) => r.householdId),
    )
    return {
      ...p,
      items: p.items.map((r) => redemptionView(r, households.get(r.householdId)?.headName ?? '', ctx.lang, null)),
    }
  },
})
