import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolReviewSchema, type Patrol, type PatrolCheckin } from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES, reviewTarget } from '@shared/patrol/patrol.states'
import { bjMonth } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { bumpStats, C, ids, mustGet, statKeys } from '../store'

const loadCheckin = (ctx: { db: Parameters<typeof mustGet>[0] }, id: string) =>
  mustGet<PatrolCheckin>(ctx.db, C.checkins, id, () => PatrolErrors.NOT_FLAGGED('没有找到这条打卡'))

/**
 * Accepts or rejects a flagged check-in with a reason. The decision is an append-only log entry with a
 * deterministic id (one decision per check-in, even from two reviewers at once).
 */
export const reviewCheckin = legacyAction(patrolContract.actions.reviewCheckin, {
  scope: async ({ checkinId }, ctx) => (await loadCheckin(ctx, checkinId)).villageId,
  run: async ({ checkinId, decision, reason }, ctx) => {
    const ci = await loadCheckin(ctx, checkinId)
    const patrol = await mustGet<Patrol>(ctx.db, C.patrols, ci.patrolId, PatrolErrors.PATROL_NOT_FOUND)
    const keys = await statKeys(ctx, ci.villageId, ci.teamId)
    return ctx.transact(async (tx) => {
      const fresh = (await tx.get<PatrolCheckin>(C.checkins, checkinId))!
      const target = reviewTarget(fresh.status, decision)
      if (!target) throw fresh.status === 'ok' ? PatrolErrors.NOT_FLAGGED() : PatrolErrors.ALREADY_REVIEWED()
      await tx.insert(
        C.reviews,
        PatrolReviewSchema.parse({
          _id: ids.review(checkinId),
          checkinId,
          patrolId: ci.patrolId,
          villageId: ci.villageId,
          decision,
          reason,
          flags: fresh.flags,
          by: ctx.caller.user._id,
          at: ctx.now,
        }),
      )
      await tx.update(C.checkins, checkinId, { status: target })
      await bumpStats(tx, keys, bjMonth(patrol.windowStart), decision === 'accept' ? { accepted: 1 } : { rejected: 1 })
      return { checkinId, status: target, statusLabel: CHECKIN_STATUSES[target].label }
    })
  },
})
