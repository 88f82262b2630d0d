import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { creditAward } from '../points.ledger'

const CHUNK = 100

/**
 * Credits every award of the village whose publicity is over with no open objection. Safe to run any
 * number of times (by an official or a timer): an award is credited once (its entry id is derived
 * from it). Works in chunks of 100 in one transaction; `remaining` says whether to run again.
 */
export const settlePublicity = defineAction(pointsContract.actions.settlePublicity, {
  load: async ({ villageId }, ctx) => {
    const due = await ctx.db.find(C.points_awards, {
      where: { villageId, status: 'publicity', publicUntil: { $lte: ctx.now } },
      orderBy: [['publicUntil', 'asc']],
      limit: CHUNK + 1,
    })
    return { unitId: villageId, due: due.slice(0, CHUNK).map((a) => a._id), remaining: Math.max(0, due.length - CHUNK) }
  },
  run: async ({ loaded: { due, remaining }, tx, ctx }) => {
    let settled = 0
    let points = 0
    for (const id of due) {
      const d = await creditAward(tx, id, ctx.now)
      if (d !== null) {
        settled += 1
        points += d
      }
    }
    return { settled, points, remaining }
  },
})
