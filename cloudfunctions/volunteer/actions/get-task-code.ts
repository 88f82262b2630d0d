import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { qrPng } from '../../_core/qr'
import { defineAction } from '../../_core/wrap'
import { checkinCode } from '../volunteer.codes'
import { loadTask, requireOrgAdmin } from '../volunteer.repo'

/**
 * The organiser's check-in code of this minute, as text and as a QR image drawn here (the page fetches both again
 * when the minute turns).
 */
export const getTaskCode = defineAction(volunteerContract.actions.getTaskCode, {
  load: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx.db, taskId)
    return { unitId: task.unitId, task }
  },
  run: async ({ loaded: { task }, ctx }) => {
    await requireOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id)
    const code = checkinCode(task, ctx.now)
    return { taskId: task._id, title: task.title, ...code, qrDataUrl: await qrPng(code.payload, 360) }
  },
})
