import { pointsContract } from '@shared/points/points.contract'
import { legacyAction } from '../../_core/wrap'
import { requireVillageMember, settingsOf } from '../service'

export const getSettings = legacyAction(pointsContract.actions.getSettings, {
  run: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const s = await settingsOf(ctx.db, villageId)
    return { villageId, publicityDays: s.publicityDays, pickupDays: s.pickupDays }
  },
})
