import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { canCheckOut } from '@shared/volunteer/volunteer.rules'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { presence } from '../volunteer.codes'
import { confirmedSignup, ids, loadSignup, loadTaskForResident } from '../volunteer.repo'
import { mySignupView } from '../volunteer.views'

/** Check out (server clock): after checking in, until three hours after the end, by code or position. */
export const checkOut = defineAction(volunteerContract.actions.checkOut, {
  load: ({ taskId }, ctx) => loadTaskForResident(ctx, taskId),
  run: async ({ input, loaded: { task }, tx, ctx }) => {
    if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
    const method = presence(task, input)
    const s = await confirmedSignup(tx, ids.signup(task._id, ctx.caller.user._id))
    if (s.checkInAt === null) throw VolunteerErrors.NOT_CHECKED_IN()
    if (s.checkOutAt !== null) throw VolunteerErrors.ALREADY_CHECKED_OUT()
    if (!canCheckOut(ctx.now, s.checkInAt, task.endAt)) throw VolunteerErrors.CHECKOUT_NOT_OPEN()
    await tx.update(C.volunteer_signups, s._id, { checkOutAt: ctx.now, checkOutMethod: method })
    return { signupId: s._id }
  },
  present: async ({ result, ctx }) => mySignupView(await loadSignup(ctx.db, result.signupId), null),
})
