import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { hoursToMinutes } from '@shared/volunteer/volunteer.rules'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { needUnit, transitionNeed } from '../volunteer.needs'
import { ids, loadNeed, requireOrgAdmin, writeInbox } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/** The organisation reports the job done: what was done, who took part and for how long. */
export const completeNeed = defineAction(volunteerContract.actions.completeNeed, {
  load: async ({ needId, volunteers }, ctx) => {
    const need = await loadNeed(ctx.db, needId)
    const users = await getMany(
      ctx.db,
      C.users,
      volunteers.map((v) => v.userId),
    )
    return { unitId: needUnit(need), need, users }
  },
  run: async ({ input: { needId, outcome, volunteers }, loaded: { need, users }, tx, ctx }) => {
    if (!need.takenByOrgId) throw VolunteerErrors.NEED_WRONG_STATE()
    await requireOrgAdmin(tx, need.takenByOrgId, ctx.caller.user._id)
    const people = volunteers.map((v) => {
      const user = users.get(v.userId)
      if (!user) throw VolunteerErrors.VOLUNTEER_NOT_FOUND()
      return { userId: user._id, name: user.name, minutes: hoursToMinutes(v.hours) }
    })
    // one line per person: the last hours given for them count
    const unique = [...new Map(people.map((p) => [p.userId, p])).values()]
    await transitionNeed(tx, needId, 'complete', ctx.caller.user._id, ctx.now, null, {
      doneAt: ctx.now,
      outcome,
      volunteers: unique,
    })
    await writeInbox(tx, {
      _id: ids.inbox(needId, 'done', String(ctx.now)),
      userId: need.posterId,
      kind: 'need',
      title: `请确认：${need.title}`,
      body: `${need.takenByOrgName ?? ''}说已经办好：${outcome}。如果属实，请在"我的需求"里确认。`,
      taskId: null,
      needId,
      showAt: ctx.now,
      createdAt: ctx.now,
      voidedAt: null,
    })
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
