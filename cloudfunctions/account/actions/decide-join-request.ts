import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { accountRef } from '@shared/account/account.server.messages'
import { publicHousehold } from '@shared/account/account.rules'
import { C } from '../../_core/collections'
import type { PushMessage } from '../../_core/notifier'
import { defineAction } from '../../_core/wrap'
import { takeStep, tell } from '../account.joins'
import { isHeadOf, loadHousehold, loadJoinRequest, mayManageHousehold, meIn, membersOf } from '../account.repo'
import { householdWords, joinRequestView } from '../account.views'
import { audit } from '../../_core/audit'

/**
 * The head of the household, or the grid worker or a village official of its grid, approves or refuses a join
 * request; nobody decides their own. Approval makes the requester a member (`users.householdId`) in the same
 * transaction; the requester is told either way, and the head is told when someone else let a person in.
 */
export const decideJoinRequest = defineAction(accountContract.actions.decideJoinRequest, {
  texts: ({ reason }) => [reason],
  load: async ({ joinRequestId }, ctx) => {
    const request = await loadJoinRequest(ctx.db, joinRequestId)
    const household = await loadHousehold(ctx.db, request.householdId)
    const [members, head] = await Promise.all([
      membersOf(ctx.db, [household._id]),
      household.headUserId ? ctx.db.get(C.users, household.headUserId) : null,
    ])
    return { request, household, members: members.get(household._id) ?? [], head }
  },
  run: async ({ input: { decision, reason }, loaded: { request, household, members, head }, ctx, tx, push }) => {
    const me = await meIn(tx, ctx)
    if (request.userId === me._id) throw AccountErrors.OWN_JOIN_REQUEST()
    if (!(await mayManageHousehold(ctx, household, me))) throw AccountErrors.CANNOT_DECIDE()
    const requester = await tx.get(C.users, request.userId)
    if (!requester) throw AccountErrors.JOIN_REQUEST_NOT_FOUND()
    // the request as it is now first (decided by someone else meanwhile?), then the requester as they are now
    await takeStep(tx, request._id, decision, { by: me._id, at: ctx.now, reason })
    if (decision === 'approve') {
      if (requester.householdId === household._id) throw AccountErrors.ALREADY_MEMBER()
      if (requester.householdId) throw AccountErrors.IN_ANOTHER_HOUSEHOLD()
      await tx.update(C.users, requester._id, { householdId: household._id })
    }

    const at = { joinRequestId: request._id, at: ctx.now }
    // the requester is not a member yet when they read of a refusal: they see the household as residents do
    const seen = householdWords(
      publicHousehold(
        household,
        members.map((m) => m.name),
      ),
    )
    const messages: PushMessage[] = [
      decision === 'approve'
        ? await tell(
            tx,
            { userId: requester._id, ...at },
            accountRef('account.inbox.join_approved.title'),
            accountRef('account.inbox.join_approved.body', { household: household.address }),
          )
        : await tell(
            tx,
            { userId: requester._id, ...at },
            accountRef('account.inbox.join_refused.title'),
            accountRef('account.inbox.join_refused.body', { household: seen, reason }),
          ),
    ]
    if (decision === 'approve' && head && isHeadOf(head, household) && head._id !== me._id) {
      messages.push(
        await tell(
          tx,
          { userId: head._id, ...at },
          accountRef('account.inbox.member_added.title'),
          accountRef('account.inbox.member_added.body', { name: requester.name, by: me.name }),
        ),
      )
    }
    push(...messages)
    await audit(tx, ctx, {
      what: decision === 'approve' ? 'membership.approve' : 'membership.refuse',
      unitId: household.gridId,
      subjectId: requester._id,
      before: { householdId: requester.householdId, request: 'pending' },
      after: { householdId: decision === 'approve' ? household._id : requester.householdId, reason },
    })
    return { id: request._id }
  },
  present: async ({ result, ctx }) => {
    const request = await loadJoinRequest(ctx.db, result.id)
    const [requester, household] = await Promise.all([
      ctx.db.get(C.users, request.userId),
      ctx.db.get(C.households, request.householdId),
    ])
    return joinRequestView(ctx.rt, request, requester ?? undefined, household ?? undefined, ctx.lang)
  },
})
