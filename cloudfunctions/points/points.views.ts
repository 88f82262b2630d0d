import { maskName } from '@shared/mask'
import type {
  AwardView,
  BatchView,
  EntryView,
  Goods,
  GoodsView,
  LedgerEntry,
  ObjectionView,
  PointsAward,
  PointsBatch,
  PointsObjection,
  PointsRule,
  PublicItem,
  Redemption,
  RedemptionView,
  RuleView,
} from '@shared/points/points.schema'
import { pickupQr } from '@shared/points/points.rules'
import {
  AWARD_STATUSES,
  BATCH_STATUSES,
  ENTRY_KINDS,
  OBJECTION_STATUSES,
  REDEMPTION_STATUSES,
} from '@shared/points/points.states'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'
import { loadAward, loadBatch, loadObjection, loadRedemption } from './points.repo'

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
 * the local host, temporary URLs on CloudBase): one call, which the file port deduplicates and splits into
 * CloudBase's 50-a-call batches. Only for officials' views, and only after a commit (present), never in one.
 */
export async function evidenceUrls(
  rt: Runtime,
  batches: ReadonlyArray<Pick<PointsBatch, 'evidence'>>,
): Promise<Record<string, string>> {
  return rt.files.urls(batches.flatMap((b) => b.evidence))
}

/** `urls` from evidenceUrls. */
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

/**
 * An award as the village sees it in publicity: names masked, no evidence photos. `mine` is the caller's own
 * objection to it, if any; `canObject` whether the caller may object at all.
 */
export function publicItemView(
  a: PointsAward,
  me: { householdId: string | null },
  mine: PointsObjection | undefined,
  canObject: boolean,
  now: number,
): PublicItem {
  const open = (a.status === 'publicity' || a.status === 'objected') && (a.publicUntil ?? 0) > now
  return {
    id: a._id,
    headNameMasked: maskName(a.headName),
    memberNameMasked: a.memberName ? maskName(a.memberName) : null,
    ruleName: a.ruleName,
    category: a.category,
    delta: a.delta,
    note: a.note,
    status: a.status,
    statusLabel: AWARD_STATUSES[a.status].label,
    approvedAt: a.approvedAt,
    publicUntil: a.publicUntil,
    objections: a.objections,
    mine: a.householdId === me.householdId,
    myObjection: mine?.status ?? null,
    canObject: open && canObject && !mine,
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

/**
 * A redemption with its household's head. The pickup code (and its QR) shows only while the goods can still be
 * picked up; the store's list passes `withCode = false`, so a keeper learns a code only from the household.
 */
export function redemptionView(r: Redemption, headName: string, withCode = true): RedemptionView {
  const live = withCode && r.status === 'pending'
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

// ---- after a commit: what a write presents, read by id (for a fresh call and a replay alike) ----

/** A batch as the calling official sees it, with fresh evidence URLs. */
export async function presentBatch(ctx: ActionContext, batchId: string): Promise<BatchView> {
  const batch = await loadBatch(ctx.db, batchId)
  return batchView(batch, ctx.caller.user._id, await evidenceUrls(ctx.rt, [batch]))
}

export async function presentObjection(ctx: ActionContext, objectionId: string): Promise<ObjectionView> {
  const o = await loadObjection(ctx.db, objectionId)
  return objectionView(o, await loadAward(ctx.db, o.awardId))
}

export async function presentRedemption(ctx: ActionContext, redemptionId: string): Promise<RedemptionView> {
  const r = await loadRedemption(ctx.db, redemptionId)
  return redemptionView(r, (await ctx.db.get(C.households, r.householdId))?.headName ?? '')
}
