import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { checkPickupQr, pointsCodeKey } from '../points.codes'
import { incVillageMonth, loadByPickupCode, pointsKeys } from '../points.repo'
import { closeUnclaimed } from '../points.redemption'
import { presentRedemption } from '../points.views'

/**
 * 核销: the keeper of this village's store types (or scans) the code and hands the goods over. The
 * redemption becomes fulfilled and its code is retired. One past its pickup time is expired instead
 * (points and stock go back) and returned with status `expired`, so nothing is handed out late.
 */
export const fulfil = defineAction(pointsContract.actions.fulfil, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, code, qr }, tx, ctx }) => {
    const r = await loadByPickupCode(tx, villageId, code)
    if (qr !== undefined) checkPickupQr(pointsCodeKey(ctx.rt), r, qr)
    if (r.status !== 'pending') throw PointsErrors.REDEMPTION_CLOSED()
    if (r.expiresAt <= ctx.now) {
      await closeUnclaimed(tx, r, 'expired', null, ctx.now)
      return { redemptionId: r._id }
    }
    await tx.update(C.points_redemptions, r._id, {
      status: 'fulfilled',
      closedAt: ctx.now,
      closedBy: ctx.caller.user._id,
    })
    await tx.remove(C.points_pickup_codes, pointsKeys.pickupCode(r.villageId, r.code))
    await incVillageMonth(tx, r.villageId, r.month, { fulfilled: 1 })
    return { redemptionId: r._id }
  },
  present: ({ result, ctx }) => presentRedemption(ctx, result.redemptionId),
})
