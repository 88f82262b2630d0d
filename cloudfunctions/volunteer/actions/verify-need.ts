import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import { creditSystemAward } from '../../points/points.api'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { pointsReason, recordVolunteerHours } from '../volunteer.hours'
import { needUnit, transitionNeed } from '../volunteer.needs'
import { bumpCounters, loadNeed } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/**
 * 验单: the village checks a job the resident confirmed. Approved: each volunteer's hours go to their
 * record (exactly once per need and person) and, if the village says so, to their household's
 * points (village rule VOLUNTEER_HOUR); the outcome becomes public. Not approved: back to the
 * organisation with the reason.
 */
export const verifyNeed = defineAction(volunteerContract.actions.verifyNeed, {
  load: async ({ needId }, ctx) => {
    const need = await loadNeed(ctx.db, needId)
    const users = await getMany(
      ctx.db,
      C.users,
      need.volunteers.map((v) => v.userId),
    )
    const households = await getMany(
      ctx.db,
      C.households,
      [...users.values()].flatMap((u) => (u.householdId ? [u.householdId] : [])),
    )
    const people = need.volunteers.map((v) => {
      const householdId = users.get(v.userId)?.householdId
      return { ...v, household: (householdId && households.get(householdId)) || null }
    })
    return { unitId: needUnit(need), need, people }
  },
  texts: ({ note }) => [note],
  run: async ({ input: { needId, approve, note, awardPoints }, loaded: { need, people }, tx, ctx }) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const by = ctx.caller.user._id
    if (!approve) {
      await transitionNeed(tx, needId, 'rework', by, ctx.now, note)
      return { needId }
    }
    await transitionNeed(tx, needId, 'verify', by, ctx.now, note, { verifiedAt: ctx.now, awardsPoints: awardPoints })
    for (const p of people) {
      await recordVolunteerHours(tx, {
        userId: p.userId,
        householdId: p.household?._id ?? null,
        villageId: p.household?.villageId ?? need.villageId,
        minutes: p.minutes,
        source: 'need',
        sourceKey: `need:${needId}`,
        note: volunteerRef('volunteer.hours.need_note', {
          title: need.title,
          verifiedOn: ctx.now,
          org: need.takenByOrgName ?? '',
        }),
        now: ctx.now,
      })
      if (awardPoints && p.household && p.minutes >= 30) {
        await creditSystemAward(tx, {
          villageId: p.household.villageId,
          householdId: p.household._id,
          userId: p.userId,
          ruleCode: 'VOLUNTEER_HOUR',
          quantity: Math.floor(p.minutes / 30) / 2,
          sourceKey: `volunteer-need:${needId}:${p.userId}`,
          reason: pointsReason(volunteerRef('volunteer.points.need_reason', { title: need.title })),
          now: ctx.now,
        })
      }
    }
    await bumpCounters(
      tx,
      [
        ['village', need.villageId],
        ['org', need.takenByOrgId],
      ],
      { needsVerified: 1 },
    )
    return { needId }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
