import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { presence } from '../volunteer.codes'
import { confirmedSignup, ids, loadSignup, loadTask, loadTaskForResident } from '../volunteer.repo'
import { mySignupView } from '../volunteer.views'

/**
 * Check out (server clock): after checking in, from the start until two hours after the end, by the organiser's
 * current code or the phone's position.
 */
export const checkOut = defineAction(volunteerContract.actions.checkOut, {
  // the task read beside the caller (issue #21)
  prefetch: ({ taskId }, db) => loadTask(db, taskId),
  load: ({ taskId }, ctx) => loadTaskForResident(ctx, taskId),
  run: async ({ input, loaded: { task }, tx, ctx }) => {
    if (task.status !== 'open') throw VolunteerErrors.TASK_CANCELLED()
    const s = await confirmedSignup(tx, ids.signup(task._id, ctx.caller.user._id))
    if (s.checkInAt === null) throw VolunteerErrors.NOT_CHECKED_IN()
    if (s.checkOutAt !== null) throw VolunteerErrors.ALREADY_CHECKED_OUT()
    const method = presence(task, input, { kind: 'checkOut', now: ctx.now, lang: ctx.lang })
    await tx.update(C.volunteer_signups, s._id, { checkOutAt: ctx.now, checkOutMethod: method })
    return { signupId: s._id }
  },
  present: async ({ result, ctx }) => mySignupView(await loadSignup(ctx.db, result.signupId), null, ctx.lang),
})
