import { pointsContract } from '@shared/points/points.contract'
import type { LedgerEntry, PointsAccount, PointsAward } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { entryView, myHousehold, paged, settleDue, villageName } from '../service'

/** My household's balance and history; awards of mine whose publicity is over are credited first. */
export const myPoints = legacyAction(pointsContract.actions.myPoints, {
  run: async ({ page, pageSize }, ctx) => {
    const h = await myHousehold(ctx)
    if (!h) {
      return {
        household: null,
        balance: 0,
        earned: 0,
        spent: 0,
        pending: { count: 0, points: 0 },
        history: { items: [], page, pageSize, total: 0, hasMore: false },
      }
    }
    const open = await ctx.db.find<PointsAward>('points_awards', {
      where: { householdId: h._id, status: { $in: ['publicity', 'objected'] } },
      limit: 200,
    })
    const due = open.filter((a) => a.status === 'publicity' && (a.publicUntil ?? Infinity) <= ctx.now)
    if (due.length)
      await settleDue(
        ctx,
        due.map((a) => a._id),
      )
    const still = open.filter((a) => !due.includes(a))
    const [account, p] = await Promise.all([
      ctx.db.get<PointsAccount>('points_accounts', h._id),
      paged<LedgerEntry>(ctx.db, 'points_ledger', { householdId: h._id }, [['seq', 'desc']], page, pageSize),
    ])
    return {
      household: {
        id: h._id,
        headName: h.headName,
        address: h.address,
        villageId: h.villageId,
        villageName: await villageName(ctx, h.villageId),
      },
      balance: account?.balance ?? 0,
      earned: account?.earned ?? 0,
      spent: account?.spent ?? 0,
      pending: { count: still.length, points: still.reduce((s, a) => s + a.delta, 0) },
      history: { items: p.rows.map(entryView), page, pageSize, total: p.total, hasMore: p.hasMore },
    }
  },
})
