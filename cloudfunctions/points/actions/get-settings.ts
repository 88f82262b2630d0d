import { pointsContract } from '@shared/points/points.contract'
import { defineAction } from '../../_core/wrap'
import { requireVillageMember, settingsOf } from '../points.repo'

export const getSettings = defineAction(pointsContract.actions.getSettings, {
  load: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    return { unitId: villageId }
  },
  run: async ({ input: { villageId }, ctx }) => {
    const s = await settingsOf(ctx.db, villageId)
    return { villageId, publicityDays: s.publicityDays, pickupDays: s.pickupDays }
  },
})
