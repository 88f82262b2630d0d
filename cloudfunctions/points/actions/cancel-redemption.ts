import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Household } from '@shared/account/account.schema'
import type { Redemption } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { closeUnclaimed, redemptionView } from '../service'

/**
 * Anyone of the household may cancel a pending order; points and stock come back. An order already
 * past its pickup time is closed as expired instead (same refund).
 */
export const cancelRedemption = legacyAction(pointsContract.actions.cancelRedemption, {
  run: async ({ redemptionId }, ctx) => {
    const r = await ctx.db.get<Redemption>('points_redemptions', redemptionId)
    if (!r) throw PointsErrors.REDEMPTION_NOT_FOUND()
    if (r.householdId !== ctx.caller.user.householdId) throw PointsErrors.NOT_YOUR_ORDER()
    const h = await ctx.db.get<Household>('households', r.householdId)
    return ctx.transact(async (tx) => {
      const cur = await tx.get<Redemption>('points_redemptions', redemptionId)
      if (!cur) throw PointsErrors.REDEMPTION_NOT_FOUND()
      if (cur.status !== 'pending') throw PointsErrors.REDEMPTION_CLOSED()
      const expired = cur.expiresAt <= ctx.now
      const next = await closeUnclaimed(
        tx,
        cur,
        expired ? 'expired' : 'cancelled',
        expired ? null : ctx.caller.user._id,
        ctx.now,
      )
      return redemptionView(next, h?.headName ?? '')
    })
  },
})
