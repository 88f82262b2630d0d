import { pointsContract } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { audit } from '../../_core/audit'
import { forgetSettings } from '../points.repo'

/** Applies to awards approved and redemptions made from now on; running ones keep their dates. */
export const saveSettings = defineAction(pointsContract.actions.saveSettings, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, publicityDays, pickupDays }, tx, ctx }) => {
    const before = await tx.get(C.points_settings, villageId)
    await audit(tx, ctx, {
      what: 'points.settings',
      unitId: villageId,
      subjectId: villageId,
      before,
      after: { publicityDays, pickupDays },
    })
    await tx.set(C.points_settings, {
      _id: villageId,
      publicityDays,
      pickupDays,
      updatedBy: ctx.caller.user._id,
      updatedAt: ctx.now,
    })
    forgetSettings(ctx.rt.db, villageId)
    return { villageId, publicityDays, pickupDays }
  },
  // this instance's kept settings (points.repo keptSettingsOf) forgotten once the save has committed too, so its
  // next redemption or approval reads them
  present: async ({ result, ctx }) => {
    forgetSettings(ctx.db, result.villageId)
    return result
  },
})
