import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { DAY_MS } from '@shared/points/points.rules'
import { CommonErrors } from '@shared/errors'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { randomCode } from '../../_core/ids'
import { defineAction } from '../../_core/wrap'
import { appendEntry } from '../points.ledger'
import {
  counterValue,
  loadGoods,
  myHousehold,
  pointsKeys,
  requireMember,
  residentUnit,
  settingsOf,
} from '../points.repo'
import { redemptionEntry } from '../points.redemption'
import { presentRedemption, type WrittenRedemption as Written } from '../points.views'

/**
 * Redeem goods: in ONE transaction the goods, the household's account and its month counter for the
 * goods are read by id, the points are taken (a ledger entry; never below zero), the stock is reserved
 * and a pickup code is issued. Under any concurrency nothing oversells and no balance goes negative.
 * The redemption id is derived from the request id, so a repeated request makes one redemption.
 * The household is the caller's own as their user document says now: read again inside the transaction, so a
 * member whose membership was revoked after the call began spends nothing.
 */
export const redeem = defineAction(pointsContract.actions.redeem, {
  load: async ({ goodsId }, ctx) => {
    const household = await myHousehold(ctx)
    // load comes before the permission check: someone who may not redeem anywhere is told that first
    if (!household)
      throw ctx.scopeRoots('redemption_create').length ? PointsErrors.NO_HOUSEHOLD() : CommonErrors.FORBIDDEN()
    // the goods and the village's settings read together (one round trip)
    const [goods, settings] = await Promise.all([
      ctx.db.get(C.points_goods, goodsId),
      settingsOf(ctx.db, household.villageId),
    ])
    if (!goods || goods.villageId !== household.villageId) throw PointsErrors.GOODS_NOT_FOUND()
    return {
      unitId: await residentUnit(ctx, 'redemption_create', household.villageId),
      household,
      settings,
    }
  },
  run: async ({ input: { goodsId, quantity }, loaded: { household: h, settings }, tx, ctx, handOn }) => {
    const me = ctx.caller.user
    // derived from the request id: a twin's insert of the redemption (or of the request record) fails, nothing of
    // it lands, and it is answered with the first call's result (wrap's transaction)
    const id = pointsKeys.redemption(me._id, ctx.requestId ?? ctx.newId('x'))
    await requireMember(tx, me._id, h._id, PointsErrors.NO_HOUSEHOLD)
    const month = bjMonth(ctx.now)
    const g = await loadGoods(tx, goodsId)
    if (!g.active) throw PointsErrors.GOODS_OFF()
    if (g.stock < quantity) throw PointsErrors.OUT_OF_STOCK({ left: g.stock })
    const limit = { _id: pointsKeys.redeemLimit(h._id, g._id, month), householdId: h._id, goodsId: g._id, month }
    if (g.limitPerMonth !== null) {
      // read once: the check and the new count come from the same read in this transaction
      const taken = await counterValue(tx, C.points_redeem_limits, limit._id)
      if (taken + quantity > g.limitPerMonth) throw PointsErrors.LIMIT_REACHED({ limit: g.limitPerMonth, taken })
      await tx.set(C.points_redeem_limits, { ...limit, used: taken + quantity })
    } else await tx.inc(C.points_redeem_limits, { ...limit, used: 0 }, { used: quantity })
    const points = g.price * quantity
    const entryId = pointsKeys.redeemEntry(id, ctx.now)
    await appendEntry(
      tx,
      redemptionEntry(
        { _id: id, householdId: h._id, userId: me._id, userName: me.name },
        {
          _id: entryId,
          kind: 'redeem',
          delta: -points,
          reason: { key: 'points.reason.redeem', params: { goods: g.name, n: quantity } },
          at: ctx.now,
        },
      ),
      // the village's month: the redemption counted in the ledger's own write of it
      { village: { redemptions: 1, redeemedPoints: points } },
    )
    await tx.update(C.points_goods, g._id, { stock: g.stock - quantity })
    let code = ''
    for (let i = 0; i < 20 && !code; i++) {
      const c = randomCode('0123456789', 6)
      if (!(await tx.get(C.points_pickup_codes, pointsKeys.pickupCode(h.villageId, c)))) code = c
    }
    if (!code) throw new Error('no free pickup code')
    await tx.insert(C.points_pickup_codes, {
      _id: pointsKeys.pickupCode(h.villageId, code),
      villageId: h.villageId,
      code,
      redemptionId: id,
    })
    const redemption: Redemption = {
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
    await tx.insert(C.points_redemptions, redemption)
    handOn({ redemption, headName: h.headName } satisfies Written)
    return { redemptionId: id }
  },
  present: ({ result, ctx, handed }) =>
    presentRedemption(ctx, result.redemptionId, true, handed as Written | undefined),
})
