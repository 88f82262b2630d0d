import { accountContract } from '@shared/account/account.contract'
import { CommonErrors } from '@shared/errors'
import { C } from '../../_core/collections'
import { keepLangOnAssignments } from '../../_core/grants'
import { defineAction } from '../../_core/wrap'

/**
 * The language I read the app in, kept on my profile: pushes and inbox messages for me are rendered in it. Only
 * the caller's own profile: the input names no user. My role assignments keep a copy for pushes to a unit's
 * holders (issue #21): my document is read again in the transaction, so its grants are the ones this change
 * meets, and each of those assignments is brought in line.
 */
export const setLang = defineAction(accountContract.actions.setLang, {
  run: async ({ input: { lang }, ctx, tx }) => {
    const me = await tx.get(C.users, ctx.caller.user._id)
    if (!me) throw CommonErrors.UNAUTHENTICATED()
    await tx.update(C.users, me._id, { lang })
    await keepLangOnAssignments(tx, { ...me, lang })
    return { lang }
  },
})
