import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { areaFilter, requireUnit } from '../volunteer.repo'
import { needView } from '../volunteer.views'

/** Needs in a unit's area for the village's review and verification (names shown to officials). */
export const listVillageNeeds = defineAction(volunteerContract.actions.listVillageNeeds, {
  load: async ({ unitId }, ctx) => ({ unitId, unit: await requireUnit(ctx.rt, unitId) }),
  run: async ({ input: { status, page, pageSize }, loaded, ctx }) => {
    const where = { ...(areaFilter(loaded.unit) ?? {}), ...(status ? { status } : {}) }
    const found = await findPage(ctx.db, C.volunteer_needs, where, [['createdAt', 'desc']], { page, pageSize })
    return {
      ...found,
      items: await Promise.all(found.items.map((n) => needView(ctx.rt, n, ctx.caller.user._id, true, ctx.lang))),
    }
  },
})
