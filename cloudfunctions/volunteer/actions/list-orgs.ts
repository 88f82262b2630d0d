import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { areaFilter, requireUnit } from '../volunteer.repo'
import { orgView } from '../volunteer.views'

/** Organisations registered in a unit's area, newest first, paged; by status for the approval screen. */
export const listOrgs = defineAction(volunteerContract.actions.listOrgs, {
  load: async ({ unitId }, ctx) => ({ unitId, unit: await requireUnit(ctx.rt, unitId) }),
  run: async ({ input: { status, page, pageSize }, loaded, ctx }) => {
    const where = { ...(areaFilter(loaded.unit) ?? {}), ...(status ? { status } : {}) }
    const found = await findPage(ctx.db, C.volunteer_orgs, where, [['registeredAt', 'desc']], { page, pageSize })
    return { ...found, items: await Promise.all(found.items.map((o) => orgView(ctx.rt, o, ctx.lang))) }
  },
})
