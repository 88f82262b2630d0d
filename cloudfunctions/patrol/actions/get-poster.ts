import { patrolContract } from '@shared/patrol/patrol.contract'
import { defineAction } from '../../_core/wrap'
import { codeFor } from '../patrol.codes'
import { patrolConfig } from '../patrol.config'
import { loadCheckpoint, loadRoute } from '../patrol.repo'

/**
 * The poster's QR image: 480 px, with pngjs's "Up" row filter and plain deflate. A QR code's rows repeat, so
 * this PNG is smaller than with pngjs's adaptive filter (2.9 KB against 3.6 KB, the same pixels) and costs a
 * fraction of the CPU: the adaptive filter tries all five filters on every row.
 */
const QR_OPTIONS = {
  errorCorrectionLevel: 'M',
  margin: 2,
  width: 480,
  rendererOpts: { filterType: 2, deflateStrategy: 0 },
} as const

/** What is printed and posted at a checkpoint: its signed code as a QR image, its name and route. */
export const getPoster = defineAction(patrolContract.actions.getPoster, {
  load: async ({ checkpointId }, ctx) => {
    const checkpoint = await loadCheckpoint(ctx.db, checkpointId)
    return { unitId: checkpoint.villageId, checkpoint }
  },
  run: async ({ loaded: { checkpoint: cp }, ctx }) => {
    const route = await loadRoute(ctx.db, cp.routeId)
    const code = codeFor(patrolConfig(ctx.rt).codeKey, cp._id, cp.villageId)
    // the QR library loads only when a poster is made (its own file in the CloudBase bundle)
    const { default: QRCode } = await import('qrcode')
    const qrDataUrl = await QRCode.toDataURL(code, QR_OPTIONS)
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
