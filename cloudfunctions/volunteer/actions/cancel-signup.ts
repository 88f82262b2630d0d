import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { Signup, TaskCounter } from '@shared/volunteer/volunteer.schema'
import { REMINDER_LEAD_MS } from '@shared/volunteer/volunteer.rules'
import { formatBj } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { voidInbox, writeInbox } from '../notifier'
import { bumpStats, ids, isOrgAdmin, loadTask, mySignupView, residentScope, statsUnitOf, taskView } from '../support'

/** How many waitlisted sign-ups are looked at (by index, before the transaction) to find the next in line. */
const CANDIDATES = 20

/**
 * Cancel my sign-up before the deadline. If I held a slot, the first still-waiting person in sequence
 * order takes it, in the same transaction (candidates are found by index first and re-read by id inside,
 * so one who cancelled meanwhile is skipped).
 */
export const cancelSignup = legacyAction(volunteerContract.actions.cancelSignup, {
  scope: async ({ taskId }, ctx) => residentScope(ctx, 'task_signup', (await loadTask(ctx, taskId)).unitId),
  run: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx, taskId)
    if (ctx.now > task.signupDeadline) throw VolunteerErrors.CANCEL_CLOSED()
    const id = ids.signup(taskId, ctx.caller.user._id)
    const candidates = await ctx.db.find<Signup>('volunteer_signups', {
      where: { taskId, status: 'waitlisted' },
      orderBy: [['seq', 'asc']],
      limit: CANDIDATES,
    })
    const canManage = await isOrgAdmin(ctx, task.orgId)
    const base = await taskView(ctx.rt, task, null, null, canManage)
    return ctx.transact(async (tx) => {
      const counter = await tx.get<TaskCounter>('volunteer_task_counters', taskId)
      const s = await tx.get<Signup>('volunteer_signups', id)
      if (!counter || !s || s.status === 'cancelled') throw VolunteerErrors.NOT_SIGNED_UP()
      const next: TaskCounter = { ...counter }
      if (s.status === 'confirmed') {
        next.confirmed -= 1
        for (const c of candidates) {
          if (c._id === id) continue
          const fresh = await tx.get<Signup>('volunteer_signups', c._id)
          if (!fresh || fresh.status !== 'waitlisted') continue
          await tx.update('volunteer_signups', fresh._id, { status: 'confirmed', promotedAt: ctx.now })
          next.confirmed += 1
          next.waitlisted -= 1
          await writeInbox(tx, {
            _id: ids.inbox(fresh._id, 'promoted', String(ctx.now)),
            userId: fresh.userId,
            kind: 'promoted',
            title: `候补成功：${task.title}`,
            body: `有人取消了报名，您已转为正式报名。${formatBj(task.startAt)} 在 ${task.placeName}。`,
            taskId,
            requestId: null,
            showAt: ctx.now,
            createdAt: ctx.now,
            voidedAt: null,
          })
          await writeInbox(tx, {
            _id: ids.reminder(fresh._id),
            userId: fresh.userId,
            kind: 'reminder',
            title: `志愿服务提醒：${task.title}`,
            body: `${formatBj(task.startAt)} 在 ${task.placeName}，到场后请扫码或定位签到。`,
            taskId,
            requestId: null,
            showAt: Math.max(ctx.now, task.startAt - REMINDER_LEAD_MS),
            createdAt: ctx.now,
            voidedAt: null,
          })
          break
        }
      } else {
        next.waitlisted -= 1
      }
      const cancelled: Signup = { ...s, status: 'cancelled', cancelledAt: ctx.now }
      await tx.update('volunteer_signups', id, { status: 'cancelled', cancelledAt: ctx.now })
      await tx.set('volunteer_task_counters', next)
      await voidInbox(tx, ids.reminder(id), ctx.now)
      await bumpStats(
        tx,
        [
          ['village', statsUnitOf(task)],
          ['org', task.orgId],
        ],
        { cancellations: 1 },
      )
      const mine = mySignupView(cancelled, null)
      return { task: { ...base, confirmed: next.confirmed, waitlisted: next.waitlisted, mySignup: mine }, signup: mine }
    })
  },
})
