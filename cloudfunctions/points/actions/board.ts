import { pointsContract } from '@shared/points/points.contract'
import type { HouseholdMonth, PointsAccount } from '@shared/points/points.schema'
import { maskName } from '@shared/mask'
import { legacyAction } from '../../_core/wrap'
import { paged, requireVillageMember, villageName } from '../service'

/** 积分榜: households by balance (or by points earned in a month), names masked. */
export const board = legacyAction(pointsContract.actions.board, {
  run: async ({ villageId, month, page, pageSize }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const mine = ctx.caller.user.householdId
    const offset = (page - 1) * pageSize
    let rows: Array<{ householdId: string; headName: string; points: number }>
    let p: { total: number; hasMore: boolean }
    if (month) {
      const r = await paged<HouseholdMonth>(
        ctx.db,
        'points_household_months',
        { villageId, month },
        [['earned', 'desc']],
        page,
        pageSize,
      )
      rows = r.rows.map((d) => ({ householdId: d.householdId, headName: d.headName, points: d.earned }))
      p = r
    } else {
      const r = await paged<PointsAccount>(
        ctx.db,
        'points_accounts',
        { villageId },
        [['balance', 'desc']],
        page,
        pageSize,
      )
      rows = r.rows.map((d) => ({ householdId: d._id, headName: d.headName, points: d.balance }))
      p = r
    }
    return {
      items: rows.map((r, i) => ({
        rank: offset + i + 1,
        headNameMasked: maskName(r.headName),
        points: r.points,
        mine: r.householdId === mine,
      })),
      page,
      pageSize,
      total: p.total,
      hasMore: p.hasMore,
      month: month ?? null,
      villageName: await villageName(ctx, villageId),
    }
  },
})
