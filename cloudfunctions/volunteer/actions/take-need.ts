import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import { defineAction } from '../../_core/wrap'
import { inOrgArea, needUnit, transitionNeed } from '../volunteer.needs'
import { bumpCounters, ids, loadNeed, loadOrg, requireOrgAdmin, tellPoster } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/** 接单: an approved organisation takes on a published need in its area; time-to-take is counted. */
export const takeNeed = defineAction(volunteerContract.actions.takeNeed, {
  load: async ({ needId, orgId }, ctx) => {
    const [need, org] = await Promise.all([loadNeed(ctx.db, needId), loadOrg(ctx.db, orgId)])
    return { unitId: needUnit(need), need, org }
  },
  run: async ({ input: { needId }, loaded: { need, org }, tx, ctx }) => {
    await requireOrgAdmin(tx, org._id, ctx.caller.user._id)
    if (org.status !== 'approved') throw VolunteerErrors.ORG_NOT_APPROVED()
    if (!inOrgArea(org, need)) throw VolunteerErrors.NEED_OUTSIDE_ORG()
    const next = await transitionNeed(tx, needId, 'take', ctx.caller.user._id, ctx.now, null, {
      takenByOrgId: org._id,
      takenByOrgName: org.name,
      takenBy: ctx.caller.user._id,
      takenAt: ctx.now,
    })
    const waited = Math.max(0, Math.round((ctx.now - (next.publishedAt ?? next.createdAt)) / 60_000))
    await bumpCounters(
      tx,
      [
        ['village', next.villageId],
        ['org', org._id],
      ],
      { needsTaken: 1, takeMinutesTotal: waited },
    )
    await tellPoster(tx, {
      id: ids.inbox(needId, 'taken'),
      need: next,
      title: volunteerRef('volunteer.inbox.taken_title', { title: next.title }),
      body: volunteerRef('volunteer.inbox.taken_body', { org: org.name }),
      now: ctx.now,
    })
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
