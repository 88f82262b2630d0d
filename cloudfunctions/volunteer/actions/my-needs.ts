import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { needView } from '../volunteer.views'

/** The needs I posted, newest first. */
export const myNeeds = defineAction(volunteerContract.actions.myNeeds, {
  run: async ({ input: { page, pageSize }, ctx }) => {
    const me = ctx.caller.user._id
    const found = await findPage(ctx.db, C.volunteer_needs, { posterId: me }, [['createdAt', 'desc']], {
      page,
      pageSize,
    })
    return { ...found, items: await Promise.all(found.items.map((n) => needView(ctx.rt, n, me, true, ctx.lang))) }
  },
})
