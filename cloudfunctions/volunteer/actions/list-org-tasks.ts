import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { loadOrg, requireOrgAdmin } from '../volunteer.repo'
import { taskCards } from '../volunteer.views'

/** The tasks an organisation posted, newest first (for its admins). */
export const listOrgTasks = defineAction(volunteerContract.actions.listOrgTasks, {
  load: async ({ orgId }, ctx) => ({ unitId: (await loadOrg(ctx.db, orgId)).unitId }),
  run: async ({ input: { orgId, page, pageSize }, ctx }) => {
    await requireOrgAdmin(ctx.db, orgId, ctx.caller.user._id)
    const found = await findPage(ctx.db, C.volunteer_tasks, { orgId }, [['startAt', 'desc']], { page, pageSize })
    return { ...found, items: await taskCards(ctx, found.items, true) }
  },
})
