import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { legacyAction } from '../../_core/wrap'
import { checkinCode, loadTask, requireOrgAdmin } from '../support'

/** The organiser's check-in code for a task (shown as a QR code for volunteers to scan). */
export const taskCode = legacyAction(volunteerContract.actions.taskCode, {
  scope: async ({ taskId }, ctx) => (await loadTask(ctx, taskId)).unitId,
  run: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx, taskId)
    await requireOrgAdmin(ctx, task.orgId)
    return { taskId, code: checkinCode(task), title: task.title }
  },
})
