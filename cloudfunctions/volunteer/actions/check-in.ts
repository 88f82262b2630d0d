import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { canCheckIn } from '@shared/volunteer/volunteer.rules'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { presence } from '../volunteer.codes'
import { confirmedSignup, ids, loadSignup, loadTaskForResident } from '../volunteer.repo'
import { mySignupView } from '../volunteer.views'

/** Check in at the task (server clock): from an hour before the start until the end, by code or position. */
export const checkIn = defineAction(volunteerContract.actions.checkIn, {
  load: ({ taskId }, ctx) => loadTaskForResident(ctx, taskId),
  run: async ({ input, loaded: { task }, tx, ctx }) => {
    if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
    const method = presence(task, input)
    const s = await confirmedSignup(tx, ids.signup(task._id, ctx.caller.user._id))
    if (s.checkInAt !== null) throw VolunteerErrors.ALREADY_CHECKED_IN()
    if (!canCheckIn(ctx.now, task.startAt, task.endAt)) throw VolunteerErrors.CHECKIN_NOT_OPEN()
    await tx.update(C.volunteer_signups, s._id, { checkInAt: ctx.now, checkInMethod: method })
    return { signupId: s._id }
  },
  // a confirmed sign-up has no waitlist place
  present: async ({ result, ctx }) => mySignupView(await loadSignup(ctx.db, result.signupId), null),
})
