import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { closeUnclaimed } from '../points.redemption'

const CHUNK = 100

/**
 * Closes the village's redemptions past their pickup time (points and stock back). Idempotent: each is re-read in
 * the transaction and closed only if still pending and due. Chunks of 100; `remaining` says whether to run again.
 */
export const expireRedemptions = defineAction(pointsContract.actions.expireRedemptions, {
  load: async ({ villageId }, ctx) => {
    const due = await ctx.db.find(C.points_redemptions, {
      where: { villageId, status: 'pending', expiresAt: { $lte: ctx.now } },
      orderBy: [['expiresAt', 'asc']],
      limit: CHUNK + 1,
    })
    return { unitId: villageId, due: due.slice(0, CHUNK).map((r) => r._id), remaining: Math.max(0, due.length - CHUNK) }
  },
  run: async ({ loaded: { due, remaining }, tx, ctx }) => {
    let expired = 0
    for (const id of due) {
      const r = await tx.get(C.points_redemptions, id)
      if (r && r.status === 'pending' && r.expiresAt <= ctx.now) {
        await closeUnclaimed(tx, r, 'expired', null, ctx.now)
        expired += 1
      }
    }
    return { expired, remaining }
  },
})
