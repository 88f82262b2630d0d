import type { MessageRef } from '@shared/i18n/i18n'
import type { LedgerEntry, Redemption } from '@shared/points/points.schema'
import { C } from '../_core/collections'
import type { DataPort, TxStore } from '../_core/port'
import { appendEntry } from './points.ledger'
import { addToCounter, incVillageMonth, pointsKeys } from './points.repo'

/** A redemption's ledger line (its points taken, or given back): under no rule, by the member who redeemed. */
export function redemptionEntry(
  r: Pick<Redemption, '_id' | 'householdId' | 'userId' | 'userName'>,
  line: { _id: string; kind: 'redeem' | 'refund'; delta: number; reason: MessageRef; at: number },
) {
  return {
    ...line,
    householdId: r.householdId,
    ruleId: null,
    ruleVersion: null,
    ruleCode: null,
    ruleName: null,
    category: null,
    sourceType: 'redemption' as const satisfies LedgerEntry['sourceType'],
    sourceId: r._id,
    memberUserId: r.userId,
    memberName: r.userName,
    proposedBy: null,
    approvedBy: null,
  }
}

/**
 * Closes a pending redemption as cancelled or expired: points back to the household (a refund entry whose id is
 * derived from the redemption), the goods back on the shelf, the month limit freed and the pickup code retired.
 */
export async function closeUnclaimed(
  tx: TxStore,
  r: Redemption,
  status: 'cancelled' | 'expired',
  by: string | null,
  now: number,
): Promise<void> {
  const refundId = pointsKeys.refundEntry(r._id)
  await appendEntry(
    tx,
    redemptionEntry(r, {
      _id: refundId,
      kind: 'refund',
      delta: r.points,
      reason: {
        key: status === 'cancelled' ? 'points.reason.cancelled' : 'points.reason.expired',
        params: { goods: r.goodsName, n: r.quantity },
      },
      at: now,
    }),
  )
  const goods = await tx.get(C.points_goods, r.goodsId)
  if (goods) await tx.update(C.points_goods, goods._id, { stock: goods.stock + r.quantity })
  await addToCounter(
    tx,
    C.points_redeem_limits,
    {
      _id: pointsKeys.redeemLimit(r.householdId, r.goodsId, r.month),
      householdId: r.householdId,
      goodsId: r.goodsId,
      month: r.month,
      used: 0,
    },
    -r.quantity,
  )
  await tx.remove(C.points_pickup_codes, pointsKeys.pickupCode(r.villageId, r.code))
  await tx.update(C.points_redemptions, r._id, { status, closedAt: now, closedBy: by, refundEntryId: refundId })
  await incVillageMonth(tx, r.villageId, r.month, {
    [status === 'cancelled' ? 'cancelled' : 'expired']: 1,
    redeemedPoints: -r.points,
  })
}

/**
 * Expires those of the given redemptions still pending and past their pickup time, in one transaction per 50
 * (each re-reads its redemptions by id): the lazy expiry of reads, so nobody is shown a code that no longer works.
 */
export async function expireDue(db: DataPort, ids: string[], now: number): Promise<number> {
  let n = 0
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    n += await db.transaction(async (tx) => {
      let k = 0
      for (const id of chunk) {
        const r = await tx.get(C.points_redemptions, id)
        if (r && r.status === 'pending' && r.expiresAt <= now) {
          await closeUnclaimed(tx, r, 'expired', null, now)
          k += 1
        }
      }
      return k
    })
  }
  return n
}
