import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { isRealName } from '@shared/account/account.rules'
import { render, DEFAULT_LANG } from '@shared/i18n/i18n'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { meView } from '../account.views'

/**
 * I give my real name. Officials see it in full (they decide who joins a household, who holds a role); other
 * residents only ever see it masked. Until then the account is the platform's 微信用户, which may ask nothing of
 * anyone (a join request needs a name).
 */
export const setProfile = defineAction(accountContract.actions.setProfile, {
  texts: ({ name }) => [name],
  run: async ({ input: { name }, ctx, tx }) => {
    if (!isRealName(name, render({ key: 'core.default_name' }, DEFAULT_LANG))) throw AccountErrors.BAD_NAME()
    await tx.update(C.users, ctx.caller.user._id, { name: name.trim(), namedAt: ctx.now })
    return { ok: true }
  },
  present: async ({ ctx }) => {
    const user = (await ctx.db.get(C.users, ctx.caller.user._id))!
    return meView(ctx.rt, { ...ctx.caller, user }, ctx.lang)
  },
})
