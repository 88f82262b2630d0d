import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Goods, Redemption } from '@shared/points/points.schema'
import { DAY_MS } from '@shared/points/points.rules'
import { bjMonth } from '@shared/time/beijing'
import { randomCode } from '../../_core/ids'
import { legacyAction } from '../../_core/wrap'
import { addToCounter, appendEntry, bumpVillageMonth, counterValue } from '../ledger'
import { pointsKeys } from '../keys'
import { myHousehold, redemptionView, requireInVillage, settingsOf } from '../service'

/**
 * Redeem goods: in ONE transaction the goods, the household's account and its month counter for the
 * goods are read by id, the points are taken (a ledger entry; never below zero), the stock is reserved
 * and a pickup code is issued. Under any concurrency nothing oversells and no balance goes negative.
 * The order id is derived from the request id, so a repeated request makes one order.
 */
export const redeem = legacyAction(pointsContract.actions.redeem, {
  scope: async () => null,
  run: async ({ goodsId, quantity }, ctx) => {
    const h = await myHousehold(ctx)
    if (!h) throw PointsErrors.NO_HOUSEHOLD()
    const goods = await ctx.db.get<Goods>('points_goods', goodsId)
    if (!goods || goods.villageId !== h.villageId) throw PointsErrors.GOODS_NOT_FOUND()
    await requireInVillage(ctx, 'redemption_create', h.villageId)
    const settings = await settingsOf(ctx.db, h.villageId)
    const me = ctx.caller.user
    const id = pointsKeys.redemption(me._id, ctx.requestId ?? ctx.newId('x'))
    const month = bjMonth(ctx.now)
    return ctx.transact(async (tx) => {
      const prior = await tx.get<Redemption>('points_redemptions', id)
      if (prior) return redemptionView(prior, h.headName)
      const g = await tx.get<Goods>('points_goods', goodsId)
      if (!g) throw PointsErrors.GOODS_NOT_FOUND()
      if (!g.active) throw PointsErrors.GOODS_OFF()
      if (g.stock < quantity) throw PointsErrors.OUT_OF_STOCK(g.stock ? `库存只剩 ${g.stock} 件` : undefined)
      const limitId = pointsKeys.redeemLimit(h._id, g._id, month)
      if (g.limitPerMonth !== null) {
        const taken = await counterValue(tx, 'points_redeem_limits', limitId)
        if (taken + quantity > g.limitPerMonth) {
          throw PointsErrors.LIMIT_REACHED(`这件商品每户每月最多换 ${g.limitPerMonth} 件，您家本月已换 ${taken} 件`)
        }
      }
      await addToCounter(tx, 'points_redeem_limits', limitId, { householdId: h._id, goodsId: g._id, month }, quantity)
      const points = g.price * quantity
      const entryId = pointsKeys.redeemEntry(id, ctx.now)
      await appendEntry(tx, {
        _id: entryId,
        householdId: h._id,
        kind: 'redeem',
        delta: -points,
        ruleId: null,
        ruleVersion: null,
        ruleCode: null,
        ruleName: null,
        category: null,
        sourceType: 'redemption',
        sourceId: id,
        memberUserId: me._id,
        memberName: me.name,
        proposedBy: null,
        approvedBy: null,
        reason: `兑换 ${g.name} ×${quantity}`,
        at: ctx.now,
      })
      await tx.update('points_goods', g._id, { stock: g.stock - quantity })
      let code = ''
      for (let i = 0; i < 20 && !code; i++) {
        const c = randomCode('0123456789', 6)
        if (!(await tx.get('points_pickup_codes', pointsKeys.pickupCode(h.villageId, c)))) code = c
      }
      if (!code) throw new Error('no free pickup code')
      await tx.insert('points_pickup_codes', {
        _id: pointsKeys.pickupCode(h.villageId, code),
        villageId: h.villageId,
        code,
        redemptionId: id,
      })
      const order: Redemption = {
        _id: id,
        villageId: h.villageId,
        householdId: h._id,
        userId: me._id,
        userName: me.name,
        goodsId: g._id,
        goodsName: g.name,
        quantity,
        points,
        status: 'pending',
        code,
        month,
        createdAt: ctx.now,
        expiresAt: ctx.now + settings.pickupDays * DAY_MS,
        closedAt: null,
        closedBy: null,
        entryId,
        refundEntryId: null,
      }
      await tx.insert('points_redemptions', order)
      await bumpVillageMonth(tx, h.villageId, month, (s) => {
        s.redemptions += 1
        s.redeemedPoints += points
      })
      return redemptionView(order, h.headName)
    })
  },
})
