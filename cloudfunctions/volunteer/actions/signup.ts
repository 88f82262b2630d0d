import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { SignupSchema, type Signup, type Task, type TaskCounter } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import {
  bumpCounters,
  countersUnitOf,
  ids,
  loadTask,
  loadTaskForResident,
  reminderOf,
  writeInbox,
} from '../volunteer.repo'
import { taskDetail } from '../volunteer.views'

/** What run hands to present: the task as load read it, the counter and the sign-up as run wrote them. */
interface Written {
  task: Task
  counter: TaskCounter
  mine: Signup
}

/**
 * Sign up for a task. The task counter is read and written inside the transaction, so slots never
 * overfill however many sign up at once; when full the sign-up joins the waitlist with the next sequence
 * number. The sign-up id is derived from task + person, so one person holds at most one sign-up.
 */
export const signup = defineAction(volunteerContract.actions.signup, {
  // the task read beside the caller (issue #21)
  prefetch: ({ taskId }, db) => loadTask(db, taskId),
  load: ({ taskId }, ctx) => loadTaskForResident(ctx, taskId),
  run: async ({ loaded: { task }, tx, ctx, handOn }) => {
    if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
    if (ctx.now > task.signupDeadline) throw VolunteerErrors.SIGNUP_CLOSED()
    const user = ctx.caller.user
    const id = ids.signup(task._id, user._id)
    const counter = await tx.get(C.volunteer_task_counters, task._id)
    if (!counter) throw VolunteerErrors.TASK_NOT_FOUND()
    const prior = await tx.get(C.volunteer_signups, id)
    if (prior && prior.status !== 'cancelled') throw VolunteerErrors.ALREADY_SIGNED_UP()
    const status = counter.confirmed < counter.slots ? 'confirmed' : 'waitlisted'
    const s: Signup = SignupSchema.parse({
      _id: id,
      taskId: task._id,
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
    await tx.set(C.volunteer_signups, s)
    await tx.set(C.volunteer_task_counters, next)
    await bumpCounters(
      tx,
      [
        ['village', countersUnitOf(task)],
        ['org', task.orgId],
      ],
      { signups: 1 },
    )
    if (status === 'confirmed') await writeInbox(tx, reminderOf(task, id, user._id, ctx.now))
    handOn({ task, counter: next, mine: s } satisfies Written)
    return { taskId: task._id }
  },
  // the task as the volunteer now sees it: their sign-up, its place on the waitlist, the filled slots (a fresh call:
  // the task as load read it, which a sign-up does not change, and the counter and sign-up as run wrote them)
  present: async ({ result, ctx, handed }) => {
    const written = handed as Written | undefined
    const task = written
      ? await taskDetail(ctx, written.task, written)
      : await taskDetail(ctx, await loadTask(ctx.db, result.taskId))
    // run wrote the caller's sign-up, and sign-ups are never removed
    return { task, signup: task.mySignup! }
  },
})
