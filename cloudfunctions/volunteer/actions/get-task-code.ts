import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { defineAction } from '../../_core/wrap'
import { checkinCode } from '../volunteer.codes'
import { loadTask, requireOrgAdmin } from '../volunteer.repo'

/** The organiser's check-in code for a task (shown as a QR code for volunteers to scan). */
export const getTaskCode = defineAction(volunteerContract.actions.getTaskCode, {
  load: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx.db, taskId)
    return { unitId: task.unitId, task }
  },
  run: async ({ loaded: { task }, ctx }) => {
    await requireOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id)
    return { taskId: task._id, code: checkinCode(task), title: task.title }
  },
})
