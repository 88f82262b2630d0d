import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { GeoPoint } from '@shared/common.schema'
import type { Signup, Task } from '@shared/volunteer/volunteer.schema'
import { canCheckIn, canCheckOut, distanceMeters } from '@shared/volunteer/volunteer.rules'
import { legacyAction, type ActionContext } from '../../_core/wrap'
import { ids, loadTask, mySignupView, residentScope, verifyCheckinCode } from '../support'

/** Proof of presence: the organiser's signed code, or the phone's position within the task's radius. */
function presence(task: Task, input: { code?: string; location?: GeoPoint }): 'code' | 'location' {
  if (input.code) {
    if (!verifyCheckinCode(task, input.code)) throw VolunteerErrors.BAD_CODE()
    return 'code'
  }
  if (input.location && distanceMeters(input.location, task.location) <= task.radiusM) return 'location'
  throw VolunteerErrors.TOO_FAR()
}

async function clock(
  kind: 'in' | 'out',
  input: { taskId: string; code?: string; location?: GeoPoint },
  ctx: ActionContext,
) {
  const task = await loadTask(ctx, input.taskId)
  if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
  const id = ids.signup(task._id, ctx.caller.user._id)
  const method = presence(task, input)
  return ctx.transact(async (tx) => {
    const s = await tx.get<Signup>('volunteer_signups', id)
    if (!s || s.status === 'cancelled') throw VolunteerErrors.NOT_SIGNED_UP()
    if (s.status !== 'confirmed') throw VolunteerErrors.NOT_CONFIRMED()
    let next: Signup
    if (kind === 'in') {
      if (s.checkInAt !== null) throw VolunteerErrors.ALREADY_CHECKED_IN()
      if (!canCheckIn(ctx.now, task.startAt, task.endAt)) throw VolunteerErrors.CHECKIN_NOT_OPEN()
      next = { ...s, checkInAt: ctx.now, checkInMethod: method }
      await tx.update('volunteer_signups', id, { checkInAt: ctx.now, checkInMethod: method })
    } else {
      if (s.checkInAt === null) throw VolunteerErrors.NOT_CHECKED_IN()
      if (s.checkOutAt !== null) throw VolunteerErrors.ALREADY_CHECKED_OUT()
      if (!canCheckOut(ctx.now, s.checkInAt, task.endAt)) throw VolunteerErrors.CHECKOUT_NOT_OPEN()
      next = { ...s, checkOutAt: ctx.now, checkOutMethod: method }
      await tx.update('volunteer_signups', id, { checkOutAt: ctx.now, checkOutMethod: method })
    }
    return mySignupView(next, null)
  })
}

/** Check in at the task (server clock): from an hour before the start until the end. */
export const checkIn = legacyAction(volunteerContract.actions.checkIn, {
  scope: async ({ taskId }, ctx) => residentScope(ctx, 'task_signup', (await loadTask(ctx, taskId)).unitId),
  run: (input, ctx) => clock('in', input, ctx),
})

/** Check out (server clock): after checking in, until three hours after the end. */
export const checkOut = legacyAction(volunteerContract.actions.checkOut, {
  scope: async ({ taskId }, ctx) => residentScope(ctx, 'task_signup', (await loadTask(ctx, taskId)).unitId),
  run: (input, ctx) => clock('out', input, ctx),
})
