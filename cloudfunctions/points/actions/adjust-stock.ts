import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Goods } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { goodsView } from '../service'

/** Restock or write off: a change relative to the stock read inside the transaction (never a blind set). */
export const adjustStock = legacyAction(pointsContract.actions.adjustStock, {
  scope: async ({ goodsId }, ctx) => {
    const g = await ctx.db.get<Goods>('points_goods', goodsId)
    if (!g) throw PointsErrors.GOODS_NOT_FOUND()
    return g.villageId
  },
  run: async ({ goodsId, delta }, ctx) =>
    ctx.transact(async (tx) => {
      const g = await tx.get<Goods>('points_goods', goodsId)
      if (!g) throw PointsErrors.GOODS_NOT_FOUND()
      if (g.stock + delta < 0) throw PointsErrors.STOCK_NEGATIVE(`库存只有 ${g.stock} 件`)
      const next = { ...g, stock: g.stock + delta, updatedAt: ctx.now, updatedBy: ctx.caller.user._id }
      await tx.set('points_goods', next)
      return goodsView(next)
    }),
})
