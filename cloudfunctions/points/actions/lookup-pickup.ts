import type { Household } from '@shared/account/account.schema'
import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { legacyAction, type ActionContext } from '../../_core/wrap'
import { pointsKeys } from '../keys'
import { expireDue, redemptionView } from '../service'

/** Finds the live order behind a 6-digit code in the keeper's own village. */
export async function findByCode(ctx: ActionContext, villageId: string, code: string): Promise<Redemption> {
  const pk = await ctx.db.get<{ _id: string; redemptionId: string }>(
    'points_pickup_codes',
    pointsKeys.pickupCode(villageId, code),
  )
  const r = pk ? await ctx.db.get<Redemption>('points_redemptions', pk.redemptionId) : null
  if (!r || r.villageId !== villageId) throw PointsErrors.CODE_NOT_FOUND()
  return r
}

export const lookupPickup = legacyAction(pointsContract.actions.lookupPickup, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, code }, ctx) => {
    let r = await findByCode(ctx, villageId, code)
    if (r.status === 'pending' && r.expiresAt <= ctx.now) {
      await expireDue(ctx, [r._id])
      r = (await ctx.db.get<Redemption>('points_redemptions', r._id))!
    }
    const h = await ctx.db.get<Household>('households', r.householdId)
    return redemptionView(r, h?.headName ?? '')
  },
})
