import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage, pageOf } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { residenceArea } from '../volunteer.repo'
import { needView } from '../volunteer.views'

/** Verified outcomes in my village (names masked): the published result of 群众点单. */
export const listPublicNeeds = defineAction(volunteerContract.actions.listPublicNeeds, {
  run: async ({ input: { page, pageSize }, ctx }) => {
    const home = await residenceArea(ctx)
    if (!home?.area.villageId) return pageOf([], { page, pageSize }, 0)
    const where = { villageId: home.area.villageId, status: 'verified' }
    const found = await findPage(ctx.db, C.volunteer_needs, where, [['createdAt', 'desc']], { page, pageSize })
    return {
      ...found,
      items: await Promise.all(found.items.map((n) => needView(ctx.rt, n, ctx.caller.user._id, false, ctx.lang))),
    }
  },
})
