import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import type { TaskCounter } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import {
  bumpCounters,
  countersUnitOf,
  ids,
  loadTask,
  loadTaskForResident,
  reminderAt,
  voidInbox,
  writeInbox,
} from '../volunteer.repo'
import { taskDetail } from '../volunteer.views'

/** How many waitlisted sign-ups are looked at (by index, before the transaction) to find the next in line. */
const CANDIDATES = 20

/**
 * Cancel my sign-up before the deadline. If I held a slot, the first still-waiting person in sequence
 * order takes it, in the same transaction (candidates are found by index first and re-read by id inside,
 * so one who cancelled meanwhile is skipped).
 */
export const cancelSignup = defineAction(volunteerContract.actions.cancelSignup, {
  load: async ({ taskId }, ctx) => {
    const target = await loadTaskForResident(ctx, taskId)
    const candidates = await ctx.db.find(C.volunteer_signups, {
      where: { taskId, status: 'waitlisted' },
      orderBy: [['seq', 'asc']],
      limit: CANDIDATES,
    })
    return { ...target, candidates }
  },
  run: async ({ loaded: { task, candidates }, tx, ctx }) => {
    if (ctx.now > task.signupDeadline) throw VolunteerErrors.CANCEL_CLOSED()
    const id = ids.signup(task._id, ctx.caller.user._id)
    const counter = await tx.get(C.volunteer_task_counters, task._id)
    const s = await tx.get(C.volunteer_signups, id)
    if (!counter || !s || s.status === 'cancelled') throw VolunteerErrors.NOT_SIGNED_UP()
    const next: TaskCounter = { ...counter }
    if (s.status === 'confirmed') {
      next.confirmed -= 1
      for (const c of candidates) {
        if (c._id === id) continue
        const fresh = await tx.get(C.volunteer_signups, c._id)
        if (!fresh || fresh.status !== 'waitlisted') continue
        // its reminder made by the timer, a day before (or within the half hour, if that is past)
        await tx.update(C.volunteer_signups, fresh._id, {
          status: 'confirmed',
          promotedAt: ctx.now,
          remindAt: reminderAt(task, ctx.now),
        })
        next.confirmed += 1
        next.waitlisted -= 1
        await writeInbox(tx, {
          _id: ids.inbox(fresh._id, 'promoted', String(ctx.now)),
          userId: fresh.userId,
          kind: 'promoted',
          title: volunteerRef('volunteer.inbox.promoted_title', { title: task.title }),
          body: volunteerRef('volunteer.inbox.promoted_body', { startAt: task.startAt, place: task.placeName }),
          taskId: task._id,
          needId: null,
          showAt: ctx.now,
          createdAt: ctx.now,
          voidedAt: null,
        })
        break
      }
    } else {
      next.waitlisted -= 1
    }
    await tx.update(C.volunteer_signups, id, { status: 'cancelled', cancelledAt: ctx.now, remindAt: null })
    await tx.set(C.volunteer_task_counters, next)
    await voidInbox(tx, ids.reminder(id), ctx.now)
    await bumpCounters(
      tx,
      [
        ['village', countersUnitOf(task)],
        ['org', task.orgId],
      ],
      { cancellations: 1 },
    )
    return { taskId: task._id }
  },
  present: async ({ result, ctx }) => {
    const task = await taskDetail(ctx, await loadTask(ctx.db, result.taskId))
    // run wrote the caller's sign-up, and sign-ups are never removed
    return { task, signup: task.mySignup! }
  },
})
