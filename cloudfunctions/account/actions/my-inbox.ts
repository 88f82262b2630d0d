import { accountContract } from '@shared/account/account.contract'
import { render } from '@shared/i18n/i18n'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'

/** My account messages, newest first, rendered in the language I read now. */
export const myInbox = defineAction(accountContract.actions.myInbox, {
  run: async ({ input, ctx }) => {
    const page = await findPage(ctx.db, C.account_inbox, { userId: ctx.caller.user._id }, [['at', 'desc']], input)
    return {
      ...page,
      items: page.items.map((m) => ({
        id: m._id,
        title: render(m.title, ctx.lang),
        body: render(m.body, ctx.lang),
        at: m.at,
      })),
    }
  },
})
