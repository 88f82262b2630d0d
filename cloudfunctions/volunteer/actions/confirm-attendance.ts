import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { User } from '@shared/account/account.schema'
import type { Adjustment, Signup } from '@shared/volunteer/volunteer.schema'
import { hoursToMinutes, measuredMinutes, minutesToHours, pointsHours } from '@shared/volunteer/volunteer.rules'
import { formatBj } from '@shared/time/beijing'
import { creditSystemAward } from '../../points/points.api'
import { legacyAction } from '../../_core/wrap'
import { recordVolunteerHours } from '../hours'
import { bumpStats, householdOf, ids, loadSignup, loadTask, requireOrgAdmin, signupRow, statsUnitOf } from '../support'

/**
 * The organiser confirms one volunteer's attendance, once. Attended: the measured minutes (check-in to
 * check-out inside the task window), or other hours with a reason (kept as an append-only adjustment).
 * In the same transaction the hours go to the volunteer's record (exactly once, by sign-up) and, if the
 * task earns points, to their household through the points domain (exactly once, by sign-up).
 */
export const confirmAttendance = legacyAction(volunteerContract.actions.confirmAttendance, {
  scope: async ({ signupId }, ctx) => (await loadTask(ctx, (await loadSignup(ctx, signupId)).taskId)).unitId,
  run: async ({ signupId, attended, hours, reason }, ctx) => {
    const signup = await loadSignup(ctx, signupId)
    const task = await loadTask(ctx, signup.taskId)
    await requireOrgAdmin(ctx, task.orgId)
    if (signup.status !== 'confirmed') throw VolunteerErrors.NOT_ATTENDABLE()
    if (ctx.now < task.startAt) throw VolunteerErrors.TASK_NOT_STARTED()
    const measured = measuredMinutes(signup.checkInAt, signup.checkOutAt, task.startAt, task.endAt)
    const minutes = attended ? (hours === undefined ? measured : hoursToMinutes(hours)) : 0
    if (attended && minutes !== measured && !reason) throw VolunteerErrors.REASON_REQUIRED()
    const user = await ctx.db.get<User>('users', signup.userId)
    const household = user ? await householdOf(ctx, user) : null
    const by = ctx.caller.user._id

    return ctx.transact(async (tx) => {
      const s = await tx.get<Signup>('volunteer_signups', signupId)
      if (!s || s.status !== 'confirmed') throw VolunteerErrors.NOT_ATTENDABLE()
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
          note: `${task.title}（${formatBj(task.startAt, 'YYYY-MM-DD')}，${task.orgName}）`,
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
          await tx.insert('volunteer_adjustments', adj)
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
            reason: `志愿服务「${task.title}」${minutesToHours(minutes)} 小时`,
            now: ctx.now,
          })
          points = award.points
          pointsCredited = award.credited && award.points > 0
        }
      }
      const next: Signup = {
        ...s,
        attendance: attended ? 'attended' : 'absent',
        confirmedMinutes: attended ? minutes : null,
        points,
        confirmedBy: by,
        confirmedAt: ctx.now,
      }
      await tx.update('volunteer_signups', signupId, {
        attendance: next.attendance,
        confirmedMinutes: next.confirmedMinutes,
        points,
        confirmedBy: by,
        confirmedAt: ctx.now,
      })
      await bumpStats(
        tx,
        [
          ['village', statsUnitOf(task)],
          ['org', task.orgId],
        ],
        attended ? { attended: 1, confirmedMinutes: minutes } : { absent: 1 },
      )
      return { row: signupRow(next, task, user, null), pointsCredited }
    })
  },
})
