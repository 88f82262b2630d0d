import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { settleDue } from '../points.ledger'
import { myHousehold, villageName } from '../points.repo'
import { entryView } from '../points.views'

/**
 * My household's balance and history. Awards of mine whose publicity is over are credited first: a read that
 * writes in small transactions of its own (`settleDue`), each of which credits an award once.
 */
export const myPoints = defineAction(pointsContract.actions.myPoints, {
  load: async (_input, ctx) => ({ household: await myHousehold(ctx) }),
  run: async ({ input: { page, pageSize }, loaded: { household: h }, ctx }) => {
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
    const open = await ctx.db.find(C.points_awards, {
      where: { householdId: h._id, status: { $in: ['publicity', 'objected'] } },
      limit: 200,
    })
    const due = open.filter((a) => a.status === 'publicity' && (a.publicUntil ?? Infinity) <= ctx.now)
    if (due.length)
      await settleDue(
        ctx.db,
        due.map((a) => a._id),
        ctx.now,
      )
    const still = open.filter((a) => !due.includes(a))
    const [account, history] = await Promise.all([
      ctx.db.get(C.points_accounts, h._id),
      findPage(ctx.db, C.points_ledger, { householdId: h._id }, [['seq', 'desc']], { page, pageSize }),
    ])
    return {
      household: {
        id: h._id,
        headName: h.headName,
        address: h.address,
        villageId: h.villageId,
        villageName: await villageName(ctx.rt, h.villageId),
      },
      balance: account?.balance ?? 0,
      earned: account?.earned ?? 0,
      spent: account?.spent ?? 0,
      pending: { count: still.length, points: still.reduce((s, a) => s + a.delta, 0) },
      history: { ...history, items: history.items.map((e) => entryView(e, ctx.lang)) },
    }
  },
})
