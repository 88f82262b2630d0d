import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { accountRef } from '@shared/account/account.server.messages'
import { C } from '../../_core/collections'
import type { PushMessage } from '../../_core/notifier'
import { defineAction } from '../../_core/wrap'
import { membershipRecord, takeStep, tell } from '../account.joins'
import { isHeadOf, loadHousehold, mayManageHousehold, meIn, membershipOf } from '../account.repo'
import { audit } from '../../_core/audit'
import { leaveHousehold } from '../../_core/membership'

/**
 * The head, or the grid worker or a village official of the grid, removes someone from a household, saying why.
 * From the commit on the person has no household: the next points or redemption call is refused. The person is
 * told, and so is the head when someone else removed them.
 */
export const revokeMembership = defineAction(accountContract.actions.revokeMembership, {
  texts: ({ reason }) => [reason],
  load: async ({ householdId, userId }, ctx) => {
    const household = await loadHousehold(ctx.db, householdId)
    const [membership, head] = await Promise.all([
      membershipOf(ctx.db, userId, household._id),
      household.headUserId ? ctx.db.get(C.users, household.headUserId) : null,
    ])
    return { household, membership, head }
  },
  run: async ({ input: { userId, reason }, loaded: { household, membership, head }, ctx, tx, push }) => {
    const me = await meIn(tx, ctx)
    if (!(await mayManageHousehold(ctx, household, me))) throw AccountErrors.CANNOT_DECIDE()
    if (userId === me._id) throw AccountErrors.CANNOT_REMOVE_SELF()
    const member = await tx.get(C.users, userId)
    if (!member || member.householdId !== household._id) throw AccountErrors.NOT_A_MEMBER()
    const id = await membershipRecord(tx, member, household, membership, ctx.now)
    await takeStep(tx, id, 'revoke', { by: me._id, at: ctx.now, reason })
    await tx.update(C.users, member._id, { householdId: null })
    await leaveHousehold(tx, household._id)

    const at = { joinRequestId: id, at: ctx.now }
    const messages: PushMessage[] = [
      await tell(
        tx,
        { userId: member._id, ...at },
        accountRef('account.inbox.member_removed.title'),
        accountRef('account.inbox.member_removed.body', { household: household.address, reason }),
      ),
    ]
    if (head && isHeadOf(head, household) && head._id !== me._id && head._id !== member._id) {
      messages.push(
        await tell(
          tx,
          { userId: head._id, ...at },
          accountRef('account.inbox.member_removed_head.title'),
          accountRef('account.inbox.member_removed_head.body', { name: member.name, by: me.name, reason }),
        ),
      )
    }
    push(...messages)
    await audit(tx, ctx, {
      what: 'membership.revoke',
      unitId: household.gridId,
      subjectId: member._id,
      before: { householdId: household._id },
      after: { householdId: null, reason },
    })
    return { householdId: household._id, userId: member._id }
  },
})
