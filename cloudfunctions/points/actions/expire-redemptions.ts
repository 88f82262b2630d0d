import { pointsContract } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { closeUnclaimed } from '../service'

const CHUNK = 100

/** Closes the village's orders past their pickup time (points and stock back). Idempotent; chunks of 100. */
export const expireRedemptions = legacyAction(pointsContract.actions.expireRedemptions, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId }, ctx) => {
    const due = await ctx.db.find<Redemption>('points_redemptions', {
      where: { villageId, status: 'pending', expiresAt: { $lte: ctx.now } },
      orderBy: [['expiresAt', 'asc']],
      limit: CHUNK + 1,
    })
    const chunk = due.slice(0, CHUNK)
    return ctx.transact(async (tx) => {
      let expired = 0
      for (const d of chunk) {
        const r = await tx.get<Redemption>('points_redemptions', d._id)
        if (r && r.status === 'pending' && r.expiresAt <= ctx.now) {
          await closeUnclaimed(tx, r, 'expired', null, ctx.now)
          expired += 1
        }
      }
      return { expired, remaining: Math.max(0, due.length - chunk.length) }
    })
  },
})
