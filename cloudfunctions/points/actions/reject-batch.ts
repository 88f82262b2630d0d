import { pointsContract } from '@shared/points/points.contract'
import type { PointsBatch } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { batchUnit, decideBatch, loadBatch, releaseCap } from '../points.repo'
import { presentBatch } from '../points.views'

/**
 * A second official refuses a proposal: none of its awards counts, and their cap room comes back. Not the proposer,
 * nor an official whose own household the batch scores (refusing a deduction of one's own household is deciding it).
 */
export const rejectBatch = defineAction(pointsContract.actions.rejectBatch, {
  // the batch read beside the caller (issue #21)
  prefetch: ({ batchId }, db) => loadBatch(db, batchId),
  load: batchUnit,
  texts: ({ note }) => [note],
  run: async ({ input: { batchId, note }, loaded: { batch }, tx, ctx, handOn }) => {
    const decided = await decideBatch(
      tx,
      ctx,
      batchId,
      { status: 'rejected', note },
      { status: 'rejected', closedAt: ctx.now },
      async (awards, b) => {
        const rule = await tx.get(C.points_rules, b.ruleId)
        for (const a of awards) await releaseCap(tx, a, rule)
      },
      batch,
    )
    handOn(decided)
    return { batchId }
  },
  present: ({ result, ctx, handed }) => presentBatch(ctx, result.batchId, handed as PointsBatch | undefined),
})
