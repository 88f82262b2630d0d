import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { defineAction } from '../../_core/wrap'
import { checkinCode } from '../volunteer.codes'
import { loadTask, requireOrgAdmin } from '../volunteer.repo'

/** The organiser's check-in code of this minute (shown as text and a QR code; the page fetches it again each minute). */
export const getTaskCode = defineAction(volunteerContract.actions.getTaskCode, {
  load: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx.db, taskId)
    return { unitId: task.unitId, task }
  },
  run: async ({ loaded: { task }, ctx }) => {
    await requireOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id)
    return { taskId: task._id, title: task.title, ...checkinCode(task, ctx.now) }
  },
})
