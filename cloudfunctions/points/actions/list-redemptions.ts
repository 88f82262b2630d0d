import type { Household } from '@shared/account/account.schema'
import { pointsContract } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { paged, redemptionView } from '../service'

export const listRedemptions = legacyAction(pointsContract.actions.listRedemptions, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, status, page, pageSize }, ctx) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await paged<Redemption>(ctx.db, 'points_redemptions', where, [['createdAt', 'desc']], page, pageSize)
    const hs = await Promise.all(p.rows.map((r) => ctx.db.get<Household>('households', r.householdId)))
    return {
      items: p.rows.map((r, i) => ({ ...redemptionView(r, hs[i]?.headName ?? ''), code: null, qr: null })),
      page,
      pageSize,
      total: p.total,
      hasMore: p.hasMore,
    }
  },
})
