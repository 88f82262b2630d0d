import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { GoodsSchema } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadGoods } from '../points.repo'
import { goodsPhotoId, presentGoods } from '../points.views'
import { audit } from '../../_core/audit'

/**
 * Creates goods (with opening stock) or changes name, photo, price, limit, place in the list, on/off. A photo is a
 * file of ours: the caller's own upload, adopted through the file port (owner, type, size, metadata stripped)
 * before the transaction; a link, a data URL or someone else's file is refused. Leaving `photo` out keeps the
 * current one (so whoever edits the goods need not be who took its photo); null takes it off.
 */
export const saveGoods = defineAction(pointsContract.actions.saveGoods, {
  load: async ({ villageId, goodsId }, ctx) => {
    if (goodsId) {
      const g = await ctx.db.get(C.points_goods, goodsId)
      if (!g || g.villageId !== villageId) throw PointsErrors.GOODS_NOT_FOUND()
    }
    return { unitId: villageId }
  },
  texts: ({ name }) => [name],
  photos: ({ photo }) => (photo ? [photo] : []),
  run: async ({ input, tx, photos, ctx }) => {
    const id = input.goodsId ?? ctx.newId('gd')
    const current = input.goodsId ? await loadGoods(tx, id) : null
    const photo =
      input.photo === undefined ? (current ? goodsPhotoId(current) : null) : input.photo && photos([input.photo])[0]!
    await tx.set(
      C.points_goods,
      GoodsSchema.parse({
        _id: id,
        villageId: input.villageId,
        name: input.name,
        photo,
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
    await audit(tx, ctx, {
      what: 'points.goods',
      unitId: input.villageId,
      subjectId: id,
      before: current,
      after: await tx.get(C.points_goods, id),
    })
    return { goodsId: id }
  },
  present: ({ result, ctx }) => presentGoods(ctx, result.goodsId),
})
