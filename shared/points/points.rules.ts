/** Pure rules of the points domain (no I/O): arithmetic of points, caps, pickup codes. */

/** A village's settings until it saves its own: days of publicity before an award counts, days to pick up. */
export const DEFAULT_PUBLICITY_DAYS = 3
export const DEFAULT_PICKUP_DAYS = 7

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

/** Why a person may not decide a matter (separation of duties), in the order they are told. */
export type Conflict = 'own_proposal' | 'own_objection' | 'own_household'

/**
 * Nobody decides a matter they are part of: an approval or rejection of their own proposal, an objection to an
 * award they proposed or that they filed themselves, or anything about their own household's points (approving it,
 * deciding an objection to it, correcting its entries). Another official with the permission in the village does.
 */
export function conflictOf(
  who: { userId: string; householdId: string | null },
  matter: { proposedBy?: string | null; objectorId?: string | null; householdIds?: readonly string[] },
): Conflict | null {
  if (matter.proposedBy && matter.proposedBy === who.userId) return 'own_proposal'
  if (matter.objectorId && matter.objectorId === who.userId) return 'own_objection'
  if (who.householdId && matter.householdIds?.includes(who.householdId)) return 'own_household'
  return null
}

const PICKUP_QR_PREFIX = 'LLPK1'

/**
 * The content of a redemption's QR code: the village, the 6-digit code and the server's signature (see the points
 * function's `points.codes.ts`), so the keeper's scanner gives back what to look up and the proof it is genuine.
 */
export function pickupQr(villageId: string, code: string, sig: string): string {
  return `${PICKUP_QR_PREFIX}.${villageId}.${code}.${sig}`
}

/** The parts of a scanned pickup QR, or null for anything else (the signature is checked by the server). */
export function parsePickupQr(qr: string): { villageId: string; code: string; sig: string } | null {
  const m = /^LLPK1\.([A-Za-z0-9_:.-]{1,64})\.(\d{6})\.([0-9A-Za-z]{10})$/.exec(qr.trim())
  return m ? { villageId: m[1] as string, code: m[2] as string, sig: m[3] as string } : null
}

export const DAY_MS = 86_400_000
