import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'

/**
 * Ends every console and browser session of mine: the generation on my profile moves on, and the host (or the
 * CloudBase entry, for a custom login) refuses a session made in an older one. WeChat's own sign-in is not a
 * session of ours and stays.
 */
export const signOutEverywhere = defineAction(accountContract.actions.signOutEverywhere, {
  run: async ({ tx, ctx }) => {
    const me = await tx.get(C.users, ctx.caller.user._id)
    const sessionGen = (me?.sessionGen ?? 0) + 1
    await tx.update(C.users, ctx.caller.user._id, { sessionGen })
    return { sessionGen }
  },
})
