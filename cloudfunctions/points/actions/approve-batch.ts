import { pointsContract } from '@shared/points/points.contract'
import { DAY_MS } from '@shared/points/points.rules'
import type { PointsAward, PointsBatch } from '@shared/points/points.schema'
import { defineAction } from '../../_core/wrap'
import { openOnAccount } from '../points.open'
import { batchUnit, decideBatch, keptSettingsOf, loadBatch } from '../points.repo'
import { presentBatch } from '../points.views'

/**
 * A second official approves: every household's award goes into publicity for the village's N days. Not the
 * proposer, nor an official whose own household the batch scores.
 */
export const approveBatch = defineAction(pointsContract.actions.approveBatch, {
  // the batch read once (decideBatch) and the village's settings as this warm instance keeps them (issue #21)
  // the batch read beside the caller (issue #21)
  prefetch: ({ batchId }, db) => loadBatch(db, batchId),
  load: async (input, ctx) => {
    const loaded = await batchUnit(input, ctx)
    return { ...loaded, settings: await keptSettingsOf(ctx.db, loaded.batch.villageId, ctx.now) }
  },
  texts: ({ note }) => [note],
  run: async ({ input: { batchId, note }, loaded: { batch, settings }, tx, ctx, handOn }) => {
    const publicUntil = ctx.now + settings.publicityDays * DAY_MS
    const decided = await decideBatch(
      tx,
      ctx,
      batchId,
      { status: 'approved', note: note || null },
      { status: 'publicity', approvedBy: ctx.caller.user._id, approvedAt: ctx.now, publicUntil },
      async (awards) => {
        const byHousehold = new Map<string, PointsAward[]>()
        for (const a of awards) byHousehold.set(a.householdId, [...(byHousehold.get(a.householdId) ?? []), a])
        // the pending line of each household: on its account, in this transaction (one made for a household without)
        for (const [householdId, opened] of byHousehold) await openOnAccount(tx, householdId, opened, ctx.now)
      },
      batch,
    )
    handOn(decided)
    return { batchId }
  },
  present: ({ result, ctx, handed }) => presentBatch(ctx, result.batchId, handed as PointsBatch | undefined),
})
