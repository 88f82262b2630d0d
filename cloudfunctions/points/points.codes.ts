import { z } from 'zod'
import type { Redemption } from '@shared/points/points.schema'
import { PointsErrors } from '@shared/points/points.contract'
import { parsePickupQr, pickupQr } from '@shared/points/points.rules'
import type { Runtime } from '../_core/runtime'
import { sign, verify } from '../_core/signing'

/**
 * The pickup QR of a redemption: its village and 6-digit code (what the keeper would type) and a signature over
 * them and the redemption's id under LINLI_POINTS_CODE_KEY, so a QR is the server's own, for this very redemption:
 * a made-up one, or a screenshot of an old one whose 6 digits were later given to another redemption, opens
 * nothing. The key never travels; on CloudBase it must be set (a function environment variable), locally a fixed
 * development key is used, so codes from the demo never verify in production.
 */
const EnvSchema = z.object({
  LINLI_POINTS_CODE_KEY: z.string().min(32, 'LINLI_POINTS_CODE_KEY needs at least 32 characters').optional(),
})
export const DEV_POINTS_KEY = 'linli-local-dev-points-code-key-not-for-production'
const PURPOSE = 'points-pickup'
const SIG_LENGTH = 10

let cached: string | null = null
export function pointsCodeKey(rt: Pick<Runtime, 'mode'>, env: NodeJS.ProcessEnv = process.env): string {
  if (cached) return cached
  const parsed = EnvSchema.parse(env)
  if (!parsed.LINLI_POINTS_CODE_KEY && rt.mode === 'cloudbase') {
    throw new Error('LINLI_POINTS_CODE_KEY is required on CloudBase')
  }
  cached = parsed.LINLI_POINTS_CODE_KEY ?? DEV_POINTS_KEY
  return cached
}

type Coded = Pick<Redemption, '_id' | 'villageId' | 'code'>

export function pickupPayload(key: string, r: Coded): string {
  return pickupQr(r.villageId, r.code, sign(key, PURPOSE, [r.villageId, r.code, r._id], SIG_LENGTH))
}

/** Throws BAD_QR unless `qr` is the signed QR of this redemption (found by the code the QR carries). */
export function checkPickupQr(key: string, r: Coded, qr: string): void {
  const p = parsePickupQr(qr)
  if (!p || p.villageId !== r.villageId || p.code !== r.code) throw PointsErrors.BAD_QR()
  if (!verify(key, PURPOSE, [r.villageId, r.code, r._id], p.sig)) throw PointsErrors.BAD_QR()
}
