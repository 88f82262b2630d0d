import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { GoodsSchema } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadGoods } from '../points.repo'
import { goodsView } from '../points.views'

/** Creates goods (with opening stock) or changes name, photo, price, limit, place in the list, on/off. */
export const saveGoods = defineAction(pointsContract.actions.saveGoods, {
  load: async ({ villageId, goodsId }, ctx) => {
    if (goodsId) {
      const g = await ctx.db.get(C.points_goods, goodsId)
      if (!g || g.villageId !== villageId) throw PointsErrors.GOODS_NOT_FOUND()
    }
    return { unitId: villageId }
  },
  run: async ({ input, tx, ctx }) => {
    const id = input.goodsId ?? ctx.newId('gd')
    const current = input.goodsId ? await loadGoods(tx, id) : null
    await tx.set(
      C.points_goods,
      GoodsSchema.parse({
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
      }),
    )
    return { goodsId: id }
  },
  present: async ({ result, ctx }) => goodsView(await loadGoods(ctx.db, result.goodsId)),
})
