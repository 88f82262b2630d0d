import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { canDecide } from '@shared/points/points.rules'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadBatch, releaseCap } from '../points.repo'
import { presentBatch } from '../points.views'

/** A second official refuses a proposal: none of its awards counts, and their cap room comes back. */
export const rejectBatch = defineAction(pointsContract.actions.rejectBatch, {
  load: async ({ batchId }, ctx) => {
    const batch = await loadBatch(ctx.db, batchId)
    return { unitId: batch.villageId }
  },
  run: async ({ input: { batchId, note }, tx, ctx }) => {
    const me = ctx.caller.user
    const b = await loadBatch(tx, batchId)
    if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
    if (!canDecide(b.proposedBy, me._id)) throw PointsErrors.OWN_PROPOSAL()
    const rule = await tx.get(C.points_rules, b.ruleId)
    for (const id of b.awardIds) {
      const a = await tx.get(C.points_awards, id)
      if (a && a.status === 'proposed') {
        await releaseCap(tx, a, rule)
        await tx.update(C.points_awards, id, { status: 'rejected', closedAt: ctx.now })
      }
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
