import type { Page } from '@shared/common.schema'
import { maskName } from '@shared/mask'
import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { requireVillageMember, villageName } from '../points.repo'

/** 积分榜: households by balance (or by points earned in a month), names masked. */
export const getBoard = defineAction(pointsContract.actions.getBoard, {
  load: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    return { unitId: villageId }
  },
  run: async ({ input: { villageId, month, page, pageSize }, ctx }) => {
    let p: Page<{ householdId: string; headName: string; points: number }>
    if (month) {
      const r = await findPage(ctx.db, C.points_household_months, { villageId, month }, [['earned', 'desc']], {
        page,
        pageSize,
      })
      p = { ...r, items: r.items.map((d) => ({ householdId: d.householdId, headName: d.headName, points: d.earned })) }
    } else {
      // households with an entry: an account made only for an award still in publicity (entries 0) is not listed
      const r = await findPage(ctx.db, C.points_accounts, { villageId, entries: { $gt: 0 } }, [['balance', 'desc']], {
        page,
        pageSize,
      })
      p = { ...r, items: r.items.map((d) => ({ householdId: d._id, headName: d.headName, points: d.balance })) }
    }
    const mine = ctx.caller.user.householdId
    const offset = (page - 1) * pageSize
    return {
      ...p,
      items: p.items.map((r, i) => ({
        rank: offset + i + 1,
        headNameMasked: maskName(r.headName),
        points: r.points,
        mine: r.householdId === mine,
      })),
      month: month ?? null,
      villageName: await villageName(ctx.rt, villageId),
    }
  },
})
