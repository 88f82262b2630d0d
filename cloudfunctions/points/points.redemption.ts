import type { MessageRef } from '@shared/i18n/i18n'
import type { LedgerEntry, PointsAccount, Redemption } from '@shared/points/points.schema'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { DataPort, TxStore } from '../_core/port'
import { appendEntry } from './points.ledger'
import { addToCounter, counterValue, incVillageMonth, pointsKeys } from './points.repo'

/**
 * A household's monthly redemption counts are kept on its points account (`redeemed`, issue #21), which every
 * redemption, cancel and expiry writes anyway. What the account says of Beijing month `month` (a "YYYY-MM"):
 * `goods` the counts it holds, `whole` whether they are all of that month's (a goods not named took none). Not
 * whole only in the month the counts began to be kept, for a household that had entries that month before: its
 * redemptions then are in the month's `points_redeem_limits` documents, read for a goods the account does not name.
 * - no account, or one without entries: it never redeemed;
 * - `redeemed` of this month: as it says; of an earlier month: nothing yet this month (the counts were kept then
 *   already, so every redemption since is on the account);
 * - no `redeemed`: whole if the account's last entry is of an earlier month (a redemption is an entry, and every
 *   entry sets `lastEntryAt`), else not.
 */
export function redeemedOf(
  account: PointsAccount | null,
  month: string,
): { goods: Readonly<Record<string, number>>; whole: boolean } {
  if (!account || account.entries === 0) return { goods: {}, whole: true }
  const r = account.redeemed
  if (r) return r.month === month ? { goods: r.goods, whole: r.whole } : { goods: {}, whole: r.month < month }
  return { goods: {}, whole: bjMonth(account.lastEntryAt) < month }
}

/**
 * How many of the goods the household took in `month` (from the account this transaction read; the month's limit
 * document read only where the account cannot say), and the account's `redeemed` with `add` more of it.
 */
export async function takenOnAccount(
  tx: TxStore,
  account: PointsAccount,
  goodsId: string,
  month: string,
  add: number,
): Promise<{ taken: number; redeemed: NonNullable<PointsAccount['redeemed']> }> {
  const { goods, whole } = redeemedOf(account, month)
  const taken =
    goods[goodsId] ??
    (whole ? 0 : await counterValue(tx, C.points_redeem_limits, pointsKeys.redeemLimit(account._id, goodsId, month)))
  return { taken, redeemed: { month, whole, goods: { ...goods, [goodsId]: Math.max(0, taken + add) } } }
}

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
  // the month's count freed on the account when it counts this goods that month (as every redemption since the
  // counts are kept there does), else in the month's limit document, where an earlier redemption was counted
  // (or nowhere, when the account counts a later month already: a past month's count limits nothing)
  let onAccount = false
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
    {
      account: (a) => {
        const kept = a.redeemed
        if (kept && kept.month > r.month) onAccount = true
        if (!kept || kept.month !== r.month || kept.goods[r.goodsId] === undefined) return {}
        onAccount = true
        return {
          redeemed: {
            ...kept,
            goods: { ...kept.goods, [r.goodsId]: Math.max(0, kept.goods[r.goodsId]! - r.quantity) },
          },
        }
      },
    },
  )
  const goods = await tx.get(C.points_goods, r.goodsId)
  if (goods) await tx.update(C.points_goods, goods._id, { stock: goods.stock + r.quantity })
  if (!onAccount)
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
