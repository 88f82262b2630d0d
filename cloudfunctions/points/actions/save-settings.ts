import { pointsContract } from '@shared/points/points.contract'
import type { PointsSettings } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'

/** Applies to awards approved and orders placed from now on; running ones keep their dates. */
export const saveSettings = legacyAction(pointsContract.actions.saveSettings, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, publicityDays, pickupDays }, ctx) =>
    ctx.transact(async (tx) => {
      const doc: PointsSettings = {
        _id: villageId,
        publicityDays,
        pickupDays,
        updatedBy: ctx.caller.user._id,
        updatedAt: ctx.now,
      }
      await tx.set('points_settings', doc)
      return { villageId, publicityDays, pickupDays }
    }),
})
