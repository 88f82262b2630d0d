import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { canDecide, DAY_MS } from '@shared/points/points.rules'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadBatch, settingsOf } from '../points.repo'
import { presentBatch } from '../points.views'

/** A second official approves: every household's award goes into publicity for the village's N days. */
export const approveBatch = defineAction(pointsContract.actions.approveBatch, {
  load: async ({ batchId }, ctx) => {
    const batch = await loadBatch(ctx.db, batchId)
    return { unitId: batch.villageId }
  },
  run: async ({ input: { batchId, note }, tx, ctx }) => {
    const me = ctx.caller.user
    const b = await loadBatch(tx, batchId)
    if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
    if (!canDecide(b.proposedBy, me._id)) throw PointsErrors.OWN_PROPOSAL()
    const settings = await settingsOf(tx, b.villageId)
    const publicUntil = ctx.now + settings.publicityDays * DAY_MS
    for (const id of b.awardIds) {
      const a = await tx.get(C.points_awards, id)
      if (a && a.status === 'proposed') {
        await tx.update(C.points_awards, id, {
          status: 'publicity',
          approvedBy: me._id,
          approvedAt: ctx.now,
          publicUntil,
        })
      }
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
