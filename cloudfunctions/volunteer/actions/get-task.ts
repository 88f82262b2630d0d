import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { defineAction } from '../../_core/wrap'
import { loadTask } from '../volunteer.repo'
import { taskDetail } from '../volunteer.views'

/**
 * A task with its filled slots and, if I signed up, my sign-up and place on the waitlist. Tasks are public; the
 * organiser's phone is in full only for those signed up, the organisation's admins and officials over it.
 */
export const getTask = defineAction(volunteerContract.actions.getTask, {
  load: async ({ taskId }, ctx) => ({ task: await loadTask(ctx.db, taskId) }),
  run: async ({ loaded, ctx }) => taskDetail(ctx, loaded.task),
})
