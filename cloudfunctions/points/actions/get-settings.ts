import { pointsContract } from '../../../shared/points/points.contract'
import { defineAction } from '../../_core/wrap'
import { requireVillageMember, settingsOf } from '../service'

export const getSettings = defineAction(pointsContract.actions.getSettings, {
  run: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const s = await settingsOf(ctx.db, villageId)
    return { villageId, publicityDays: s.publicityDays, pickupDays: s.pickupDays }
  },
})
