import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { finishOf } from '@shared/patrol/patrol.rules'
import type { Patrol } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { applyCredit, decideCredit } from '../patrol.credit'
import { bumpCounters, callerIsMember, counterKeys, loadPatrol } from '../patrol.repo'
import { patrolView } from '../patrol.views'

/**
 * Finishes the patrol at the phone's time of 结束 (`finishOf`: a finish made with no signal counts at the tap): the
 * checkpoints not checked are its missed ones (漏巡), and its duration (capped at the shift's length plus an hour) is what it may earn as volunteer hours for each member who took part, with the
 * village's PATROL_DUTY points for their household. It earns them only when it counts the village's share of the
 * route and took at least the walk's time, once every flagged check-in is reviewed (patrol.credit.ts): decided
 * here, or left pending for the last review.
 */
export const finishPatrol = defineAction(patrolContract.actions.finishPatrol, {
  load: async ({ patrolId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const [member, keys] = await Promise.all([
      callerIsMember(ctx.db, ctx.caller.user, patrol.teamId),
      counterKeys(ctx.rt.units, patrol.villageId, patrol.teamId),
    ])
    return { unitId: patrol.villageId, member, keys }
  },
  run: async ({ input: { patrolId, deviceAt }, loaded: { member, keys }, tx, ctx }) => {
    const me = ctx.caller.user._id
    if (!member) throw PatrolErrors.NOT_IN_TEAM()
    const p = await loadPatrol(tx, patrolId)
    if (p.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    if (!p.done.length) throw PatrolErrors.NO_CHECKINS()
    // the phone's time of 结束 (sent later when there was no signal), within honest bounds
    const end = finishOf(p, { now: ctx.now, deviceAt })
    if ('refused' in end) throw PatrolErrors.FINISH_IN_FUTURE()
    const { at, minutes } = end
    const done = new Set(p.done.map((d) => d.checkpointId))
    const missed = p.checkpointIds.filter((id) => !done.has(id))
    const finished: Patrol = {
      ...p,
      status: 'finished',
      finishedAt: at,
      finishReceivedAt: ctx.now,
      finishedBy: me,
      minutes,
      missedCheckpointIds: missed,
    }
    const credit = await decideCredit(tx, finished, { userId: me, now: ctx.now })
    const earned = await applyCredit(tx, finished, credit, null, ctx.now)
    await tx.update(C.patrols, p._id, {
      status: 'finished',
      finishedAt: at,
      finishReceivedAt: ctx.now,
      finishedBy: me,
      minutes,
      missedCheckpointIds: missed,
      credit,
    })
    await bumpCounters(tx, keys, bjMonth(p.windowStart), {
      ...earned,
      patrolsDone: 1,
      missedCheckpoints: missed.length,
    })
    return { patrolId: p._id }
  },
  present: async ({ result, ctx }) => patrolView(ctx, await loadPatrol(ctx.db, result.patrolId)),
})
