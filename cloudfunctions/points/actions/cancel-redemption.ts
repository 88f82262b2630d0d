import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { defineAction } from '../../_core/wrap'
import { loadRedemption, requireMember } from '../points.repo'
import { closeUnclaimed } from '../points.redemption'
import { presentRedemption } from '../points.views'

/**
 * Anyone of the household may cancel a pending redemption; points and stock come back. One already
 * past its pickup time is closed as expired instead (same refund). Membership is read again inside the
 * transaction: a member revoked after the call began cancels nothing.
 */
export const cancelRedemption = defineAction(pointsContract.actions.cancelRedemption, {
  load: async ({ redemptionId }, ctx) => {
    const r = await loadRedemption(ctx.db, redemptionId)
    if (r.householdId !== ctx.caller.user.householdId) throw PointsErrors.NOT_YOUR_REDEMPTION()
    return { unitId: r.villageId }
  },
  run: async ({ input: { redemptionId }, tx, ctx }) => {
    const r = await loadRedemption(tx, redemptionId)
    await requireMember(tx, ctx.caller.user._id, r.householdId, PointsErrors.NOT_YOUR_REDEMPTION)
    if (r.status !== 'pending') throw PointsErrors.REDEMPTION_CLOSED()
    const expired = r.expiresAt <= ctx.now
    await closeUnclaimed(tx, r, expired ? 'expired' : 'cancelled', expired ? null : ctx.caller.user._id, ctx.now)
    return { redemptionId }
  },
  present: ({ result, ctx }) => presentRedemption(ctx, result.redemptionId),
})
