import { accountContract } from '@shared/account/account.contract'
import { defineAction } from '../../_core/wrap'
import { meView } from '../account.views'

/** Who I am. Any signed-in caller; a WeChat user's first call has just created their account (`isNew`). */
export const getMe = defineAction(accountContract.actions.getMe, {
  run: async ({ ctx }) => meView(ctx.rt, ctx.caller, ctx.lang),
})
