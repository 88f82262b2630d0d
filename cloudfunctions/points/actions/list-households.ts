import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'

/** For the official's household picker: full names (they score in person), with balances. */
export const listHouseholds = defineAction(pointsContract.actions.listHouseholds, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, gridId, page, pageSize }, ctx }) => {
    const where: Filter = gridId ? { gridId } : { villageId }
    const p = await findPage(ctx.db, C.households, where, gridId ? [['headName', 'asc']] : [['_id', 'asc']], {
      page,
      pageSize,
    })
    // a grid of another village names no household of this one
    const rows = p.items.filter((h) => h.villageId === villageId)
    const accounts = await getMany(
      ctx.db,
      C.points_accounts,
      rows.map((h) => h._id),
    )
    return {
      ...p,
      items: rows.map((h) => ({
        id: h._id,
        gridId: h.gridId,
        headName: h.headName,
        address: h.address,
        balance: accounts.get(h._id)?.balance ?? 0,
      })),
    }
  },
})
