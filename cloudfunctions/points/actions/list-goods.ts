import { pointsContract } from '@shared/points/points.contract'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { pointsKeys, requireVillageMember } from '../points.repo'
import { redeemedOf } from '../points.redemption'
import { goodsPhotoUrls, goodsView } from '../points.views'

/** The village store's goods, with what my household took of each this month and my balance. */
export const listGoods = defineAction(pointsContract.actions.listGoods, {
  load: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    return { unitId: villageId }
  },
  run: async ({ input: { villageId, includeOff }, ctx }) => {
    const hh = ctx.caller.user.householdId
    const month = bjMonth(ctx.now)
    const [rows, account] = await Promise.all([
      ctx.db.find(C.points_goods, { where: { villageId }, orderBy: [['sort', 'asc']], limit: 200 }),
      hh ? ctx.db.get(C.points_accounts, hh) : null,
    ])
    const shown = rows.filter((g) => includeOff || g.active)
    // the month's counts as the account keeps them (points.redemption redeemedOf); the limit documents read only for
    // goods it cannot say of (the month the counts began to be kept on it)
    const kept = redeemedOf(account, month)
    const unknown = hh && !kept.whole ? shown.filter((g) => kept.goods[g._id] === undefined) : []
    const limits = unknown.length
      ? await getMany(
          ctx.db,
          C.points_redeem_limits,
          unknown.map((g) => pointsKeys.redeemLimit(hh!, g._id, month)),
        )
      : null
    const taken = (goodsId: string) =>
      hh ? (kept.goods[goodsId] ?? limits?.get(pointsKeys.redeemLimit(hh, goodsId, month))?.used ?? 0) : 0
    const urls = await goodsPhotoUrls(ctx.rt, shown)
    return {
      items: shown.map((g) => goodsView(g, urls, taken(g._id))),
      balance: hh ? (account?.balance ?? 0) : null,
    }
  },
})
