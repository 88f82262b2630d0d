import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { GoodsSchema, type Goods } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { goodsView } from '../service'

/** Creates goods (with opening stock) or changes name, photo, price, limit, order, on/off. */
export const saveGoods = legacyAction(pointsContract.actions.saveGoods, {
  scope: async ({ villageId, goodsId }, ctx) => {
    if (goodsId) {
      const g = await ctx.db.get<Goods>('points_goods', goodsId)
      if (!g || g.villageId !== villageId) throw PointsErrors.GOODS_NOT_FOUND()
    }
    return villageId
  },
  run: async (input, ctx) => {
    const id = input.goodsId ?? ctx.newId('gd')
    return ctx.transact(async (tx) => {
      const current = input.goodsId ? await tx.get<Goods>('points_goods', id) : null
      if (input.goodsId && !current) throw PointsErrors.GOODS_NOT_FOUND()
      const next: Goods = GoodsSchema.parse({
        _id: id,
        villageId: input.villageId,
        name: input.name,
        photo: input.photo || null,
        price: input.price,
        stock: current ? current.stock : input.stock,
        limitPerMonth: input.limitPerMonth,
        active: input.active,
        sort: input.sort,
        createdAt: current?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
        updatedBy: ctx.caller.user._id,
      })
      await tx.set('points_goods', next)
      return goodsView(next)
    })
  },
})
