import type { Household } from '@shared/account/account.schema'
import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { bumpVillageMonth } from '../ledger'
import { pointsKeys } from '../keys'
import { closeUnclaimed, redemptionView } from '../service'
import { findByCode } from './lookup-pickup'

/**
 * 核销: the keeper of this village's store types (or scans) the code and hands the goods over. The
 * order becomes fulfilled and its code is retired. An order past its pickup time is expired instead
 * (points and stock go back) and returned with status `expired`, so nothing is handed out late.
 */
export const fulfil = legacyAction(pointsContract.actions.fulfil, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, code }, ctx) => {
    const found = await findByCode(ctx, villageId, code)
    const h = await ctx.db.get<Household>('households', found.householdId)
    return ctx.transact(async (tx) => {
      const r = await tx.get<Redemption>('points_redemptions', found._id)
      if (!r || r.status !== 'pending') throw PointsErrors.REDEMPTION_CLOSED()
      if (r.expiresAt <= ctx.now)
        return redemptionView(await closeUnclaimed(tx, r, 'expired', null, ctx.now), h?.headName ?? '')
      const next: Redemption = { ...r, status: 'fulfilled', closedAt: ctx.now, closedBy: ctx.caller.user._id }
      await tx.set('points_redemptions', next)
      await tx.remove('points_pickup_codes', pointsKeys.pickupCode(r.villageId, r.code))
      await bumpVillageMonth(tx, r.villageId, r.month, (s) => {
        s.fulfilled += 1
      })
      return redemptionView(next, h?.headName ?? '')
    })
  },
})
