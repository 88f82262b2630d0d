import { pointsContract } from '@shared/points/points.contract'
import { defineAction } from '../../_core/wrap'
import { checkPickupQr, pointsCodeKey } from '../points.codes'
import { loadByPickupCode } from '../points.repo'
import { expireDue } from '../points.redemption'
import { presentRedemption } from '../points.views'

/**
 * The live redemption behind a 6-digit code in the keeper's own village (typed, or scanned with its signed QR, which
 * must be this redemption's own). One past its pickup time is expired
 * first (a small transaction of its own, `expireDue`) and shown as such, so nothing is handed out late.
 */
export const lookupPickup = defineAction(pointsContract.actions.lookupPickup, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, code, qr }, ctx }) => {
    const r = await loadByPickupCode(ctx.db, villageId, code)
    if (qr !== undefined) checkPickupQr(pointsCodeKey(ctx.rt), r, qr)
    if (r.status === 'pending' && r.expiresAt <= ctx.now) await expireDue(ctx.db, [r._id], ctx.now)
    return presentRedemption(ctx, r._id)
  },
})
