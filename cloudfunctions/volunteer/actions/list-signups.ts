import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import type { Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { loadTask, requireOrgAdmin, waitPositionOf } from '../volunteer.repo'
import { signupRow } from '../volunteer.views'

/** The organiser's list: sign-ups in arrival order, with waitlist places, clock times and confirmations. */
export const listSignups = defineAction(volunteerContract.actions.listSignups, {
  load: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx.db, taskId)
    return { unitId: task.unitId, task }
  },
  run: async ({ input: { status, page, pageSize }, loaded: { task }, ctx }) => {
    await requireOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id)
    const where: Filter = { taskId: task._id, ...(status ? { status } : {}) }
    const found = await findPage(ctx.db, C.volunteer_signups, where, [['seq', 'asc']], { page, pageSize })
    const items = await Promise.all(
      found.items.map(async (s) => {
        const [user, position] = await Promise.all([ctx.db.get(C.users, s.userId), waitPositionOf(ctx.db, s)])
        return signupRow(s, task, user, position, ctx.lang)
      }),
    )
    return { ...found, items }
  },
})
