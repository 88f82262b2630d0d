import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadBatch, proposedAwards, refuseOwnMatter, releaseCap } from '../points.repo'
import { presentBatch } from '../points.views'

/**
 * A second official refuses a proposal: none of its awards counts, and their cap room comes back. Not the proposer,
 * nor an official whose own household the batch scores (refusing a deduction of one's own household is deciding it).
 */
export const rejectBatch = defineAction(pointsContract.actions.rejectBatch, {
  load: async ({ batchId }, ctx) => {
    const batch = await loadBatch(ctx.db, batchId)
    return { unitId: batch.villageId }
  },
  texts: ({ note }) => [note],
  run: async ({ input: { batchId, note }, tx, ctx }) => {
    const me = ctx.caller.user
    const b = await loadBatch(tx, batchId)
    if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
    const awards = await proposedAwards(tx, b)
    refuseOwnMatter(ctx, { proposedBy: b.proposedBy, householdIds: awards.map((a) => a.householdId) })
    const rule = await tx.get(C.points_rules, b.ruleId)
    for (const a of awards) {
      await releaseCap(tx, a, rule)
      await tx.update(C.points_awards, a._id, { status: 'rejected', closedAt: ctx.now })
    }
    await tx.set(C.points_batches, {
      ...b,
      status: 'rejected',
      decidedBy: me._id,
      decidedByName: me.name,
      decidedAt: ctx.now,
      decisionNote: note,
    })
    return { batchId }
  },
  present: ({ result, ctx }) => presentBatch(ctx, result.batchId),
})
