import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { DAY_MS } from '@shared/points/points.rules'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadBatch, proposedAwards, refuseOwnMatter, settingsOf } from '../points.repo'
import { presentBatch } from '../points.views'

/**
 * A second official approves: every household's award goes into publicity for the village's N days. Not the
 * proposer, nor an official whose own household the batch scores.
 */
export const approveBatch = defineAction(pointsContract.actions.approveBatch, {
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
    const settings = await settingsOf(tx, b.villageId)
    const publicUntil = ctx.now + settings.publicityDays * DAY_MS
    for (const a of awards) {
      await tx.update(C.points_awards, a._id, {
        status: 'publicity',
        approvedBy: me._id,
        approvedAt: ctx.now,
        publicUntil,
      })
    }
    await tx.set(C.points_batches, {
      ...b,
      status: 'approved',
      decidedBy: me._id,
      decidedByName: me.name,
      decidedAt: ctx.now,
      decisionNote: note || null,
    })
    return { batchId }
  },
  present: ({ result, ctx }) => presentBatch(ctx, result.batchId),
})
