import { render, type MessageRef } from '@shared/i18n/i18n'
import { PointsErrors } from '@shared/points/points.errors'
import type { LedgerEntry, PointsAccount, VillageMonth } from '@shared/points/points.schema'
import { categoryCode } from '@shared/points/points.states'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { DataPort, NumericKeys, TxStore } from '../_core/port'
import { freshAccount } from './points.open'
import { bumpVillageMonth, incVillageMonth, pointsKeys } from './points.repo'

/**
 * An entry to append. Its reason is what a person typed or an older caller's text (`string`), or what the system
 * writes (a MessageRef, kept as such and rendered in the reader's language when read).
 */
type EntryDraft = Omit<
  LedgerEntry,
  'balanceAfter' | 'month' | 'villageId' | 'seq' | 'reason' | 'reasonRef' | 'notes'
> & {
  villageId?: string
  reason: string | MessageRef
  notes?: MessageRef[]
}

/**
 * The stored reason: a MessageRef kept as `reasonRef` (a plain text with remarks becomes one too, so the remarks
 * read in each language), with the Chinese text in `reason` for readers of the document that know only the text;
 * a plain text without remarks as it is.
 */
function storedReason(
  reason: string | MessageRef,
  notes: MessageRef[],
): Pick<LedgerEntry, 'reason' | 'reasonRef' | 'notes'> {
  const ref: MessageRef | null =
    typeof reason !== 'string' ? reason : notes.length ? { key: 'points.reason.text', params: { text: reason } } : null
  const text = (ref ? render(ref, 'zh') : String(reason)) + notes.map((n) => render(n, 'zh')).join('')
  return {
    reason: text.slice(0, 300),
    ...(ref ? { reasonRef: ref } : {}),
    ...(notes.length ? { notes } : {}),
  }
}

/**
 * The only writer of ledger entries. In the caller's transaction it reads the household's account by
 * id, appends the entry with the balance after it, and keeps the account and the month counters in
 * step, so balance = sum of the ledger always holds. A balance never goes below zero: with
 * `clip` a deduction takes what is there; otherwise (redemptions) it fails with INSUFFICIENT_BALANCE.
 * `closes`: the award this entry credits, taken off the account's open awards in the same write.
 */
export async function appendEntry(
  tx: TxStore,
  draft: EntryDraft,
  opts: {
    clip?: boolean
    closes?: string
    /** more to add to the village's month in the same write (a redemption's count and points) */
    village?: Partial<Record<NumericKeys<VillageMonth>, number>>
    /**
     * More to keep on the account in its one write, from the account as this transaction read it (before the
     * balance is checked, so a refusal it throws comes first): a redemption's monthly counts.
     */
    account?: (account: PointsAccount) => Promise<Partial<PointsAccount>> | Partial<PointsAccount>
  } = {},
): Promise<LedgerEntry> {
  let account = await tx.get(C.points_accounts, draft.householdId)
  if (!account) {
    const household = await tx.get(C.households, draft.householdId)
    if (!household) throw PointsErrors.HOUSEHOLD_NOT_FOUND({ id: draft.householdId })
    // an account made now keeps the open awards (none: an award that opens makes the account) and the household
    account = freshAccount(household, draft.at)
  }
  const also = opts.account ? await opts.account(account) : {}
  let delta = draft.delta
  if (account.balance + delta < 0) {
    if (!opts.clip) throw PointsErrors.INSUFFICIENT_BALANCE({ balance: account.balance, need: -delta })
    delta = -account.balance
  }
  const month = bjMonth(draft.at)
  const entry = entryOf(draft, delta, account.entries + 1, account.balance + delta, account)
  await tx.insert(C.points_ledger, entry)

  const scoring =
    entry.kind === 'award' ||
    entry.kind === 'system' ||
    entry.kind === 'deduction' ||
    entry.kind === 'opening' ||
    entry.kind === 'correction'
  const gained = scoring && delta > 0 ? delta : 0
  const lostNow = scoring && delta < 0 ? -delta : 0
  const spentNow = entry.kind === 'redeem' || entry.kind === 'refund' ? -delta : 0
  const next: PointsAccount = {
    ...account,
    ...also,
    balance: entry.balanceAfter,
    earned: account.earned + gained,
    lost: account.lost + lostNow,
    spent: account.spent + spentNow,
    entries: account.entries + 1,
    lastEntryAt: draft.at,
  }
  if (opts.closes && next.open) next.open = next.open.filter((o) => o.id !== opts.closes)
  await tx.set(C.points_accounts, next)

  const active = await countHouseholdMonth(tx, account, month, gained, lostNow)
  const village = Object.entries(opts.village ?? {}) as Array<[NumericKeys<VillageMonth>, number]>
  if (gained || lostNow) {
    await bumpVillageMonth(tx, account.villageId, month, (s) => {
      s.activeHouseholds += active
      for (const [k, v] of village) s[k] += v
      // counters are kept by category code (older counters may carry the Chinese names: figures merge them)
      const cat = categoryCode(entry.category) ?? 'other'
      if (gained) s.givenByCategory[cat] = (s.givenByCategory[cat] ?? 0) + gained
      if (lostNow) s.deductedByCategory[cat] = (s.deductedByCategory[cat] ?? 0) + lostNow
    })
  } else if (active || village.length)
    await incVillageMonth(tx, account.villageId, month, {
      ...opts.village,
      ...(active ? { activeHouseholds: (opts.village?.activeHouseholds ?? 0) + 1 } : {}),
    })
  return entry
}

