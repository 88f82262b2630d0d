import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { inboxView } from '../volunteer.views'

/** My reminders and notices that are due (showAt reached) and not voided, newest first. */
export const myInbox = defineAction(volunteerContract.actions.myInbox, {
  run: async ({ input: { page, pageSize }, ctx }) => {
    const where = { userId: ctx.caller.user._id, showAt: { $lte: ctx.now }, voidedAt: null }
    const found = await findPage(ctx.db, C.volunteer_inbox, where, [['showAt', 'desc']], { page, pageSize })
    return { ...found, items: found.items.map((e) => inboxView(e, ctx.lang)) }
  },
})
