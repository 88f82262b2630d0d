import type { User } from '@shared/account/account.schema'
import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PATROL_LIMITS } from '@shared/patrol/patrol.rules'
import type { Patrol, PatrolHours } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { creditSystemAward } from '../../points/points.api'
import { recordVolunteerHours } from '../../volunteer/volunteer.api'
import { bumpStats, C, ids, isActiveMember, loadPatrol, patrolView, statKeys } from '../store'

/**
 * Finishes the patrol: the checkpoints not checked are its missed ones (漏巡), and its duration (capped at
 * the shift's length plus an hour) becomes volunteer hours for each member who took part, exactly once.
 * Each of them also earns the village's PATROL_DUTY points for their household (once per patrol and
 * person: the points ledger keys the entry by source); a village without that rule simply awards none.
 */
export const finishPatrol = legacyAction(patrolContract.actions.finishPatrol, {
  scope: async ({ patrolId }, ctx) => (await loadPatrol(ctx.db, patrolId)).villageId,
  run: async ({ patrolId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const me = ctx.caller.user._id
    if (!(await isActiveMember(ctx.db, patrol.teamId, me))) throw PatrolErrors.NOT_IN_TEAM()
    const keys = await statKeys(ctx, patrol.villageId, patrol.teamId)
    return ctx.transact(async (tx) => {
      const p = (await tx.get<Patrol>(C.patrols, patrolId))!
      if (p.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
      if (!p.done.length) throw PatrolErrors.NO_CHECKINS()
      const cap = p.windowEnd - p.windowStart + PATROL_LIMITS.hoursGraceMs
      const minutes = Math.round(Math.max(0, Math.min(ctx.now - p.startedAt, cap)) / 60_000)
      const done = new Set(p.done.map((d) => d.checkpointId))
      const missed = p.checkpointIds.filter((id) => !done.has(id))
      const finished: Patrol = {
        ...p,
        status: 'finished',
        finishedAt: ctx.now,
        finishedBy: me,
        minutes,
        missedCheckpointIds: missed,
      }
      await tx.update(C.patrols, p._id, {
        status: 'finished',
        finishedAt: ctx.now,
        finishedBy: me,
        minutes,
        missedCheckpointIds: missed,
      })
      for (const userId of p.participants) {
        const hours: PatrolHours = {
          _id: ids.hours(p._id, userId),
          userId,
          patrolId: p._id,
          villageId: p.villageId,
          teamId: p.teamId,
          day: p.day,
          minutes,
          at: ctx.now,
        }
        await tx.insert(C.hours, hours)
        const user = await tx.get<User>('users', userId)
        await recordVolunteerHours(tx, {
          userId,
          householdId: user?.householdId ?? null,
          villageId: p.villageId,
          minutes,
          source: 'patrol',
          sourceKey: `patrol:${p._id}`,
          note: `巡逻 ${p.day} ${p.shiftName}`,
          now: ctx.now,
        })
        if (user?.householdId) {
          await creditSystemAward(tx, {
            villageId: p.villageId,
            householdId: user.householdId,
            userId,
            ruleCode: 'PATROL_DUTY',
            quantity: 1,
            sourceKey: `patrol:${p._id}:${userId}`,
            reason: `巡逻 ${p.day} ${p.shiftName}`,
            now: ctx.now,
          })
        }
      }
      await bumpStats(tx, keys, bjMonth(p.windowStart), {
        patrolsDone: 1,
        missedCheckpoints: missed.length,
        minutes: minutes * p.participants.length,
      })
      return patrolView(ctx, finished)
    })
  },
})
