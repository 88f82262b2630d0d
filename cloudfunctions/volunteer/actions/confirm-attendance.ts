import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import type { Adjustment } from '@shared/volunteer/volunteer.schema'
import { hoursToMinutes, measuredMinutes, minutesToHours, pointsHours } from '@shared/volunteer/volunteer.rules'
import { creditSystemAward } from '../../points/points.api'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { pointsReason, recordVolunteerHours } from '../volunteer.hours'
import {
  bumpCounters,
  countersUnitOf,
  householdOf,
  ids,
  loadSignup,
  loadTask,
  requireOrgAdmin,
} from '../volunteer.repo'
import { signupRow } from '../volunteer.views'

/**
 * The organiser confirms one volunteer's attendance, once. Attended: the measured minutes (check-in to
 * check-out inside the task window), or other hours with a reason (kept as an append-only adjustment), never more
 * than the task lasted: an adjustment corrects a clock, it does not credit time that was not there.
 * In the same transaction the hours go to the volunteer's record (exactly once, by sign-up) and, if the
 * task earns points, to their household through the points domain (exactly once, by sign-up).
 */
export const confirmAttendance = defineAction(volunteerContract.actions.confirmAttendance, {
  load: async ({ signupId }, ctx) => {
    const signup = await loadSignup(ctx.db, signupId)
    const [task, user] = await Promise.all([loadTask(ctx.db, signup.taskId), ctx.db.get(C.users, signup.userId)])
    const household = user ? await householdOf(ctx.db, user) : null
    return { unitId: task.unitId, task, household }
  },
  texts: ({ reason }) => [reason],
  run: async ({ input: { signupId, attended, hours, reason }, loaded: { task, household }, tx, ctx }) => {
    const by = ctx.caller.user._id
    await requireOrgAdmin(tx, task.orgId, by)
    const s = await tx.get(C.volunteer_signups, signupId)
    if (!s || s.status !== 'confirmed') throw VolunteerErrors.NOT_ATTENDABLE()
    if (ctx.now < task.startAt) throw VolunteerErrors.TASK_NOT_STARTED()
    const measured = measuredMinutes(s.checkInAt, s.checkOutAt, task.startAt, task.endAt)
    const minutes = attended ? (hours === undefined ? measured : hoursToMinutes(hours)) : 0
    if (attended && minutes !== measured && !reason) throw VolunteerErrors.REASON_REQUIRED()
    const longest = Math.floor((task.endAt - task.startAt) / 60_000)
    if (minutes > longest) throw VolunteerErrors.HOURS_OVER_TASK({ hours: minutesToHours(longest) })
    if (s.attendance !== 'pending') throw VolunteerErrors.ALREADY_CONFIRMED()
    let points: number | null = null
    let pointsCredited = false
    if (attended) {
      await recordVolunteerHours(tx, {
        userId: s.userId,
        householdId: household?._id ?? null,
        villageId: household?.villageId ?? task.villageId,
        minutes,
        source: 'task',
        sourceKey: `task:${signupId}`,
        note: volunteerRef('volunteer.hours.task_note', {
          title: task.title,
          startOn: task.startAt,
          org: task.orgName,
        }),
        now: ctx.now,
      })
      if (minutes !== measured) {
        const adj: Adjustment = {
          _id: ids.adjustment(signupId),
          signupId,
          taskId: task._id,
          userId: s.userId,
          measuredMinutes: measured,
          confirmedMinutes: minutes,
          reason,
          by,
          at: ctx.now,
        }
        await tx.insert(C.volunteer_adjustments, adj)
      }
      const quantity = pointsHours(minutes, task.pointsRule)
      if (household && quantity > 0) {
        const award = await creditSystemAward(tx, {
          villageId: household.villageId,
          householdId: household._id,
          userId: s.userId,
          ruleCode: 'VOLUNTEER_HOUR',
          quantity,
          sourceKey: `volunteer:${signupId}`,
          reason: pointsReason(
            volunteerRef('volunteer.points.task_reason', { title: task.title, hours: minutesToHours(minutes) }),
          ),
          now: ctx.now,
        })
        points = award.points
        pointsCredited = award.credited && award.points > 0
      }
    }
    await tx.update(C.volunteer_signups, signupId, {
      attendance: attended ? 'attended' : 'absent',
      confirmedMinutes: attended ? minutes : null,
      points,
      confirmedBy: by,
      confirmedAt: ctx.now,
    })
    await bumpCounters(
      tx,
      [
        ['village', countersUnitOf(task)],
        ['org', task.orgId],
      ],
      attended ? { attended: 1, confirmedMinutes: minutes } : { absent: 1 },
    )
    return { signupId, pointsCredited }
  },
  present: async ({ result, ctx }) => {
    const s = await loadSignup(ctx.db, result.signupId)
    const [task, user] = await Promise.all([loadTask(ctx.db, s.taskId), ctx.db.get(C.users, s.userId)])
    return { row: signupRow(s, task, user, null, ctx.lang), pointsCredited: result.pointsCredited }
  },
})
