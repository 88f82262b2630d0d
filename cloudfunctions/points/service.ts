import type { Household } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { CommonErrors } from '@shared/errors'
import {
  DEFAULT_PICKUP_DAYS,
  DEFAULT_PUBLICITY_DAYS,
  type AwardView,
  type BatchView,
  type EntryView,
  type Goods,
  type GoodsView,
  type LedgerEntry,
  type ObjectionView,
  type PointsAward,
  type PointsBatch,
  type PointsObjection,
  type PointsRule,
  type PointsSettings,
  type Redemption,
  type RedemptionView,
  type RuleView,
} from '@shared/points/points.schema'
import { PointsErrors } from '@shared/points/points.errors'
import { pickupQr } from '@shared/points/points.rules'
import {
  AWARD_STATUSES,
  BATCH_STATUSES,
  ENTRY_KINDS,
  OBJECTION_STATUSES,
  REDEMPTION_STATUSES,
} from '@shared/points/points.states'
import type { DataPort, Filter, TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'
import { addToCounter, appendEntry, bumpVillageMonth } from './ledger'
import { pointsKeys } from './keys'

// ---- who may see what ----

/** Whether unit `unitId` is the village, inside it, or above it. */
async function related(ctx: ActionContext, unitId: string, villageId: string): Promise<boolean> {
  const unit = await ctx.rt.units.get(unitId)
  if (!unit) return false
  if (unit.path.includes(villageId)) return true
  const village = await ctx.rt.units.get(villageId)
  return !!village && village.path.includes(unitId)
}

/**
 * Residents hold their permissions in a grid, below the village the points domain works in. For
 * their actions the wrapper checks "anywhere" and this checks the grant is in (or above) this village.
 */
export async function requireInVillage(ctx: ActionContext, permission: Permission, villageId: string): Promise<void> {
  for (const root of ctx.scopeRoots(permission)) if (await related(ctx, root, villageId)) return
  throw CommonErrors.OUT_OF_SCOPE()
}

/** Publicity, the board, the rules and the store are for people of the village (and those above it). */
export async function requireVillageMember(ctx: ActionContext, villageId: string): Promise<void> {
  const village = await ctx.rt.units.get(villageId)
  if (!village || village.level !== 'village') throw CommonErrors.NOT_FOUND('没有找到这个村（社区）')
  const units = [
    ...ctx.caller.grants.map((g) => g.unitId),
    ...(ctx.caller.user.residenceUnitId ? [ctx.caller.user.residenceUnitId] : []),
  ]
  for (const u of units) if (await related(ctx, u, villageId)) return
  throw CommonErrors.OUT_OF_SCOPE()
}

export async function myHousehold(ctx: ActionContext): Promise<Household | null> {
  const id = ctx.caller.user.householdId
  return id ? ctx.db.get<Household>('households', id) : null
}

export async function villageName(ctx: ActionContext, villageId: string): Promise<string> {
  return (await ctx.rt.units.get(villageId))?.name ?? villageId
}

export async function settingsOf(db: Pick<DataPort, 'get'> | TxStore, villageId: string): Promise<PointsSettings> {
  return (
    (await db.get<PointsSettings>('points_settings', villageId)) ?? {
      _id: villageId,
      publicityDays: DEFAULT_PUBLICITY_DAYS,
      pickupDays: DEFAULT_PICKUP_DAYS,
      updatedBy: null,
      updatedAt: 0,
    }
  )
}

export async function paged<T extends { _id: string }>(
  db: DataPort,
  collection: string,
  where: Filter,
  orderBy: Array<[string, 'asc' | 'desc']>,
  page: number,
  pageSize: number,
): Promise<{ rows: T[]; total: number; page: number; pageSize: number; hasMore: boolean }> {
  const [rows, total] = await Promise.all([
    db.find<T>(collection, { where, orderBy, limit: pageSize, offset: (page - 1) * pageSize }),
    db.count(collection, where),
  ])
  return { rows, total, page, pageSize, hasMore: page * pageSize < total }
}

// ---- views ----

export function ruleView(r: PointsRule): RuleView {
  return {
    id: r._id,
    villageId: r.villageId,
    code: r.code,
    name: r.name,
    category: r.category,
    points: r.points,
    clause: r.clause,
    evidenceRequired: r.evidenceRequired,
    capPerMonth: r.capPerMonth,
    mode: r.mode,
    active: r.active,
    version: r.version,
    updatedAt: r.updatedAt,
  }
}

/**
 * Display URLs for the evidence photos of these batches, through the runtime's file port (capability URLs on
 * the local host, temporary URLs on CloudBase, which hands out at most 50 per call). Only for officials' views.
 */
export async function evidenceUrls(
  rt: Runtime,
  batches: ReadonlyArray<Pick<PointsBatch, 'evidence'>>,
): Promise<Record<string, string>> {
  // one call; the file port deduplicates and splits into CloudBase's 50-a-call batches
  return rt.files.urls(batches.flatMap((b) => b.evidence))
}

/** `urls` from evidenceUrls (looked up before any transaction: no storage calls inside one). */
export function batchView(b: PointsBatch, callerId: string, urls: Readonly<Record<string, string>>): BatchView {
  return {
    id: b._id,
    villageId: b.villageId,
    rule: { id: b.ruleId, code: b.ruleCode, name: b.ruleName, category: b.category, version: b.ruleVersion },
    note: b.note,
    evidence: b.evidence.map((fileId) => ({ fileId, url: urls[fileId] ?? '' })),
    households: b.households,
    totalPoints: b.totalPoints,
    status: b.status,
    statusLabel: BATCH_STATUSES[b.status].label,
    proposedBy: b.proposedBy,
    proposedByName: b.proposedByName,
    proposedAt: b.proposedAt,
    decidedByName: b.decidedByName,
    decidedAt: b.decidedAt,
    decisionNote: b.decisionNote,
    canDecide: b.status === 'pending' && b.proposedBy !== callerId,
  }
}

export function awardView(a: PointsAward): AwardView {
  return {
    id: a._id,
    batchId: a.batchId,
    householdId: a.householdId,
    headName: a.headName,
    memberName: a.memberName,
    ruleName: a.ruleName,
    category: a.category,
    quantity: a.quantity,
    delta: a.delta,
    note: a.note,
    status: a.status,
    statusLabel: AWARD_STATUSES[a.status].label,
    publicUntil: a.publicUntil,
    objections: a.objections,
    creditedDelta: a.creditedDelta,
  }
}

export function objectionView(o: PointsObjection, a: PointsAward): ObjectionView {
  return {
    id: o._id,
    awardId: o.awardId,
    headName: a.headName,
    ruleName: a.ruleName,
    delta: a.delta,
    note: a.note,
    userName: o.userName,
    reason: o.reason,
    status: o.status,
    statusLabel: OBJECTION_STATUSES[o.status].label,
    createdAt: o.createdAt,
    resolvedAt: o.resolvedAt,
    resolutionNote: o.resolutionNote,
  }
}

export function entryView(e: LedgerEntry): EntryView {
  return {
    id: e._id,
    kind: e.kind,
    kindLabel: ENTRY_KINDS[e.kind],
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    ruleName: e.ruleName,
    category: e.category,
    reason: e.reason,
    memberName: e.memberName,
    at: e.at,
  }
}

export function goodsView(g: Goods, takenThisMonth = 0): GoodsView {
  return {
    id: g._id,
    villageId: g.villageId,
    name: g.name,
    photo: g.photo,
    price: g.price,
    stock: g.stock,
    limitPerMonth: g.limitPerMonth,
    active: g.active,
    sort: g.sort,
    takenThisMonth,
  }
}

export function redemptionView(r: Redemption, headName: string): RedemptionView {
  const live = r.status === 'pending'
  return {
    id: r._id,
    villageId: r.villageId,
    householdId: r.householdId,
    headName,
    userName: r.userName,
    goodsId: r.goodsId,
    goodsName: r.goodsName,
    quantity: r.quantity,
    points: r.points,
    status: r.status,
    statusLabel: REDEMPTION_STATUSES[r.status].label,
    code: live ? r.code : null,
    qr: live ? pickupQr(r.villageId, r.code) : null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    closedAt: r.closedAt,
  }
}

// ---- state changes shared by several actions ----

/**
 * Credits an award whose publicity has ended without an open objection; a no-op for any other award
 * (so settling is idempotent). Returns the credited points, or null if nothing was done.
 */
export async function creditAward(tx: TxStore, awardId: string, now: number): Promise<number | null> {
  const a = await tx.get<PointsAward>('points_awards', awardId)
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
      reason: (a.note ? `${a.ruleName}：${a.note}` : a.ruleName).slice(0, 300),
      at: now,
    },
    { clip: true },
  )
  await tx.update('points_awards', a._id, { status: 'credited', entryId, creditedDelta: entry.delta, closedAt: now })
  return entry.delta
}

