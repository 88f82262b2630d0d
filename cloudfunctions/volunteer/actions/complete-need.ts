import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import { hoursToMinutes } from '@shared/volunteer/volunteer.rules'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { needUnit, transitionNeed } from '../volunteer.needs'
import { ids, loadNeed, orgPeople, requireOrgAdmin, tellPoster } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/**
 * The organisation reports the job done: what was done, who took part and for how long. Who took part must be
 * the organisation's own people (its admins, or volunteers who hold a place on one of its tasks and live in its
 * area): anyone else, or an id that names nobody, gets the same refusal, so the call tells nothing about who
 * exists, and the need (which its poster, the village and the organisation read) names only its own people.
 */
export const completeNeed = defineAction(volunteerContract.actions.completeNeed, {
  load: async ({ needId, volunteers }, ctx) => {
    const need = await loadNeed(ctx.db, needId)
    const userIds = volunteers.map((v) => v.userId)
    const [users, people] = await Promise.all([
      getMany(ctx.db, C.users, userIds),
      need.takenByOrgId ? orgPeople(ctx, need.takenByOrgId, userIds) : new Set<string>(),
    ])
    return { unitId: needUnit(need), need, users, people }
  },
  texts: ({ outcome }) => [outcome],
  run: async ({ input: { needId, outcome, volunteers }, loaded: { need, users, people }, tx, ctx }) => {
    if (!need.takenByOrgId) throw VolunteerErrors.NEED_WRONG_STATE()
    await requireOrgAdmin(tx, need.takenByOrgId, ctx.caller.user._id)
    const named = volunteers.map((v) => {
      const user = users.get(v.userId)
      if (!user || !people.has(user._id)) throw VolunteerErrors.NOT_PARTICIPANT()
      return { userId: user._id, name: user.name, minutes: hoursToMinutes(v.hours) }
    })
    // one line per person: the last hours given for them count
    const unique = [...new Map(named.map((p) => [p.userId, p])).values()]
    await transitionNeed(tx, needId, 'complete', ctx.caller.user._id, ctx.now, null, {
      doneAt: ctx.now,
      outcome,
      volunteers: unique,
    })
    await tellPoster(tx, {
      id: ids.inbox(needId, 'done', String(ctx.now)),
      need,
      title: volunteerRef('volunteer.inbox.done_title', { title: need.title }),
      body: volunteerRef('volunteer.inbox.done_body', { org: need.takenByOrgName ?? '', outcome }),
      now: ctx.now,
    })
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
