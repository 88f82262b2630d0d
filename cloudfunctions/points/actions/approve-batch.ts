import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsBatch } from '@shared/points/points.schema'
import { canDecide, DAY_MS } from '@shared/points/points.rules'
import { legacyAction } from '../../_core/wrap'
import { batchView, evidenceUrls, settingsOf } from '../service'

async function batchVillage(batchId: string, ctx: { db: { get: <T>(c: string, id: string) => Promise<T | null> } }) {
  const b = await ctx.db.get<PointsBatch>('points_batches', batchId)
  if (!b) throw PointsErrors.BATCH_NOT_FOUND()
  return b.villageId
}
export { batchVillage }

/** A second official approves: every household's award goes into publicity for the village's N days. */
export const approveBatch = legacyAction(pointsContract.actions.approveBatch, {
  scope: async ({ batchId }, ctx) => batchVillage(batchId, ctx as never),
  run: async ({ batchId, note }, ctx) => {
    const me = ctx.caller.user
    // evidence never changes after the proposal: its URLs are looked up before the transaction
    const pre = await ctx.db.get<PointsBatch>('points_batches', batchId)
    const urls = await evidenceUrls(ctx.rt, pre ? [pre] : [])
    return ctx.transact(async (tx) => {
      const b = await tx.get<PointsBatch>('points_batches', batchId)
      if (!b) throw PointsErrors.BATCH_NOT_FOUND()
      if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
      if (!canDecide(b.proposedBy, me._id)) throw PointsErrors.OWN_PROPOSAL()
      const settings = await settingsOf(tx, b.villageId)
      const publicUntil = ctx.now + settings.publicityDays * DAY_MS
      for (const id of b.awardIds) {
        const a = await tx.get<PointsAward>('points_awards', id)
        if (a && a.status === 'proposed') {
          await tx.update('points_awards', id, {
            status: 'publicity',
            approvedBy: me._id,
            approvedAt: ctx.now,
            publicUntil,
          })
        }
      }
      const next: PointsBatch = {
        ...b,
        status: 'approved',
        decidedBy: me._id,
        decidedByName: me.name,
        decidedAt: ctx.now,
        decisionNote: note || null,
      }
      await tx.set('points_batches', next)
      return batchView(next, me._id, urls)
    })
  },
})
