import QRCode from 'qrcode'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { legacyAction } from '../../_core/wrap'
import { patrolConfig } from '../config'
import { codeFor } from '../signing'
import { loadCheckpoint, loadRoute } from '../store'

/** What is printed and posted at a checkpoint: its signed code as a QR image, its name and route. */
export const poster = legacyAction(patrolContract.actions.poster, {
  scope: async ({ checkpointId }, ctx) => (await loadCheckpoint(ctx.db, checkpointId)).villageId,
  run: async ({ checkpointId }, ctx) => {
    const cp = await loadCheckpoint(ctx.db, checkpointId)
    const route = await loadRoute(ctx.db, cp.routeId)
    const code = codeFor(patrolConfig(ctx.rt).codeKey, cp._id, cp.villageId)
    const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
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
