import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PATROL_LIMITS } from '@shared/patrol/patrol.rules'
import type { PatrolHours } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { creditSystemAward } from '../../points/points.api'
import { recordVolunteerHours } from '../../volunteer/volunteer.api'
import { bumpCounters, counterKeys, ids, isActiveMember, loadPatrol } from '../patrol.repo'
import { patrolView } from '../patrol.views'

/**
 * Finishes the patrol: the checkpoints not checked are its missed ones (漏巡), and its duration (capped at
 * the shift's length plus an hour) becomes volunteer hours for each member who took part, exactly once.
 * Each of them also earns the village's PATROL_DUTY points for their household (once per patrol and
 * person: the points ledger keys the entry by source); a village without that rule simply awards none.
 */
export const finishPatrol = defineAction(patrolContract.actions.finishPatrol, {
  load: async ({ patrolId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const [member, keys] = await Promise.all([
      isActiveMember(ctx.db, patrol.teamId, ctx.caller.user._id),
      counterKeys(ctx.rt.units, patrol.villageId, patrol.teamId),
    ])
    return { unitId: patrol.villageId, member, keys }
  },
  run: async ({ input: { patrolId }, loaded: { member, keys }, tx, ctx }) => {
    const me = ctx.caller.user._id
    if (!member) throw PatrolErrors.NOT_IN_TEAM()
    const p = await loadPatrol(tx, patrolId)
    if (p.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    if (!p.done.length) throw PatrolErrors.NO_CHECKINS()
    const cap = p.windowEnd - p.windowStart + PATROL_LIMITS.hoursGraceMs
    const minutes = Math.round(Math.max(0, Math.min(ctx.now - p.startedAt, cap)) / 60_000)
    const done = new Set(p.done.map((d) => d.checkpointId))
    const missed = p.checkpointIds.filter((id) => !done.has(id))
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
      await tx.insert(C.patrol_hours, hours)
      const user = await tx.get(C.users, userId)
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
    await bumpCounters(tx, keys, bjMonth(p.windowStart), {
      patrolsDone: 1,
      missedCheckpoints: missed.length,
      minutes: minutes * p.participants.length,
    })
    return { patrolId: p._id }
  },
  present: async ({ result, ctx }) => patrolView(ctx, await loadPatrol(ctx.db, result.patrolId)),
})
