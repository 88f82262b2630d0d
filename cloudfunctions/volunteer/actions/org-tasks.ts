import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Task } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { loadOrg, paged, requireOrgAdmin } from '../support'
import { taskCards } from './list-tasks'

/** The tasks an organisation posted, newest first (for its admins). */
export const orgTasks = legacyAction(volunteerContract.actions.orgTasks, {
  scope: async ({ orgId }, ctx) => (await loadOrg(ctx, orgId)).unitId,
  run: async ({ orgId, page, pageSize }, ctx) => {
    await requireOrgAdmin(ctx, orgId)
    const where = { orgId }
    const [rows, total] = await Promise.all([
      ctx.db.find<Task>('volunteer_tasks', {
        where,
        orderBy: [['startAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_tasks', where),
    ])
    return paged(await taskCards(ctx, rows, true), page, pageSize, total)
  },
})
