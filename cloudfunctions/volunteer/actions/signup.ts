import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { SignupSchema, type Signup, type TaskCounter } from '@shared/volunteer/volunteer.schema'
import { REMINDER_LEAD_MS } from '@shared/volunteer/volunteer.rules'
import { formatBj } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { writeInbox } from '../notifier'
import { bumpStats, ids, isOrgAdmin, loadTask, mySignupView, residentScope, statsUnitOf, taskView } from '../support'

/**
 * Sign up for a task. The task counter is read and written inside the transaction, so slots never
 * overfill however many sign up at once; when full the sign-up joins the waitlist with the next sequence
 * number. The sign-up id is derived from task + person, so one person holds at most one sign-up.
 */
export const signup = legacyAction(volunteerContract.actions.signup, {
  scope: async ({ taskId }, ctx) => residentScope(ctx, 'task_signup', (await loadTask(ctx, taskId)).unitId),
  run: async ({ taskId }, ctx) => {
    const task = await loadTask(ctx, taskId)
    if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
    if (ctx.now > task.signupDeadline) throw VolunteerErrors.SIGNUP_CLOSED()
    const user = ctx.caller.user
    const id = ids.signup(taskId, user._id)
    const canManage = await isOrgAdmin(ctx, task.orgId)
    const base = await taskView(ctx.rt, task, null, null, canManage)
    return ctx.transact(async (tx) => {
      const counter = await tx.get<TaskCounter>('volunteer_task_counters', taskId)
      if (!counter) throw VolunteerErrors.TASK_NOT_FOUND()
      const prior = await tx.get<Signup>('volunteer_signups', id)
      if (prior && prior.status !== 'cancelled') throw VolunteerErrors.ALREADY_SIGNED_UP()
      const status = counter.confirmed < counter.slots ? 'confirmed' : 'waitlisted'
      const s: Signup = SignupSchema.parse({
        _id: id,
        taskId,
        orgId: task.orgId,
        villageId: task.villageId,
        userId: user._id,
        userName: user.name,
        householdId: user.householdId,
        status,
        seq: counter.nextSeq,
        signedUpAt: ctx.now,
        cancelledAt: null,
        promotedAt: null,
        checkInAt: null,
        checkInMethod: null,
        checkOutAt: null,
        checkOutMethod: null,
        attendance: 'pending',
        confirmedMinutes: null,
        points: null,
        confirmedBy: null,
        confirmedAt: null,
      })
      const next: TaskCounter = {
        ...counter,
        confirmed: counter.confirmed + (status === 'confirmed' ? 1 : 0),
        waitlisted: counter.waitlisted + (status === 'waitlisted' ? 1 : 0),
        nextSeq: counter.nextSeq + 1,
      }
      await tx.set('volunteer_signups', s)
      await tx.set('volunteer_task_counters', next)
      await bumpStats(
        tx,
        [
          ['village', statsUnitOf(task)],
          ['org', task.orgId],
        ],
        { signups: 1 },
      )
      if (status === 'confirmed') {
        await writeInbox(tx, {
          _id: ids.reminder(id),
          userId: user._id,
          kind: 'reminder',
          title: `志愿服务提醒：${task.title}`,
          body: `${formatBj(task.startAt)} 在 ${task.placeName}，到场后请扫码或定位签到。`,
          taskId,
          requestId: null,
          showAt: Math.max(ctx.now, task.startAt - REMINDER_LEAD_MS),
          createdAt: ctx.now,
          voidedAt: null,
        })
      }
      // a new waitlisted sign-up is last in line: its place is the new waitlist length
      const mine = mySignupView(s, status === 'waitlisted' ? next.waitlisted : null)
      return { task: { ...base, confirmed: next.confirmed, waitlisted: next.waitlisted, mySignup: mine }, signup: mine }
    })
  },
})
