import type { Household } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { CommonErrors, type ErrorFactory } from '@shared/errors'
import { PointsErrors } from '@shared/points/points.errors'
import { conflictOf, DEFAULT_PICKUP_DAYS, DEFAULT_PUBLICITY_DAYS } from '@shared/points/points.rules'
import type {
  PointsAward,
  PointsBatch,
  PointsCap,
  PointsRule,
  PointsSettings,
  RedeemLimit,
  Redemption,
  VillageMonth,
} from '@shared/points/points.schema'
import { C } from '../_core/collections'
import { stableId, timeId } from '../_core/ids'
import { getOr, type Change, type DataPort, type NumericKeys, type TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { ActionContext, WriteContext } from '../_core/wrap'

/**
 * Deterministic ids of the points domain: they carry uniqueness and let transactions read what must be
 * consistent (balance, stock, caps, counters) by id.
 */
/** The rule code of the ledger line a useful grid report earns (价值信息以奖代补): no rule of the village's code. */
export const REPORT_REWARD = 'REPORT_REWARD'

export const pointsKeys = {
  rule: (villageId: string, code: string) => stableId('pr', villageId, code),
  ruleVersion: (ruleId: string, version: number) => `${ruleId}.v${version}`,
  /** absolute points counted (or held by a pending proposal) under a rule for a household-month */
  cap: (householdId: string, ruleId: string, month: string) => stableId('pcap', householdId, ruleId, month),
  villageMonth: (villageId: string, month: string) => stableId('pst', villageId, month),
  householdMonth: (householdId: string, month: string) => stableId('phm', householdId, month),
  /** a system award's entry: one per source event */
  systemEntry: (sourceKey: string) => stableId('pl', sourceKey),
  awardEntry: (awardId: string) => stableId('pl', 'points-award', awardId),
  /** the publicity line of points credited by a source event elsewhere (a useful report): one per source */
  sourceAward: (sourceKey: string) => stableId('pa', 'source', sourceKey),
  /**
   * A redemption's ledger entry, written in the redemption's own transaction. Its time goes first so a new entry
   * lands at the end of the largest table's index, not on a random page of millions; the redemption records it
   * (entryId).
   */
  redeemEntry: (redemptionId: string, at: number) => timeId('pl', at, 'points-redeem', redemptionId),
  refundEntry: (redemptionId: string) => stableId('pl', 'points-refund', redemptionId),
  correctionEntry: (entryId: string) => stableId('pl', 'points-correct', entryId),
  /** from the request id: a repeated request makes one redemption */
  redemption: (userId: string, requestId: string) => stableId('rd', userId, requestId),
  redeemLimit: (householdId: string, goodsId: string, month: string) => stableId('prl', householdId, goodsId, month),
  pickupCode: (villageId: string, code: string) => stableId('pk', villageId, code),
  /** one objection per person and award */
  objection: (awardId: string, userId: string) => stableId('po', awardId, userId),
}

// ---- loaders ----

type Reader = Pick<DataPort, 'get'> | TxStore

export const loadRule = (db: Reader, id: string) => getOr(db, C.points_rules, id, PointsErrors.RULE_NOT_FOUND)
export const loadBatch = (db: Reader, id: string) => getOr(db, C.points_batches, id, PointsErrors.BATCH_NOT_FOUND)
export const loadAward = (db: Reader, id: string) => getOr(db, C.points_awards, id, PointsErrors.AWARD_NOT_FOUND)
export const loadObjection = (db: Reader, id: string) =>
  getOr(db, C.points_objections, id, PointsErrors.OBJECTION_NOT_FOUND)
export const loadEntry = (db: Reader, id: string) => getOr(db, C.points_ledger, id, PointsErrors.ENTRY_NOT_FOUND)
export const loadGoods = (db: Reader, id: string) => getOr(db, C.points_goods, id, PointsErrors.GOODS_NOT_FOUND)
export const loadRedemption = (db: Reader, id: string) =>
  getOr(db, C.points_redemptions, id, PointsErrors.REDEMPTION_NOT_FOUND)

/** The live redemption behind a 6-digit code in the keeper's own village. */
export async function loadByPickupCode(db: Reader, villageId: string, code: string): Promise<Redemption> {
  const pk = await db.get(C.points_pickup_codes, pointsKeys.pickupCode(villageId, code))
  const r = pk ? await db.get(C.points_redemptions, pk.redemptionId) : null
  if (!r || r.villageId !== villageId) throw PointsErrors.CODE_NOT_FOUND()
  return r
}

/** A village's settings, or the defaults when it never saved any. */
export async function settingsOf(db: Reader, villageId: string): Promise<PointsSettings> {
  return (
    (await db.get(C.points_settings, villageId)) ?? {
      _id: villageId,
      publicityDays: DEFAULT_PUBLICITY_DAYS,
      pickupDays: DEFAULT_PICKUP_DAYS,
      updatedBy: null,
      updatedAt: 0,
    }
  )
}

/** How long a warm instance keeps a village's settings (issue #21): settings only, never grants, balances or stock. */
export const SETTINGS_TTL_MS = 60_000

/** Per data port (one per runtime: tests and warm instances never share one): village → settings and when read. */
const settingsKept = new WeakMap<object, Map<string, { at: number; settings: PointsSettings }>>()

/**
 * A village's settings as read at most SETTINGS_TTL_MS ago by this instance (its own save forgets them at once):
 * the pickup and publicity days of what is written now. Another instance's save is seen within a minute.
 */
export async function keptSettingsOf(
  db: Pick<DataPort, 'get'>,
  villageId: string,
  now: number,
): Promise<PointsSettings> {
  let kept = settingsKept.get(db)
  if (!kept) settingsKept.set(db, (kept = new Map()))
  const got = kept.get(villageId)
  if (got && now >= got.at && now - got.at < SETTINGS_TTL_MS) return got.settings
  const settings = await settingsOf(db, villageId)
  kept.set(villageId, { at: now, settings })
  return settings
}

/** Forgets what this instance keeps of a village's settings (after it saved them). */
export function forgetSettings(db: object, villageId: string): void {
  settingsKept.get(db)?.delete(villageId)
}

/**
 * Inside a transaction where points move: the caller's user document, read again, still names this household.
 * `user.householdId` is set only once a membership is approved and cleared when it is revoked, so a member
 * revoked between the start of the call and its transaction is refused with `refusal`.
 */
export async function requireMember(
  tx: TxStore,
  userId: string,
  householdId: string,
  refusal: ErrorFactory<string>,
): Promise<void> {
  const user = await tx.get(C.users, userId)
  if (!user || user.householdId !== householdId) throw refusal()
}

/**
 * The caller's household (the one their points and redemptions belong to), if they have one: only what the
 * caller's user document says at the time of the call (`user.householdId`, an approved membership).
 */
export async function myHousehold(ctx: ActionContext): Promise<Household | null> {
  const id = ctx.caller.user.householdId
  return id ? ctx.db.get(C.households, id) : null
}

export async function villageName(rt: Runtime, villageId: string): Promise<string> {
  return (await rt.units.get(villageId))?.name ?? villageId
}

// ---- who may see what ----

/** Whether unit `a` is inside unit `b`, or `b` inside `a`. */
async function related(rt: Runtime, a: string, b: string): Promise<boolean> {
  return (await rt.units.contains(b, a)) || (await rt.units.contains(a, b))
}

/**
 * The unit to check a resident's permission in, for something of village `villageId`. Residents hold their
 * roles in a grid, below the village the points domain works in: the caller's own unit for the permission that
 * lies in the village, or else the village itself (then the wrapper's check refuses: OUT_OF_SCOPE, or FORBIDDEN
 * for someone who holds the permission nowhere).
 */
export async function residentUnit(ctx: ActionContext, permission: Permission, villageId: string): Promise<string> {
  for (const root of ctx.scopeRoots(permission)) if (await ctx.rt.units.contains(villageId, root)) return root
  return villageId
}

/**
 * Publicity, the board, the rules and the store are for the people of the village (and those above it): someone
 * with a role in or above it, or who lives in it. The check of actions any signed-in caller may call.
 */
export async function requireVillageMember(ctx: ActionContext, villageId: string): Promise<void> {
  const village = await ctx.rt.units.get(villageId)
  if (!village || village.level !== 'village') throw CommonErrors.NOT_FOUND.because('points.why.no_village')
  const units = [
    ...ctx.caller.grants.map((g) => g.unitId),
    ...(ctx.caller.user.residenceUnitId ? [ctx.caller.user.residenceUnitId] : []),
  ]
  for (const u of units) if (await related(ctx.rt, u, villageId)) return
  throw CommonErrors.OUT_OF_SCOPE()
}

// ---- separation of duties ----

/**
 * Refuses a decision the caller is part of (`conflictOf` in points.rules): their own proposal (`ownProposal` says
 * which error: approving a batch or deciding an objection), their own objection, their own household's points.
 */
export function refuseOwnMatter(
  ctx: WriteContext,
  matter: Parameters<typeof conflictOf>[1],
  ownProposal: ErrorFactory = PointsErrors.OWN_PROPOSAL,
): void {
  const me = ctx.caller.user
  const conflict = conflictOf({ userId: me._id, householdId: me.householdId }, matter)
  if (conflict === 'own_proposal') throw ownProposal()
  if (conflict === 'own_objection') throw PointsErrors.OWN_OBJECTION()
  if (conflict === 'own_household') throw PointsErrors.OWN_HOUSEHOLD()
}

// ---- counters ----

type UsedCounter = typeof C.points_caps | typeof C.points_redeem_limits

/** How much a cap or a monthly limit has used (0 when nothing was counted yet). */
export async function counterValue(tx: TxStore, collection: UsedCounter, id: string): Promise<number> {
  return (await tx.get(collection, id))?.used ?? 0
}

/** Adds `amount` (absolute, may be negative) to a cap or a monthly limit, never below 0; returns the new value. */
export async function addToCounter(
  tx: TxStore,
  collection: typeof C.points_caps,
  fresh: PointsCap,
  amount: number,
): Promise<number>
export async function addToCounter(
  tx: TxStore,
  collection: typeof C.points_redeem_limits,
  fresh: RedeemLimit,
  amount: number,
): Promise<number>
export async function addToCounter(
  tx: TxStore,
  collection: UsedCounter,
  fresh: PointsCap | RedeemLimit,
  amount: number,
): Promise<number> {
  const doc = (await tx.get(collection, fresh._id)) ?? fresh
  const used = Math.max(0, doc.used + amount)
  await tx.set(collection, { ...doc, used })
  return used
}

/** Gives back the cap room an award held (rejected or withdrawn awards never count). */
export async function releaseCap(
  tx: TxStore,
  a: PointsAward,
  rule: Pick<PointsRule, 'capPerMonth'> | null,
): Promise<void> {
  if (rule && rule.capPerMonth === null) return
  const id = pointsKeys.cap(a.householdId, a.ruleId, a.month)
  if (await tx.get(C.points_caps, id)) {
    await addToCounter(
      tx,
      C.points_caps,
      { _id: id, householdId: a.householdId, ruleId: a.ruleId, month: a.month, used: 0 },
      -Math.abs(a.delta),
    )
  }
}

function emptyVillageMonth(villageId: string, month: string): VillageMonth {
  return {
    _id: pointsKeys.villageMonth(villageId, month),
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
}

/** Adds to a village's month counters without reading them first (only the top-level numbers). */
export async function incVillageMonth(
  tx: TxStore,
  villageId: string,
  month: string,
  deltas: Partial<Record<NumericKeys<VillageMonth>, number>>,
): Promise<void> {
  await tx.inc(C.points_village_months, emptyVillageMonth(villageId, month), deltas)
}

/** Reads, changes and writes a village's month counters (one document by deterministic id): the points by category. */
export async function bumpVillageMonth(
  tx: TxStore,
  villageId: string,
  month: string,
  change: (s: VillageMonth) => void,
): Promise<void> {
  const id = pointsKeys.villageMonth(villageId, month)
  const s = (await tx.get(C.points_village_months, id)) ?? emptyVillageMonth(villageId, month)
  const next: VillageMonth = {
    ...s,
    givenByCategory: { ...s.givenByCategory },
    deductedByCategory: { ...s.deductedByCategory },
  }
  change(next)
  await tx.set(C.points_village_months, next)
}

/** The unit a batch is decided in (its village), and the batch as read before the transaction, for an action's `load`. */
export async function batchUnit(
  { batchId }: { batchId: string },
  ctx: ActionContext,
): Promise<{ unitId: string; batch: PointsBatch }> {
  // as the action's prefetch read it beside the caller (approve, reject), else now
  const early = ctx.takePrefetched() as Promise<PointsBatch> | undefined
  const batch = await (early ?? loadBatch(ctx.db, batchId))
  return { unitId: batch.villageId, batch }
}

/**
 * Decides a pending batch in the caller's transaction: refuses one already decided, or one the caller is part of
 * (their own proposal or household), moves each award still waiting (`move`: what its decision sets on it), lets
 * `apply` do the rest with the awards as moved, and records the decision; returns the batch as decided.
 *
 * `loaded`: the batch as `load` read it (issue #21: not read again). A batch is decided only together with all of
 * its awards, each moved from 'proposed' in the same transaction, and nothing else moves a proposed award: so when
 * this transaction moves every award of the batch from proposed, no decision landed before it, and the batch is
 * still pending as loaded (a decision landing at the same time writes the same awards: one of the two fails). Each
 * award is moved only while it is still proposed, in one request (`updateIf`: not read, then written); one that is
 * not (or a batch naming none) has the batch read again here, as before.
 */
export async function decideBatch(
  tx: TxStore,
  ctx: WriteContext,
  batchId: string,
  decision: { status: 'approved' | 'rejected'; note: string | null },
  move: NonNullable<Change<PointsAward>['set']>,
  apply: (awards: PointsAward[], batch: PointsBatch) => Promise<void>,
  loaded?: PointsBatch,
): Promise<PointsBatch> {
  const me = ctx.caller.user
  const fromLoad = !!loaded && loaded._id === batchId && loaded.awardIds.length > 0
  let b = fromLoad ? loaded! : await loadBatch(tx, batchId)
  if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
  const awards: PointsAward[] = []
  let allProposed = true
  for (const id of b.awardIds) {
    const a = await tx.updateIf(C.points_awards, id, { status: 'proposed' }, { set: move })
    if (a) awards.push(a)
    else allProposed = false
  }
  if (fromLoad && !allProposed) {
    b = await loadBatch(tx, batchId)
    if (b.status !== 'pending') throw PointsErrors.BATCH_DECIDED()
  }
  refuseOwnMatter(ctx, { proposedBy: b.proposedBy, householdIds: awards.map((a) => a.householdId) })
  await apply(awards, b)
  const decided: PointsBatch = {
    ...b,
    status: decision.status,
    decidedBy: me._id,
    decidedByName: me.name,
    decidedAt: ctx.now,
    decisionNote: decision.note,
  }
  await tx.set(C.points_batches, decided)
  return decided
}
