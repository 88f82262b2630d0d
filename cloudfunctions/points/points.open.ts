import type { Household } from '@shared/account/account.schema'
import type { OpenAward, PointsAccount, PointsAward } from '@shared/points/points.schema'
import { C } from '../_core/collections'
import type { TxStore } from '../_core/port'

/**
 * What a household's points account keeps so that `myPoints` reads the account and its page of the ledger and
 * nothing else (issue #21): its awards still open (`open`: in publicity or objected to, the pending line) and its
 * household's head, address and village (`household`). Both are written in the transaction that changes what they
 * copy; an account without them (written before they were kept) is served by reading the awards and the household,
 * until `tools/backfill-accounts.ts` gives them.
 */

/** The award statuses counted as pending: approved, not yet credited nor withdrawn. */
export const OPEN_STATUSES = ['publicity', 'objected'] as const

export function isOpen(a: Pick<PointsAward, 'status'>): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(a.status)
}

export function openOf(a: PointsAward): OpenAward {
  return { id: a._id, delta: a.delta, status: a.status as OpenAward['status'], publicUntil: a.publicUntil }
}

/** `open` with these awards as they now stand: an open one in (replacing its earlier line), a closed one out. */
export function withAwards(open: readonly OpenAward[], awards: readonly PointsAward[]): OpenAward[] {
  const ids = new Set(awards.map((a) => a._id))
  return [...open.filter((o) => !ids.has(o.id)), ...awards.filter(isOpen).map(openOf)]
}

export function householdOf(h: Household): NonNullable<PointsAccount['household']> {
  return { headName: h.headName, address: h.address, villageId: h.villageId }
}

/** A household's account before its first entry: nothing earned, nothing open. */
export function freshAccount(h: Household, at: number): PointsAccount {
  return {
    _id: h._id,
    villageId: h.villageId,
    headName: h.headName,
    balance: 0,
    earned: 0,
    lost: 0,
    spent: 0,
    entries: 0,
    lastEntryAt: at,
    open: [],
    household: householdOf(h),
  }
}

/**
 * In the caller's transaction, after the awards of one household changed status: puts them on its account as they
 * now stand. A household without an account gets one when an award of it opens (made only for the pending line:
 * `entries` 0, which the board does not list). An account that does not keep `open` yet is left as it is (its
 * reader queries the awards). One read and at most one write per household.
 */
export async function keepAwardsOnAccount(
  tx: TxStore,
  householdId: string,
  awards: readonly PointsAward[],
  now: number,
): Promise<void> {
  const account = await tx.get(C.points_accounts, householdId)
  if (!account) {
    if (!awards.some(isOpen)) return
    const h = await tx.get(C.households, householdId)
    if (!h) return
    await tx.set(C.points_accounts, { ...freshAccount(h, now), open: withAwards([], awards) })
    return
  }
  if (!account.open) return
  await tx.update(C.points_accounts, householdId, { open: withAwards(account.open, awards) })
}

/**
 * `keepAwardsOnAccount` for awards that have just opened (approved into publicity: not on the account yet), in one
 * request (issue #21): appended to the list an account keeps, not read first. An account without the list, or no
 * account, goes as `keepAwardsOnAccount` says.
 */
export async function openOnAccount(
  tx: TxStore,
  householdId: string,
  awards: readonly PointsAward[],
  now: number,
): Promise<void> {
  const opened = awards.filter(isOpen).map(openOf)
  if (!opened.length) return
  const kept = await tx.updateIf(C.points_accounts, householdId, { open: { $ne: null } }, { push: { open: opened } })
  if (!kept) await keepAwardsOnAccount(tx, householdId, awards, now)
}

/**
 * In the roster's transaction that wrote a household: its head, address and village on its points account, if it
 * has one (one read; a write only when they differ). The board shows the head's name from the account.
 */
export async function keepHouseholdOnAccount(tx: TxStore, h: Household): Promise<void> {
  const account = await tx.get(C.points_accounts, h._id)
  if (!account) return
  const kept = householdOf(h)
  const same =
    account.headName === h.headName &&
    account.household?.headName === kept.headName &&
    account.household.address === kept.address &&
    account.household.villageId === kept.villageId
  if (!same) await tx.update(C.points_accounts, h._id, { headName: h.headName, household: kept })
}

const byId = (open: readonly OpenAward[]) =>
  [...open]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((o) => `${o.id} ${o.delta} ${o.status} ${o.publicUntil}`)
    .join('\n')

/**
 * The one-time backfill of one household's account (`tools/backfill-accounts.ts`), in a transaction of its own: its
 * open awards are read again by id (those the caller found by query, and those the account already lists, so an
 * award opened since the query by a writer that keeps them is not lost) and kept with the household on the account;
 * a household with an open award and no account gets one. Writes nothing when the account already says so
 * ('same'), or when there is nothing to keep ('none').
 */
export async function backfillAccount(
  tx: TxStore,
  householdId: string,
  candidates: readonly string[],
  now: number,
): Promise<'same' | 'written' | 'none'> {
  const account = await tx.get(C.points_accounts, householdId)
  const h = await tx.get(C.households, householdId)
  const ids = [...new Set([...candidates, ...(account?.open ?? []).map((o) => o.id)])].sort()
  const open: OpenAward[] = []
  for (const id of ids) {
    const a = await tx.get(C.points_awards, id)
    if (a && a.householdId === householdId && isOpen(a)) open.push(openOf(a))
  }
  if (!account) {
    if (!open.length || !h) return 'none'
    await tx.set(C.points_accounts, { ...freshAccount(h, now), open })
    return 'written'
  }
  const household = h ? householdOf(h) : account.household
  const sameHousehold =
    account.household?.headName === household?.headName &&
    account.household?.address === household?.address &&
    account.household?.villageId === household?.villageId
  if (account.open && byId(account.open) === byId(open) && sameHousehold) return 'same'
  await tx.update(C.points_accounts, householdId, { open, ...(household ? { household } : {}) })
  return 'written'
}
