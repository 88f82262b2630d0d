import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadGoods } from '../points.repo'
import { presentGoods } from '../points.views'

/** Restock or write off: a change relative to the stock read inside the transaction (never a blind set). */
export const adjustStock = defineAction(pointsContract.actions.adjustStock, {
  load: async ({ goodsId }, ctx) => {
    const goods = await loadGoods(ctx.db, goodsId)
    return { unitId: goods.villageId }
  },
  run: async ({ input: { goodsId, delta }, tx, ctx }) => {
    const g = await loadGoods(tx, goodsId)
    if (g.stock + delta < 0) throw PointsErrors.STOCK_NEGATIVE({ stock: g.stock })
    await tx.set(C.points_goods, { ...g, stock: g.stock + delta, updatedAt: ctx.now, updatedBy: ctx.caller.user._id })
    return { goodsId }
  },
  present: ({ result, ctx }) => presentGoods(ctx, result.goodsId),
})
