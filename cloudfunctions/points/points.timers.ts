import { C } from '../_core/collections'
import { DuplicateKeyError } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { creditAward } from './points.ledger'
import { closeUnclaimed } from './points.redemption'

/** How many awards or redemptions one timer run handles; the rest wait for the next run (or a lazy settle on read). */
const TIMER_BATCH = 200

/**
 * The publicity timer: credits every award, in every village, whose publicity (公示) is over with no open
 * objection. One transaction per award, which re-reads the award by id and credits it only if it is still
 * in publicity and due (`creditAward`), and whose ledger entry id is derived from the award: a second firing
 * of the trigger, an official's 计入 at the same moment or a lazy settle on a read credits nothing twice.
 */
export async function settleAllPublicity(
  rt: Runtime,
  now: number,
  limit = TIMER_BATCH,
): Promise<{ settled: number; points: number; more: boolean }> {
  const due = await rt.db.find(C.points_awards, {
    where: { status: 'publicity', publicUntil: { $lte: now } },
    orderBy: [['publicUntil', 'asc']],
    limit: limit + 1,
  })
  let settled = 0
  let points = 0
  for (const a of due.slice(0, limit)) {
    try {
      const delta = await rt.db.transaction((tx) => creditAward(tx, a._id, now))
      if (delta === null) continue
      settled += 1
      points += delta
    } catch (err) {
      // credited by someone else between our read and our write: nothing to do
      if (err instanceof DuplicateKeyError) continue
      rt.log.error('publicity settle failed for an award', {
        id: a._id,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return { settled, points, more: due.length > limit }
}

/**
 * The pickup timer: expires every redemption, in every village, still unclaimed past its pickup time. One
 * transaction per redemption, which re-reads it and closes it only if it is still pending and due: the points
 * come back (a refund entry with an id derived from the redemption), the goods go back on the shelf, once.
 */
export async function expireAllRedemptions(
  rt: Runtime,
  now: number,
  limit = TIMER_BATCH,
): Promise<{ expired: number; more: boolean }> {
  const due = await rt.db.find(C.points_redemptions, {
    where: { status: 'pending', expiresAt: { $lte: now } },
    orderBy: [['expiresAt', 'asc']],
    limit: limit + 1,
  })
  let expired = 0
  for (const d of due.slice(0, limit)) {
    try {
      const done = await rt.db.transaction(async (tx) => {
        const r = await tx.get(C.points_redemptions, d._id)
        if (!r || r.status !== 'pending' || r.expiresAt > now) return false
        await closeUnclaimed(tx, r, 'expired', null, now)
        return true
      })
      if (done) expired += 1
    } catch (err) {
      if (err instanceof DuplicateKeyError) continue
      rt.log.error('redemption expiry failed', {
        id: d._id,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return { expired, more: due.length > limit }
}
