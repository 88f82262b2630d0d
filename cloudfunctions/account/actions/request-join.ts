import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { accountRef } from '@shared/account/account.server.messages'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { openRequest, takeStep, tell } from '../account.joins'
import { isHeadOf, joinRequestId, loadHousehold, loadJoinRequest, meIn, pendingRequestOf } from '../account.repo'
import { myJoinRequestView } from '../account.views'

/**
 * Asks to belong to a household of the grid I live in. Until the head, or the grid worker or a village official
 * of the grid, approves, I am a resident of the grid and nothing more: no household, so no points, history or
 * redemptions (issue #16 item 1). A new request withdraws my earlier one; asking again for the same household
 * answers with the request already waiting. The head is told.
 */
export const requestJoin = defineAction(accountContract.actions.requestJoin, {
  texts: ({ note }) => [note],
  load: async ({ householdId }, ctx) => {
    const household = await loadHousehold(ctx.db, householdId)
    const userId = ctx.caller.user._id
    const [n, pending, head] = await Promise.all([
      ctx.db.count(C.join_requests, { userId }),
      pendingRequestOf(ctx.db, userId),
      household.headUserId ? ctx.db.get(C.users, household.headUserId) : null,
    ])
    return { household, n, pending, head: head && isHeadOf(head, household) ? head : null }
  },
  run: async ({ input: { note }, loaded: { household, n, pending, head }, ctx, tx, push }) => {
    const me = await meIn(tx, ctx)
    // those who decide see who asks: a WeChat account that never gave its name asks nothing (demo users have theirs)
    if (me.openid && !me.namedAt) throw AccountErrors.NAME_NEEDED()
    if (me.residenceUnitId !== household.gridId) throw AccountErrors.NOT_YOUR_GRID()
    if (me.householdId === household._id) throw AccountErrors.ALREADY_MEMBER()
    if (me.householdId) throw AccountErrors.IN_ANOTHER_HOUSEHOLD()
    if (pending?.householdId === household._id) return { id: pending._id }
    if (pending) await takeStep(tx, pending._id, 'withdraw', { by: me._id, at: ctx.now, cause: 'superseded' })
    const request = await openRequest(
      tx,
      {
        _id: joinRequestId(me._id, n),
        userId: me._id,
        householdId: household._id,
        gridId: household.gridId,
        villageId: household.villageId,
        via: 'request',
        status: 'pending',
        note,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      { by: me._id, at: ctx.now, reason: note },
    )
    if (head && head._id !== me._id) {
      push(
        await tell(
          tx,
          { userId: head._id, joinRequestId: request._id, at: ctx.now },
          accountRef('account.inbox.join_asked.title'),
          accountRef('account.inbox.join_asked.body', { name: me.name, household: household.address }),
        ),
      )
    }
    return { id: request._id }
  },
  present: async ({ result, ctx }) => myJoinRequestView(ctx.db, await loadJoinRequest(ctx.db, result.id)),
})
