import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { SignupSchema, type Signup, type Task, type TaskCounter } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { DuplicateKeyError, StaleReadError, type TxStore } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { bumpCounters, countersUnitOf, ids, loadTask, loadTaskForResident, reminderAt } from '../volunteer.repo'
import { taskDetail } from '../volunteer.views'

/** What run hands to present: the task as load read it, the counter and the sign-up as run wrote them. */
interface Written {
  task: Task
  counter: TaskCounter
  mine: Signup
}

/**
 * The task's counter with one more sign-up counted, and where it goes: a slot while one is free, else the waitlist,
 * with the next sequence number. The comparison is part of the write (issue #21: one request, not a read and a
 * write); a counter whose slots are not the task's (or none) is read and counted as it says.
 */
async function countSignup(
  tx: TxStore,
  task: Task,
): Promise<{ counter: TaskCounter; status: 'confirmed' | 'waitlisted' }> {
  const free = await tx.updateIf(
    C.volunteer_task_counters,
    task._id,
    { slots: task.slots, confirmed: { $lt: task.slots } },
    { inc: { confirmed: 1, nextSeq: 1 } },
  )
  if (free) return { counter: free, status: 'confirmed' }
  const full = await tx.updateIf(
    C.volunteer_task_counters,
    task._id,
    { slots: task.slots, confirmed: { $gte: task.slots } },
    { inc: { waitlisted: 1, nextSeq: 1 } },
  )
  if (full) return { counter: full, status: 'waitlisted' }
  const counter = await tx.get(C.volunteer_task_counters, task._id)
  if (!counter) throw VolunteerErrors.TASK_NOT_FOUND()
  const status = counter.confirmed < counter.slots ? 'confirmed' : 'waitlisted'
  const next: TaskCounter = {
    ...counter,
    confirmed: counter.confirmed + (status === 'confirmed' ? 1 : 0),
    waitlisted: counter.waitlisted + (status === 'waitlisted' ? 1 : 0),
    nextSeq: counter.nextSeq + 1,
  }
  await tx.set(C.volunteer_task_counters, next)
  return { counter: next, status }
}

/**
 * Sign up for a task. The task counter is counted inside the transaction, so slots never overfill however many
 * sign up at once; when full the sign-up joins the waitlist with the next sequence number. The sign-up id is
 * derived from task + person, so one person holds at most one sign-up.
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
    // not read first (issue #21): the insert below fails if the person has a sign-up, and the next try reads it
    // (one cancelled is signed up again in its place)
    const again = ctx.wasStale(C.volunteer_signups, id)
    if (again) {
      const prior = await tx.get(C.volunteer_signups, id)
      if (prior && prior.status !== 'cancelled') throw VolunteerErrors.ALREADY_SIGNED_UP()
    }
    const { counter: next, status } = await countSignup(tx, task)
    const s: Signup = SignupSchema.parse({
      _id: id,
      taskId: task._id,
      orgId: task.orgId,
      villageId: task.villageId,
      userId: user._id,
      userName: user.name,
      householdId: user.householdId,
      status,
      seq: next.nextSeq - 1,
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
      // its reminder is made by the timer a day before, if it then holds a slot (issue #21: not written here)
      remindAt: reminderAt(task, ctx.now),
    })
    if (!again) {
      try {
        await tx.insert(C.volunteer_signups, s)
      } catch (err) {
        if (err instanceof DuplicateKeyError) throw new StaleReadError(C.volunteer_signups, id)
        throw err
      }
    } else await tx.set(C.volunteer_signups, s)
    await bumpCounters(
      tx,
      [
        ['village', countersUnitOf(task)],
        ['org', task.orgId],
      ],
      { signups: 1 },
    )
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
