/** Pure rules of the points domain (no I/O): arithmetic of points, caps, pickup codes. */

/** Points for a quantity of a rule's unit (hours, times), rounded to whole points. */
export function pointsFor(rulePoints: number, quantity: number): number {
  const p = Math.round(rulePoints * quantity)
  return Object.is(p, -0) ? 0 : p
}

/**
 * How much of `requested` (signed) still fits under a monthly cap, given `used` (absolute points
 * already counted this month under the rule). Returns the signed amount that fits (may be 0).
 */
export function fitUnderCap(requested: number, used: number, cap: number | null): number {
  if (cap === null) return requested
  const room = Math.max(0, cap - used)
  const fit = Math.min(Math.abs(requested), room)
  return requested < 0 ? -fit : fit
}

/** Nobody approves their own proposal. */
export function canDecide(proposedBy: string, approverId: string): boolean {
  return proposedBy !== approverId
}

const PICKUP_QR_PREFIX = 'LINLI-PICKUP'

/** The content of a redemption's QR code: the store keeper's scanner gives back the village and the code. */
export function pickupQr(villageId: string, code: string): string {
  return `${PICKUP_QR_PREFIX}:${villageId}:${code}`
}

export function parsePickupQr(qr: string): { villageId: string; code: string } | null {
  const m = /^LINLI-PICKUP:([A-Za-z0-9_.-]{1,64}):(\d{6})$/.exec(qr.trim())
  return m ? { villageId: m[1] as string, code: m[2] as string } : null
}

export const DAY_MS = 86_400_000
