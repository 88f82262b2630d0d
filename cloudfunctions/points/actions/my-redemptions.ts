import { pointsContract } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { expireDue, myHousehold, paged, redemptionView } from '../service'

/** My household's orders, newest first; overdue ones are expired (points and stock returned) first. */
export const myRedemptions = legacyAction(pointsContract.actions.myRedemptions, {
  run: async ({ page, pageSize }, ctx) => {
    const h = await myHousehold(ctx)
    if (!h) return { items: [], page, pageSize, total: 0, hasMore: false }
    const overdue = await ctx.db.find<Redemption>('points_redemptions', {
      where: { householdId: h._id, status: 'pending', expiresAt: { $lte: ctx.now } },
      limit: 100,
    })
    if (overdue.length)
      await expireDue(
        ctx,
        overdue.map((r) => r._id),
      )
    const p = await paged<Redemption>(
      ctx.db,
      'points_redemptions',
      { householdId: h._id },
      [['createdAt', 'desc']],
      page,
      pageSize,
    )
    return {
      items: p.rows.map((r) => redemptionView(r, h.headName)),
      page,
      pageSize,
      total: p.total,
      hasMore: p.hasMore,
    }
  },
})
