import { pointsContract } from '@shared/points/points.contract'
import type { PointsAward } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { creditAward } from '../service'

const CHUNK = 100

/**
 * Credits every award of the village whose publicity is over with no open objection. Safe to run any
 * number of times (by an official or a timer): an award is credited once (its entry id is derived
 * from it). Works in chunks of 100; `remaining` says whether to run again.
 */
export const settlePublicity = legacyAction(pointsContract.actions.settlePublicity, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId }, ctx) => {
    const where = { villageId, status: 'publicity', publicUntil: { $lte: ctx.now } }
    const due = await ctx.db.find<PointsAward>('points_awards', {
      where,
      orderBy: [['publicUntil', 'asc']],
      limit: CHUNK + 1,
    })
    const chunk = due.slice(0, CHUNK)
    return ctx.transact(async (tx) => {
      let settled = 0
      let points = 0
      for (const a of chunk) {
        const d = await creditAward(tx, a._id, ctx.now)
        if (d !== null) {
          settled += 1
          points += d
        }
      }
      return { settled, points, remaining: Math.max(0, due.length - chunk.length) }
    })
  },
})
