import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAccount, Redemption } from '@shared/points/points.schema'
import { DAY_MS } from '@shared/points/points.rules'
import { CommonErrors } from '@shared/errors'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { randomCode } from '../../_core/ids'
import { defineAction } from '../../_core/wrap'
import { appendEntry, appendTaken } from '../points.ledger'
import { DuplicateKeyError, mapKey, StaleReadError, type Change, type TxStore } from '../../_core/port'
import { keptSettingsOf, loadGoods, myHousehold, pointsKeys, requireMember, residentUnit } from '../points.repo'
import { redemptionEntry, takenOnAccount } from '../points.redemption'
import { presentRedemption, type WrittenRedemption as Written } from '../points.views'

/**
 * Redeem goods: in ONE transaction the goods and the household's account are read by id, the month's limit checked
 * against the counts the account keeps, the points taken (a ledger entry; never below zero), the stock reserved and
 * a pickup code issued. Under any concurrency nothing oversells and no balance goes negative.
 * The redemption id is derived from the request id, so a repeated request makes one redemption.
 * The household is the caller's own as their user document says now: read again inside the transaction, so a
 * member whose membership was revoked after the call began spends nothing.
 * Requests (issue #21): the goods are read, checked and taken from in one request, in the transaction; the village's
 * settings kept by the warm instance for a minute; the pickup code inserted without a read (a code taken already
 * fails the insert: the transaction rolls back and runs again with another).
 */
/** Why goods could not be taken: not the village's, off the shelf, or too few left (else read again and run again). */
async function refuseGoods(tx: TxStore, goodsId: string, villageId: string, quantity: number): Promise<never> {
  const g = await loadGoods(tx, goodsId)
  if (g.villageId !== villageId) throw PointsErrors.GOODS_NOT_FOUND()
  if (!g.active) throw PointsErrors.GOODS_OFF()
  if (g.stock < quantity) throw PointsErrors.OUT_OF_STOCK({ left: g.stock })
  throw new StaleReadError(C.points_goods, goodsId)
}

/**
 * The Beijing month of each household's last redemption this instance made (a hint only, which of the account's two
 * conditional writes to try first; at most 2,000 kept, the oldest forgotten first).
 */
const lastMonthsOf = new WeakMap<object, Map<string, string>>()
function lastMonths(db: object): Map<string, string> {
  let kept = lastMonthsOf.get(db)
  if (!kept) lastMonthsOf.set(db, (kept = new Map()))
  return kept
}
function keepMonth(db: object, householdId: string, month: string) {
  const kept = lastMonths(db)
  kept.delete(householdId)
  kept.set(householdId, month)
  if (kept.size > 2000) kept.delete(kept.keys().next().value!)
}

/** Who redeems for which household: as the caller's document keeps it (`version`), or as `load` read it (null). */
interface Target {
  householdId: string
  villageId: string
  /** the account's `membersVersion` the caller's last redemption found; null: not kept, read in the transaction */
  version: number | null
}

