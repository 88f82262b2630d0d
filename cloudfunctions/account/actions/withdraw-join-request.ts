import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { defineAction } from '../../_core/wrap'
import { takeStep } from '../account.joins'
import { loadJoinRequest } from '../account.repo'
import { myJoinRequestView } from '../account.views'

/** I take back my join request while it waits (only my own). */
export const withdrawJoinRequest = defineAction(accountContract.actions.withdrawJoinRequest, {
  load: async ({ joinRequestId }, ctx) => ({ request: await loadJoinRequest(ctx.db, joinRequestId) }),
  run: async ({ loaded: { request }, ctx, tx }) => {
    if (request.userId !== ctx.caller.user._id) throw AccountErrors.NOT_YOUR_JOIN_REQUEST()
    await takeStep(tx, request._id, 'withdraw', { by: ctx.caller.user._id, at: ctx.now })
    return { id: request._id }
  },
  present: async ({ result, ctx }) => myJoinRequestView(ctx.db, await loadJoinRequest(ctx.db, result.id)),
})
