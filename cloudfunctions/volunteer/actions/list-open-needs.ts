import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import type { Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { loadOrg, requireOrgAdmin } from '../volunteer.repo'
import { needView } from '../volunteer.views'

/** Needs an organisation can take (published, in its area) or has taken (any later status). */
export const listOpenNeeds = defineAction(volunteerContract.actions.listOpenNeeds, {
  load: async ({ orgId }, ctx) => {
    const org = await loadOrg(ctx.db, orgId)
    return { unitId: org.unitId, org }
  },
  run: async ({ input: { status, page, pageSize }, loaded: { org }, ctx }) => {
    await requireOrgAdmin(ctx.db, org._id, ctx.caller.user._id)
    const area: Filter = org.villageId ? { villageId: org.villageId } : { townshipId: org.townshipId }
    const where: Filter =
      !status || status === 'published' ? { ...area, status: 'published' } : { takenByOrgId: org._id, status }
    const found = await findPage(ctx.db, C.volunteer_needs, where, [['createdAt', 'desc']], { page, pageSize })
    // names stay masked until the organisation has taken the job on
    return {
      ...found,
      items: await Promise.all(
        found.items.map((n) => needView(ctx.rt, n, ctx.caller.user._id, n.takenByOrgId === org._id, ctx.lang)),
      ),
    }
  },
})
