import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Signup, Task, TaskCounter } from '@shared/volunteer/volunteer.schema'
import type { Filter } from '../../_core/port'
import { legacyAction, type ActionContext } from '../../_core/wrap'
import { ids, mySignupView, paged, residenceArea, taskView } from '../support'

/** Task cards for a page of tasks: counters and my own sign-up read by id. */
export async function taskCards(ctx: ActionContext, tasks: Task[], canManage: boolean) {
  return Promise.all(
    tasks.map(async (t) => {
      const [counter, mine] = await Promise.all([
        ctx.db.get<TaskCounter>('volunteer_task_counters', t._id),
        ctx.db.get<Signup>('volunteer_signups', ids.signup(t._id, ctx.caller.user._id)),
      ])
      return taskView(ctx.rt, t, counter, mine ? mySignupView(mine, null) : null, canManage)
    }),
  )
}

/**
 * Tasks near me: those in my village and those of my township, soonest first; by default only tasks
 * not yet over. Without a residence there is nothing near me.
 */
export const listTasks = legacyAction(volunteerContract.actions.listTasks, {
  run: async ({ page, pageSize, includePast }, ctx) => {
    const home = await residenceArea(ctx)
    const near = [home?.area.villageId, home?.area.townshipId].filter((x): x is string => !!x)
    if (!near.length) return paged([], page, pageSize, 0)
    const where: Filter = { unitId: { $in: near }, status: 'open' }
    if (!includePast) where.endAt = { $gte: ctx.now }
    const [rows, total] = await Promise.all([
      ctx.db.find<Task>('volunteer_tasks', {
        where,
        orderBy: [['startAt', 'asc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_tasks', where),
    ])
    return paged(await taskCards(ctx, rows, false), page, pageSize, total)
  },
})
