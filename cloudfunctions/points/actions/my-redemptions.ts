import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { myHousehold } from '../points.repo'
import { expireDue } from '../points.redemption'
import { pointsCodeKey } from '../points.codes'
import { redemptionView, withQrImage } from '../points.views'

/**
 * My household's redemptions, newest first. Overdue ones are expired first (points and stock returned): a
 * read that writes in small transactions of its own (`expireDue`), each of which closes a redemption once.
 */
export const myRedemptions = defineAction(pointsContract.actions.myRedemptions, {
  load: async (_input, ctx) => ({ household: await myHousehold(ctx) }),
  run: async ({ input: { page, pageSize }, loaded: { household: h }, ctx }) => {
    if (!h) return { items: [], page, pageSize, total: 0, hasMore: false }
    const overdue = await ctx.db.find(C.points_redemptions, {
      where: { householdId: h._id, status: 'pending', expiresAt: { $lte: ctx.now } },
      limit: 100,
    })
    if (overdue.length)
      await expireDue(
        ctx.db,
        overdue.map((r) => r._id),
        ctx.now,
      )
    const p = await findPage(ctx.db, C.points_redemptions, { householdId: h._id }, [['createdAt', 'desc']], {
      page,
      pageSize,
    })
    const key = pointsCodeKey(ctx.rt)
    const items = await Promise.all(p.items.map((r) => withQrImage(redemptionView(r, h.headName, ctx.lang, key))))
    return { ...p, items }
  },
})
