import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { pageOf } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { settleDue } from '../points.ledger'
import { myHousehold, villageName } from '../points.repo'
import { OPEN_STATUSES, openOf } from '../points.open'
import { entryView } from '../points.views'

/**
 * My household's balance and history. Awards of mine whose publicity is over are credited first: a read that
 * writes in small transactions of its own (`settleDue`), each of which credits an award once.
 */
export const myPoints = defineAction(pointsContract.actions.myPoints, {
  // the account and its page of the ledger, read at once (one round trip): the household id is on the caller's own
  // document. The account keeps the household's open awards (the pending line), its head, address and village,
  // and the ledger's total (`entries`); an account written before it kept them, or none, is served by reading the
  // household and its open awards as well.
  load: async ({ page, pageSize }, ctx) => {
    const id = ctx.caller.user.householdId
    const balanceAndHistory = async () => {
      if (!id) return [null, null] as const
      const [account, items] = await Promise.all([
        ctx.db.get(C.points_accounts, id),
        ctx.db.find(C.points_ledger, {
          where: { householdId: id },
          orderBy: [['seq', 'desc']],
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ])
      return [account, pageOf(items, { page, pageSize }, account?.entries ?? 0)] as const
    }
    const first = await balanceAndHistory()
    const [account] = first
    if (!id) return { household: null, open: [], first, balanceAndHistory }
    if (account?.open && account.household) {
      return { household: { _id: id, ...account.household }, open: account.open, first, balanceAndHistory }
    }
    const [h, awards] = await Promise.all([
      myHousehold(ctx),
      ctx.db.find(C.points_awards, {
        where: { householdId: id, status: { $in: [...OPEN_STATUSES] } },
        limit: 200,
      }),
    ])
    const household = h && { _id: h._id, headName: h.headName, address: h.address, villageId: h.villageId }
    return { household, open: awards.map(openOf), first, balanceAndHistory }
  },
  run: async ({ input: { page, pageSize }, loaded: { household: h, open, first, balanceAndHistory }, ctx }) => {
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
    const due = open.filter((a) => a.status === 'publicity' && (a.publicUntil ?? Infinity) <= ctx.now)
    // awards credited now change the balance and the history: read again after them (rare: the timer credits hourly)
    if (due.length)
      await settleDue(
        ctx.db,
        due.map((a) => a.id),
        ctx.now,
      )
    const still = open.filter((a) => !due.includes(a))
    const [account, found] = due.length ? await balanceAndHistory() : first
    const history = found ?? { items: [], page, pageSize, total: 0, hasMore: false }
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
