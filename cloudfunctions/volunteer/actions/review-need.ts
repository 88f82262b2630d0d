import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import { defineAction } from '../../_core/wrap'
import { needUnit, transitionNeed } from '../volunteer.needs'
import { ids, loadNeed, tellPoster } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/** The village reviews a new need: publish it for organisations to take, or turn it down with a reason. */
export const reviewNeed = defineAction(volunteerContract.actions.reviewNeed, {
  load: async ({ needId }, ctx) => ({ unitId: needUnit(await loadNeed(ctx.db, needId)) }),
  texts: ({ note }) => [note],
  run: async ({ input: { needId, approve, note }, tx, ctx }) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const need = await transitionNeed(
      tx,
      needId,
      approve ? 'publish' : 'reject',
      ctx.caller.user._id,
      ctx.now,
      note,
      approve ? { publishedAt: ctx.now } : {},
    )
    await tellPoster(tx, {
      id: ids.inbox(needId, approve ? 'published' : 'rejected'),
      need,
      title: approve
        ? volunteerRef('volunteer.inbox.published_title', { title: need.title })
        : volunteerRef('volunteer.inbox.rejected_title', { title: need.title }),
      body: approve
        ? volunteerRef('volunteer.inbox.published_body')
        : volunteerRef('volunteer.inbox.rejected_body', { note }),
      now: ctx.now,
    })
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
