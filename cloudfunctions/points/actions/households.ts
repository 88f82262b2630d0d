import type { Household } from '@shared/account/account.schema'
import { pointsContract } from '@shared/points/points.contract'
import type { PointsAccount } from '@shared/points/points.schema'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { paged } from '../service'

/** For the official's household picker: full names (they score in person), with balances. */
export const households = legacyAction(pointsContract.actions.households, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, gridId, page, pageSize }, ctx) => {
    const where: Filter = gridId ? { gridId } : { villageId }
    const p = await paged<Household>(
      ctx.db,
      'households',
      where,
      gridId ? [['headName', 'asc']] : [['_id', 'asc']],
      page,
      pageSize,
    )
    const rows = p.rows.filter((h) => h.villageId === villageId)
    const accounts = await Promise.all(rows.map((h) => ctx.db.get<PointsAccount>('points_accounts', h._id)))
    return {
      items: rows.map((h, i) => ({
        id: h._id,
        gridId: h.gridId,
        headName: h.headName,
        address: h.address,
        balance: accounts[i]?.balance ?? 0,
      })),
      page: p.page,
      pageSize: p.pageSize,
      total: p.total,
      hasMore: p.hasMore,
    }
  },
})
