import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'

/**
 * The language I read the app in, kept on my profile: pushes and inbox messages for me are rendered in it. Only
 * the caller's own profile: the input names no user.
 */
export const setLang = defineAction(accountContract.actions.setLang, {
  run: async ({ input: { lang }, ctx, tx }) => {
    await tx.update(C.users, ctx.caller.user._id, { lang })
    return { lang }
  },
})