export const redeem = defineAction(pointsContract.actions.redeem, {
  load: async (_input, ctx) => {
    const me = ctx.caller.user
    const kept = me.pointsMembership
    // the household and its village as the caller's last redemption found them: no read (issue #21)
    const target: Target | null =
      me.householdId && kept?.householdId === me.householdId
        ? { householdId: kept.householdId, villageId: kept.villageId, version: kept.version }
        : await myHousehold(ctx).then((h) => h && { householdId: h._id, villageId: h.villageId, version: null })
    // load comes before the permission check: someone who may not redeem anywhere is told that first
    if (!target)
      throw ctx.scopeRoots('redemption_create').length ? PointsErrors.NO_HOUSEHOLD() : CommonErrors.FORBIDDEN()
    return {
      unitId: await residentUnit(ctx, 'redemption_create', target.villageId),
      target,
      settings: await keptSettingsOf(ctx.db, target.villageId, ctx.now),
    }
  },
  run: async ({ input: { goodsId, quantity }, loaded: { target, settings }, tx, ctx, handOn }) => {
    const me = ctx.caller.user
    const { householdId, villageId } = target
    // derived from the request id: a twin's insert of the redemption (or of the request record) fails, nothing of
    // it lands, and it is answered with the first call's result (wrap's transaction)
    const id = pointsKeys.redemption(me._id, ctx.requestId ?? ctx.newId('x'))
    const month = bjMonth(ctx.now)
    // the stock taken only while the goods are on the village's shelf with enough left: the read, the comparison
    // and the write in one request (issue #21); when they are not, read to say why (and the month's limit, checked
    // below, still rolls it back)
    const g =
      (await tx.updateIf(
        C.points_goods,
        goodsId,
        { villageId, active: true, stock: { $gte: quantity } },
        { inc: { stock: -quantity } },
      )) ?? (await refuseGoods(tx, goodsId, villageId, quantity))
    const points = g.price * quantity
    const entryId = pointsKeys.redeemEntry(id, ctx.now)
    const draft = redemptionEntry(
      { _id: id, householdId, userId: me._id, userName: me.name },
      {
        _id: entryId,
        kind: 'redeem',
        delta: -points,
        reason: { key: 'points.reason.redeem', params: { goods: g.name, n: quantity } },
        at: ctx.now,
      },
    )
    const village = { redemptions: 1, redeemedPoints: points }
    const limit = g.limitPerMonth
    const overLimit = (taken: number) => limit !== null && taken + quantity > limit
    // The points taken in ONE conditional write of the account (issue #21), when the caller's document keeps the
    // version of it their last redemption found: the account still at that version (no member left since, so the
    // caller is still one: no read of them) and the balance enough. Its month's counts: the household redeemed this
    // month already (kept whole on the account: this goods' count added to; its month document is there), or last
    // redeemed in an earlier month (this month's counts begin with this goods). The instance's memory of the
    // household's last month says which to try first; each one's condition is exact, so a wrong guess only costs the
    // other. A count over the month's limit throws, and all of it rolls back. Else (not kept, a member left, balance
    // short, no counts on the account yet) the account is read and checked, and the caller read again.
    const takes = (repeat: boolean) =>
      tx.updateIf(
        C.points_accounts,
        householdId,
        {
          membersVersion: target.version,
          balance: { $gte: points },
          ...(repeat ? { 'redeemed.month': month, 'redeemed.whole': true } : { 'redeemed.month': { $lt: month } }),
        },
        repeat
          ? ({
              inc: { balance: -points, spent: points, entries: 1, [`redeemed.goods.${g._id}`]: quantity },
              set: { lastEntryAt: ctx.now },
            } as Change<PointsAccount>)
          : {
              inc: { balance: -points, spent: points, entries: 1 },
              set: { lastEntryAt: ctx.now, redeemed: { month, whole: true, goods: { [g._id]: quantity } } },
            },
      )
    let fast: { after: PointsAccount; repeat: boolean } | null = null
    if (target.version !== null && mapKey(g._id) === g._id) {
      const repeatFirst = lastMonths(ctx.rt.db).get(householdId) === month
      for (const repeat of [repeatFirst, !repeatFirst]) {
        const after = await takes(repeat)
        if (after) {
          fast = { after, repeat }
          break
        }
      }
    }
    let headName: string
    if (fast) {
      const taken = (fast.after.redeemed?.goods[g._id] ?? quantity) - quantity
      if (overLimit(taken)) throw PointsErrors.LIMIT_REACHED({ limit: limit!, taken })
      await appendTaken(tx, draft, fast.after, village, fast.repeat)
      headName = fast.after.headName
    } else {
      await requireMember(tx, me._id, householdId, PointsErrors.NO_HOUSEHOLD)
      let found: PointsAccount | null = null
      const entry = await appendEntry(tx, draft, {
        // the village's month: the redemption counted in the ledger's own write of it
        village,
        // the month's limit: checked and counted on the account as this transaction read it, in its one write
        account: async (account) => {
          found = account
          const { taken, redeemed } = await takenOnAccount(tx, account, g._id, month, quantity)
          if (overLimit(taken)) throw PointsErrors.LIMIT_REACHED({ limit: limit!, taken })
          return { redeemed, membersVersion: account.membersVersion ?? 0 }
        },
      })
      // what the next redemption need not read again: the household, its village and the account's version
      const account = found as PointsAccount | null
      headName = account?.headName ?? ''
      const kept = { householdId, villageId: entry.villageId, version: account?.membersVersion ?? 0 }
      const had = me.pointsMembership
      if (had?.householdId !== kept.householdId || had.villageId !== kept.villageId || had.version !== kept.version)
        await tx.update(C.users, me._id, { pointsMembership: kept })
    }
    const code = randomCode('0123456789', 6)
    try {
      await tx.insert(C.points_pickup_codes, {
        _id: pointsKeys.pickupCode(villageId, code),
        villageId,
        code,
        redemptionId: id,
      })
    } catch (err) {
      // a live redemption of the village has this code: all of this rolls back and the wrapper runs it again
      if (err instanceof DuplicateKeyError) throw new StaleReadError(C.points_pickup_codes, err.id)
      throw err
    }
    const redemption: Redemption = {
      _id: id,
      villageId,
      householdId,
      userId: me._id,
      userName: me.name,
      goodsId: g._id,
      goodsName: g.name,
      quantity,
      points,
      status: 'pending',
      code,
      month,
      createdAt: ctx.now,
      expiresAt: ctx.now + settings.pickupDays * DAY_MS,
      closedAt: null,
      closedBy: null,
      entryId,
      refundEntryId: null,
    }
    await tx.insert(C.points_redemptions, redemption)
    keepMonth(ctx.rt.db, householdId, month)
    handOn({ redemption, headName } satisfies Written)
    return { redemptionId: id }
  },
  present: ({ result, ctx, handed }) =>
    presentRedemption(ctx, result.redemptionId, true, handed as Written | undefined),
})
