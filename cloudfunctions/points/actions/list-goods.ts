import { pointsContract } from '@shared/points/points.contract'
import type { Goods, PointsAccount } from '@shared/points/points.schema'
import { bjMonth } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { pointsKeys } from '../keys'
import { goodsView, requireVillageMember } from '../service'

export const listGoods = legacyAction(pointsContract.actions.listGoods, {
  run: async ({ villageId, includeOff }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const rows = await ctx.db.find<Goods>('points_goods', {
      where: { villageId },
      orderBy: [['sort', 'asc']],
      limit: 200,
    })
    const hh = ctx.caller.user.householdId
    const month = bjMonth(ctx.now)
    const items = await Promise.all(
      rows
        .filter((g) => includeOff || g.active)
        .map(async (g) => {
          const taken = hh
            ? ((
                await ctx.db.get<{ _id: string; used: number }>(
                  'points_redeem_limits',
                  pointsKeys.redeemLimit(hh, g._id, month),
                )
              )?.used ?? 0)
            : 0
          return goodsView(g, taken)
        }),
    )
    const account = hh ? await ctx.db.get<PointsAccount>('points_accounts', hh) : null
    return { items, balance: hh ? (account?.balance ?? 0) : null }
  },
})
