import { patrolContract } from '@shared/patrol/patrol.contract'
import { qrPng } from '../../_core/qr'
import { defineAction } from '../../_core/wrap'
import { codeFor } from '../patrol.codes'
import { patrolConfig } from '../patrol.config'
import { loadCheckpoint, loadRoute } from '../patrol.repo'

/** What is printed and posted at a checkpoint: its signed code as a QR image, its name and route. */
export const getPoster = defineAction(patrolContract.actions.getPoster, {
  load: async ({ checkpointId }, ctx) => {
    const checkpoint = await loadCheckpoint(ctx.db, checkpointId)
    return { unitId: checkpoint.villageId, checkpoint }
  },
  run: async ({ loaded: { checkpoint: cp }, ctx }) => {
    const route = await loadRoute(ctx.db, cp.routeId)
    const code = codeFor(patrolConfig(ctx.rt).codeKey, cp._id, cp.villageId)
    const qrDataUrl = await qrPng(code)
    return {
      checkpointId: cp._id,
      code,
      checkpointName: cp.name,
      routeName: route.name,
      village: (await ctx.rt.units.ref(cp.villageId))!,
      qrDataUrl,
    }
  },
})
