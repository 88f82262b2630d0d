import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolReviewSchema, type CounterField, type Patrol } from '@shared/patrol/patrol.schema'
import { reviewTarget } from '@shared/patrol/patrol.states'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { applyCredit, decideCredit } from '../patrol.credit'
import { bumpCounters, counterKeys, ids, loadCheckin, loadPatrol } from '../patrol.repo'
import { patrolWords } from '../patrol.views'

/**
 * Accepts or rejects a flagged check-in with a reason. The decision is an append-only log entry with a
 * deterministic id (one decision per check-in, even from two reviewers at once). On a finished patrol whose credit
 * waits for its reviews, the last review decides it (patrol.credit.ts). Every review writes the patrol (its
 * `reviewedCount`), so two reviews of one patrol at once conflict on it instead of each reading the other's
 * check-in as still flagged: the later one sees the earlier one's decision, and the credit is decided once.
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
  texts: ({ reason }) => [reason],
  run: async ({ input: { checkinId, decision, reason }, loaded: { checkin, patrol, keys }, tx, ctx }) => {
    const me = ctx.caller.user._id
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
        by: me,
        at: ctx.now,
      }),
    )
    await tx.update(C.patrol_checkins, checkinId, { status: target })
    const p = await loadPatrol(tx, checkin.patrolId)
    const patch: Partial<Patrol> = { reviewedCount: (p.reviewedCount ?? 0) + 1 }
    let delta: Partial<Record<CounterField, number>> = decision === 'accept' ? { accepted: 1 } : { rejected: 1 }
    if (p.status === 'finished' && p.credit?.status === 'pending') {
      const credit = await decideCredit(tx, p, { userId: me, now: ctx.now }, { checkinId, status: target })
      delta = { ...delta, ...(await applyCredit(tx, p, credit, 'pending', ctx.now)) }
      patch.credit = credit
    }
    await tx.update(C.patrols, p._id, patch)
    await bumpCounters(tx, keys, bjMonth(patrol.windowStart), delta)
    return { checkinId, status: target }
  },
  present: async ({ result, ctx }) => ({
    ...result,
    statusLabel: patrolWords(ctx.lang)(`patrol.checkin.${result.status}`),
  }),
})