/** Gives back the cap room an award held (rejected or withdrawn awards never count). */
export async function releaseCap(
  tx: TxStore,
  a: PointsAward,
  rule: Pick<PointsRule, 'capPerMonth'> | null,
): Promise<void> {
  if (rule && rule.capPerMonth === null) return
  const id = pointsKeys.cap(a.householdId, a.ruleId, a.month)
  if (await tx.get('points_caps', id)) await addToCounter(tx, 'points_caps', id, {}, -Math.abs(a.delta))
}

/** Credits every due award among `ids`, in one transaction per chunk. */
export async function settleDue(ctx: ActionContext, ids: string[]): Promise<{ settled: number; points: number }> {
  let settled = 0
  let points = 0
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    const r = await ctx.rt.db.transaction(async (tx) => {
      let n = 0
      let p = 0
      for (const id of chunk) {
        const d = await creditAward(tx, id, ctx.now)
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

/**
 * Closes a pending order as cancelled or expired: points back to the household (a refund entry),
 * the goods back on the shelf, the month limit freed and the pickup code retired.
 */
export async function closeUnclaimed(
  tx: TxStore,
  r: Redemption,
  status: 'cancelled' | 'expired',
  by: string | null,
  now: number,
): Promise<Redemption> {
  const refundId = pointsKeys.refundEntry(r._id)
  await appendEntry(tx, {
    _id: refundId,
    householdId: r.householdId,
    kind: 'refund',
    delta: r.points,
    ruleId: null,
    ruleVersion: null,
    ruleCode: null,
    ruleName: null,
    category: null,
    sourceType: 'redemption',
    sourceId: r._id,
    memberUserId: r.userId,
    memberName: r.userName,
    proposedBy: null,
    approvedBy: null,
    reason: `${status === 'cancelled' ? '取消兑换' : '逾期未领'}：${r.goodsName} ×${r.quantity}`,
    at: now,
  })
  const goods = await tx.get<Goods>('points_goods', r.goodsId)
  if (goods) await tx.update('points_goods', goods._id, { stock: goods.stock + r.quantity })
  await addToCounter(
    tx,
    'points_redeem_limits',
    pointsKeys.redeemLimit(r.householdId, r.goodsId, r.month),
    {},
    -r.quantity,
  )
  await tx.remove('points_pickup_codes', pointsKeys.pickupCode(r.villageId, r.code))
  const next: Redemption = { ...r, status, closedAt: now, closedBy: by, refundEntryId: refundId }
  await tx.update('points_redemptions', r._id, { status, closedAt: now, closedBy: by, refundEntryId: refundId })
  await bumpVillageMonth(tx, r.villageId, r.month, (s) => {
    if (status === 'cancelled') s.cancelled += 1
    else s.expired += 1
    s.redeemedPoints -= r.points
  })
  return next
}

/** Expires the given orders if they are still pending and past their pickup time. */
export async function expireDue(ctx: ActionContext, ids: string[]): Promise<number> {
  let n = 0
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50)
    n += await ctx.rt.db.transaction(async (tx) => {
      let k = 0
      for (const id of chunk) {
        const r = await tx.get<Redemption>('points_redemptions', id)
        if (r && r.status === 'pending' && r.expiresAt <= ctx.now) {
          await closeUnclaimed(tx, r, 'expired', null, ctx.now)
          k += 1
        }
      }
      return k
    })
  }
  return n
}

export async function loadOr404<T extends { _id: string }>(
  db: DataPort,
  collection: string,
  id: string,
  err: () => Error,
): Promise<T> {
  const doc = await db.get<T>(collection, id)
  if (!doc) throw err()
  return doc
}

export { PointsErrors }
