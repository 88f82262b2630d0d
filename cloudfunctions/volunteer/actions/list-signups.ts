import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { User } from '@shared/account/account.schema'
import type { Signup } from '@shared/volunteer/volunteer.schema'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { loadTask, paged, requireOrgAdmin, signupRow } from '../support'

/** The organiser's list: sign-ups in arrival order, with waitlist places, clock times and confirmations. */
export const listSignups = legacyAction(volunteerContract.actions.listSignups, {
  scope: async ({ taskId }, ctx) => (await loadTask(ctx, taskId)).unitId,
  run: async ({ taskId, status, page, pageSize }, ctx) => {
    const task = await loadTask(ctx, taskId)
    await requireOrgAdmin(ctx, task.orgId)
    const where: Filter = { taskId, ...(status ? { status } : {}) }
    const [rows, total, firstWaiting] = await Promise.all([
      ctx.db.find<Signup>('volunteer_signups', {
        where,
        orderBy: [['seq', 'asc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_signups', where),
      ctx.db.find<Signup>('volunteer_signups', {
        where: { taskId, status: 'waitlisted' },
        orderBy: [['seq', 'asc']],
        limit: 1,
      }),
    ])
    const waitBase = firstWaiting[0]?.seq
    const items = await Promise.all(
      rows.map(async (s) => {
        const user = await ctx.db.get<User>('users', s.userId)
        const pos =
          s.status === 'waitlisted' && waitBase !== undefined
            ? 1 + (await ctx.db.count('volunteer_signups', { taskId, status: 'waitlisted', seq: { $lt: s.seq } }))
            : null
        return signupRow(s, task, user, pos)
      }),
    )
    return paged(items, page, pageSize, total)
  },
})
