import type { Household } from '@shared/account/account.schema'
import { bjMonth } from '@shared/time/beijing'
import type { HouseholdMonth, LedgerEntry, PointsAccount, VillageMonthStats } from '@shared/points/points.schema'
import { PointsErrors } from '@shared/points/points.errors'
import type { TxStore } from '../_core/port'
import { pointsKeys } from './keys'

export type EntryDraft = Omit<LedgerEntry, 'balanceAfter' | 'month' | 'villageId' | 'seq'> & { villageId?: string }

/**
 * The only writer of ledger entries. In the caller's transaction it reads the household's account by
 * id, appends the entry with the balance after it, and keeps the account and the month counters in
 * step, so balance = sum of the ledger always holds. A balance never goes below zero: with
 * `clip` a deduction takes what is there; otherwise (redemptions) it fails with INSUFFICIENT_BALANCE.
 */
export async function appendEntry(tx: TxStore, draft: EntryDraft, opts: { clip?: boolean } = {}): Promise<LedgerEntry> {
  let account = await tx.get<PointsAccount>('points_accounts', draft.householdId)
  if (!account) {
    const household = await tx.get<Household>('households', draft.householdId)
    if (!household) throw PointsErrors.HOUSEHOLD_NOT_FOUND()
    account = {
      _id: household._id,
      villageId: household.villageId,
      headName: household.headName,
      balance: 0,
      earned: 0,
      lost: 0,
      spent: 0,
      entries: 0,
      lastEntryAt: draft.at,
    }
  }
  let delta = draft.delta
  if (account.balance + delta < 0) {
    if (!opts.clip) throw PointsErrors.INSUFFICIENT_BALANCE(`积分不够了：现有 ${account.balance} 分，需要 ${-delta} 分`)
    delta = -account.balance
  }
  const month = bjMonth(draft.at)
  const entry: LedgerEntry = {
    ...draft,
    villageId: account.villageId,
    seq: account.entries + 1,
    delta,
    balanceAfter: account.balance + delta,
    month,
    reason: delta !== draft.delta ? `${draft.reason}（余额不足，实扣 ${-delta} 分）`.slice(0, 300) : draft.reason,
  }
  await tx.insert('points_ledger', entry)

  const scoring =
    entry.kind === 'award' ||
    entry.kind === 'system' ||
    entry.kind === 'deduction' ||
    entry.kind === 'opening' ||
    entry.kind === 'correction'
  const gained = scoring && delta > 0 ? delta : 0
  const lostNow = scoring && delta < 0 ? -delta : 0
  const spentNow = entry.kind === 'redeem' || entry.kind === 'refund' ? -delta : 0
  await tx.set<PointsAccount>('points_accounts', {
    ...account,
    balance: entry.balanceAfter,
    earned: account.earned + gained,
    lost: account.lost + lostNow,
    spent: account.spent + spentNow,
    entries: account.entries + 1,
    lastEntryAt: draft.at,
  })

  const hmId = pointsKeys.householdMonth(account._id, month)
  const hm = await tx.get<HouseholdMonth>('points_household_months', hmId)
  await tx.set<HouseholdMonth>('points_household_months', {
    _id: hmId,
    villageId: account.villageId,
    householdId: account._id,
    headName: account.headName,
    month,
    earned: (hm?.earned ?? 0) + gained,
    lost: (hm?.lost ?? 0) + lostNow,
    entries: (hm?.entries ?? 0) + 1,
  })
  await bumpVillageMonth(tx, account.villageId, month, (s) => {
    if (!hm) s.activeHouseholds += 1
    const cat = entry.category ?? '其他'
    if (gained) s.givenByCategory[cat] = (s.givenByCategory[cat] ?? 0) + gained
    if (lostNow) s.deductedByCategory[cat] = (s.deductedByCategory[cat] ?? 0) + lostNow
  })
  return entry
}

/** Reads, changes and writes a village's month counters (one doc by deterministic id). */
export async function bumpVillageMonth(
  tx: TxStore,
  villageId: string,
  month: string,
  change: (s: VillageMonthStats) => void,
): Promise<void> {
  const id = pointsKeys.villageMonth(villageId, month)
  const s = (await tx.get<VillageMonthStats>('points_village_months', id)) ?? {
    _id: id,
    villageId,
    month,
    givenByCategory: {},
    deductedByCategory: {},
    activeHouseholds: 0,
    redemptions: 0,
    redeemedPoints: 0,
    fulfilled: 0,
    cancelled: 0,
    expired: 0,
  }
  const next: VillageMonthStats = {
    ...s,
    givenByCategory: { ...s.givenByCategory },
    deductedByCategory: { ...s.deductedByCategory },
  }
  change(next)
  await tx.set('points_village_months', next)
}

/** Adds `amount` (absolute) to a counter doc, creating it; returns the new value. */
export async function addToCounter(
  tx: TxStore,
  collection: string,
  id: string,
  base: Record<string, unknown>,
  amount: number,
): Promise<number> {
  const doc = await tx.get<{ _id: string; used: number }>(collection, id)
  const used = Math.max(0, (doc?.used ?? 0) + amount)
  await tx.set(collection, { ...(doc ?? base), _id: id, used })
  return used
}

export async function counterValue(tx: TxStore, collection: string, id: string): Promise<number> {
  return (await tx.get<{ _id: string; used: number }>(collection, id))?.used ?? 0
}
