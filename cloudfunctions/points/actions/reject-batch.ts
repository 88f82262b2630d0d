import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsBatch, PointsRule } from '@shared/points/points.schema'
import { canDecide } from '@shared/points/points.rules'
import { legacyAction } from '../../_core/wrap'
import { batchView, evidenceUrls, releaseCap } from '../service'
import { batchVillage } from './approve-batch'

export const rejectBatch = legacyAction(pointsContract.actions.rejectBatch, {
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
      const rule = await tx.get<PointsRule>('points_rules', b.ruleId)
      for (const id of b.awardIds) {
        const a = await tx.get<PointsAward>('points_awards', id)
        if (a && a.status === 'proposed') {
          await releaseCap(tx, a, rule)
          await tx.update('points_awards', id, { status: 'rejected', closedAt: ctx.now })
        }
      }
      const next: PointsBatch = {
        ...b,
        status: 'rejected',
        decidedBy: me._id,
        decidedByName: me.name,
        decidedAt: ctx.now,
        decisionNote: note,
      }
      await tx.set('points_batches', next)
      return batchView(next, me._id, urls)
    })
  },
})
