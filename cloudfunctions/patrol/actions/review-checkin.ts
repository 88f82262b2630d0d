import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolReviewSchema } from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES, reviewTarget } from '@shared/patrol/patrol.states'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { bumpCounters, counterKeys, ids, loadCheckin, loadPatrol } from '../patrol.repo'

/**
 * Accepts or rejects a flagged check-in with a reason. The decision is an append-only log entry with a
 * deterministic id (one decision per check-in, even from two reviewers at once).
 */
export const reviewCheckin = defineAction(patrolContract.actions.reviewCheckin, {
  load: async ({ checkinId }, ctx) => {
    const checkin = await loadCheckin(ctx.db, checkinId)
    const [patrol, keys] = await Promise.all([
      loadPatrol(ctx.db, checkin.patrolId),
      counterKeys(ctx.rt.units, checkin.villageId, checkin.teamId),
    ])
    return { unitId: checkin.villageId, checkin, patrol, keys }
  },
  run: async ({ input: { checkinId, decision, reason }, loaded: { checkin, patrol, keys }, tx, ctx }) => {
    const fresh = await loadCheckin(tx, checkinId)
    const target = reviewTarget(fresh.status, decision)
    if (!target) throw fresh.status === 'ok' ? PatrolErrors.NOT_FLAGGED() : PatrolErrors.ALREADY_REVIEWED()
    await tx.insert(
      C.patrol_reviews,
      PatrolReviewSchema.parse({
        _id: ids.review(checkinId),
        checkinId,
        patrolId: checkin.patrolId,
        villageId: checkin.villageId,
        decision,
        reason,
        flags: fresh.flags,
        by: ctx.caller.user._id,
        at: ctx.now,
      }),
    )
    await tx.update(C.patrol_checkins, checkinId, { status: target })
    await bumpCounters(tx, keys, bjMonth(patrol.windowStart), decision === 'accept' ? { accepted: 1 } : { rejected: 1 })
    return { checkinId, status: target }
  },
  present: async ({ result }) => ({ ...result, statusLabel: CHECKIN_STATUSES[result.status].label }),
})
