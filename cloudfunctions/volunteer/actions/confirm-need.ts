import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { defineAction } from '../../_core/wrap'
import { transitionNeed } from '../volunteer.needs'
import { loadMyNeed } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/** The poster confirms the organisation did what was asked; the village verifies next. */
export const confirmNeed = defineAction(volunteerContract.actions.confirmNeed, {
  load: ({ needId }, ctx) => loadMyNeed(ctx, needId),
  texts: ({ note }) => [note],
  run: async ({ input: { needId, note }, tx, ctx }) => {
    await transitionNeed(tx, needId, 'confirm', ctx.caller.user._id, ctx.now, note)
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
