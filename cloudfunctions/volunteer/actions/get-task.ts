import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Signup, TaskCounter } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { ids, isOrgAdmin, loadTask, mySignupView, taskView, waitPositionOf } from '../support'

/** A task with its filled slots and, if I signed up, my sign-up and place on the waitlist. Tasks are public. */
export const getTask = legacyAction(volunteerContract.actions.getTask, {
  run: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx, taskId)
    const [counter, mine, admin] = await Promise.all([
      ctx.db.get<TaskCounter>('volunteer_task_counters', taskId),
      ctx.db.get<Signup>('volunteer_signups', ids.signup(taskId, ctx.caller.user._id)),
      isOrgAdmin(ctx, task.orgId),
    ])
    return taskView(ctx.rt, task, counter, mine ? mySignupView(mine, await waitPositionOf(ctx, mine)) : null, admin)
  },
})