/**
 * The household's month: added to without reading it first. Returns 1 if it was new (the household is newly active
 * in the village this month), else 0.
 */
async function countHouseholdMonth(
  tx: TxStore,
  account: Pick<PointsAccount, '_id' | 'villageId' | 'headName'>,
  month: string,
  earned: number,
  lost: number,
): Promise<0 | 1> {
  const made = await tx.inc(
    C.points_household_months,
    {
      _id: pointsKeys.householdMonth(account._id, month),
      villageId: account.villageId,
      householdId: account._id,
      headName: account.headName,
      month,
      earned: 0,
      lost: 0,
      entries: 0,
    },
    { earned, lost, entries: 1 },
    { headName: account.headName },
  )
  return made === 'created' ? 1 : 0
}

/** The stored entry: number `seq` of the household's, `balanceAfter` its balance after it (a clipped delta noted). */
function entryOf(
  draft: EntryDraft,
  delta: number,
  seq: number,
  balanceAfter: number,
  account: Pick<PointsAccount, 'villageId' | 'headName'>,
): LedgerEntry {
  const { reason, notes = [], ...rest } = draft
  const clipped: MessageRef[] =
    delta !== draft.delta ? [{ key: 'points.reason.clipped', params: { points: -delta } }] : []
  return {
    ...rest,
    villageId: account.villageId,
    headName: account.headName,
    seq,
    delta,
    balanceAfter,
    month: bjMonth(draft.at),
    ...storedReason(reason, [...notes, ...clipped]),
  }
}

/**
 * A redemption's entry whose account was written already, in this transaction, by one conditional write that took
 * the points (issue #21: `points.redeem`, balance enough, `entries` and `spent` added to): `after` is the account as
 * that write left it, so the entry is its `entries`-th with the balance it shows, and balance = sum of the ledger
 * holds as in `appendEntry`. The village's month gets `village` added. `counted`: the household redeemed this month
 * already, so its month document is there and counts it active, and a redemption earns and loses nothing in it:
 * not written. Else the household's month is counted as `appendEntry` counts it.
 */
export async function appendTaken(
  tx: TxStore,
  draft: EntryDraft,
  after: PointsAccount,
  village: Partial<Record<NumericKeys<VillageMonth>, number>>,
  counted: boolean,
): Promise<LedgerEntry> {
  const entry = entryOf(draft, draft.delta, after.entries, after.balance, after)
  await tx.insert(C.points_ledger, entry)
  const active = counted ? 0 : await countHouseholdMonth(tx, after, entry.month, 0, 0)
  await incVillageMonth(tx, after.villageId, entry.month, active ? { ...village, activeHouseholds: 1 } : village)
  return entry
}

/**
 * Credits an award whose publicity has ended without an open objection; a no-op for any other award
 * (so settling is idempotent). Returns the credited points, or null if nothing was done.
 */
export async function creditAward(tx: TxStore, awardId: string, now: number): Promise<number | null> {
  const a = await tx.get(C.points_awards, awardId)
  if (!a || a.status !== 'publicity' || a.publicUntil === null || a.publicUntil > now) return null
  const entryId = pointsKeys.awardEntry(a._id)
  const entry = await appendEntry(
    tx,
    {
      _id: entryId,
      householdId: a.householdId,
      kind: a.delta < 0 ? 'deduction' : 'award',
      delta: a.delta,
      ruleId: a.ruleId,
      ruleVersion: a.ruleVersion,
      ruleCode: a.ruleCode,
      ruleName: a.ruleName,
      category: a.category,
      sourceType: 'award',
      sourceId: a._id,
      memberUserId: a.memberUserId,
      memberName: a.memberName,
      proposedBy: a.proposedBy,
      approvedBy: a.approvedBy,
      reason: a.note
        ? { key: 'points.reason.award_note', params: { rule: a.ruleName, note: a.note } }
        : { key: 'points.reason.award', params: { rule: a.ruleName } },
      at: now,
    },
    { clip: true, closes: a._id },
  )
  await tx.update(C.points_awards, a._id, {
    status: 'credited',
    entryId,
    creditedDelta: entry.delta,
    closedAt: now,
  })
  return entry.delta
}

/**
 * Credits every due award among `ids`, in one transaction per 50: the lazy settle of reads that show
 * balances or publicity, so they never show a stale "公示中" between two runs of the timer.
 */
export async function settleDue(
  db: DataPort,
  ids: string[],
  now: number,
): Promise<{ settled: number; points: number }> {
  let settled = 0
  let points = 0
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    const r = await db.transaction(async (tx) => {
      let n = 0
      let p = 0
      for (const id of chunk) {
        const d = await creditAward(tx, id, now)
        if (d !== null) {
          n += 1
          p += d
        }
      }
      return { n, p }
    })
    settled += r.n
    points += r.p
  }
  return { settled, points }
}
