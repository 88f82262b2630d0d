import { FileIdSchema, type PhotoView } from '@shared/files'
import { render, type Lang } from '@shared/i18n/i18n'
import { maskName } from '@shared/mask'
import { say, shown } from '@shared/points/points.messages'
import {
  categoryCode,
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
  type PublicItem,
  type Redemption,
  type RedemptionView,
  type RuleCategory,
  type RuleView,
} from '@shared/points/points.schema'
import { conflictOf } from '@shared/points/points.rules'
import { qrPng } from '../_core/qr'
import { pickupPayload, pointsCodeKey } from './points.codes'
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
import { REPORT_REWARD, loadAward, loadBatch, loadGoods, loadObjection, loadRedemption } from './points.repo'

/**
 * Labels are rendered here, in the caller's language (`ctx.lang`), for every view of the domain: status, kind,
 * category and mode come as a code and its `…Label`. A category is shown by its code whatever a document carries
 * (older documents carry the Chinese name).
 */
function category(stored: string | null | undefined, lang: Lang): { category: RuleCategory; categoryLabel: string } {
  const code = categoryCode(stored) ?? 'other'
  return { category: code, categoryLabel: say(`points.category.${code}`, lang) }
}

export function ruleView(r: PointsRule, lang: Lang): RuleView {
  return {
    id: r._id,
    villageId: r.villageId,
    code: r.code,
    name: r.name,
    ...category(r.category, lang),
    points: r.points,
    clause: r.clause,
    evidenceRequired: r.evidenceRequired,
    capPerMonth: r.capPerMonth,
    mode: r.mode,
    modeLabel: say(`points.mode.${r.mode}`, lang),
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
  batches: ReadonlyArray<Pick<PointsBatch, 'evidence' | 'evidencePassed'>>,
): Promise<Record<string, string>> {
  // the checks of evidence the batch keeps as passed are not read (a passed check stays passed)
  const passed = new Set(batches.flatMap((b) => b.evidencePassed ?? []))
  return rt.files.urls(
    batches.flatMap((b) => b.evidence),
    undefined,
    passed,
  )
}

/** `urls` from evidenceUrls. */
export function batchView(
  b: PointsBatch,
  callerId: string,
  urls: Readonly<Record<string, string>>,
  lang: Lang,
): BatchView {
  return {
    id: b._id,
    villageId: b.villageId,
    rule: { id: b.ruleId, code: b.ruleCode, name: b.ruleName, ...category(b.category, lang), version: b.ruleVersion },
    note: b.note,
    evidence: b.evidence.map((fileId) => ({ fileId, url: urls[fileId] ?? '' })),
    households: b.households,
    totalPoints: b.totalPoints,
    status: b.status,
    statusLabel: say(BATCH_STATUSES[b.status].label, lang),
    proposedBy: b.proposedBy,
    proposedByName: b.proposedByName,
    proposedAt: b.proposedAt,
    decidedByName: b.decidedByName,
    decidedAt: b.decidedAt,
    decisionNote: b.decisionNote,
    canDecide: b.status === 'pending' && b.proposedBy !== callerId,
  }
}

export function awardView(a: PointsAward, lang: Lang): AwardView {
  return {
    id: a._id,
    batchId: a.batchId,
    householdId: a.householdId,
    headName: a.headName,
    memberName: a.memberName,
    ruleName: a.ruleName,
    ...category(a.category, lang),
    quantity: a.quantity,
    delta: a.delta,
    note: a.note,
    status: a.status,
    statusLabel: say(AWARD_STATUSES[a.status].label, lang),
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
  lang: Lang,
): PublicItem {
  const open = (a.status === 'publicity' || a.status === 'objected') && (a.publicUntil ?? 0) > now
  return {
    id: a._id,
    headNameMasked: maskName(a.headName),
    memberNameMasked: a.memberName ? maskName(a.memberName) : null,
    ruleName: a.source ? say('points.reward.rule', lang) : a.ruleName,
    ...category(a.category, lang),
    delta: a.delta,
    note: a.note,
    status: a.status,
    statusLabel: say(AWARD_STATUSES[a.status].label, lang),
    approvedAt: a.approvedAt,
    publicUntil: a.publicUntil,
    objections: a.objections,
    mine: a.householdId === me.householdId,
    myObjection: mine?.status ?? null,
    canObject: open && canObject && !mine,
    source: a.source ? say('points.reward.source', lang, { code: a.source.code }) : null,
  }
}

/**
 * An objection as the officials see it. `canDecide`: the caller may decide objections in the village (`mayDecide`),
 * it is still open, and the caller neither proposed the award, filed the objection nor belongs to the household it
 * is about (resolveObjection refuses those).
 */
export function objectionView(
  o: PointsObjection,
  a: PointsAward,
  caller: { _id: string; householdId: string | null },
  lang: Lang,
  mayDecide: boolean,
): ObjectionView {
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
    statusLabel: say(OBJECTION_STATUSES[o.status].label, lang),
    createdAt: o.createdAt,
    resolvedAt: o.resolvedAt,
    resolutionNote: o.resolutionNote,
    canDecide:
      mayDecide &&
      o.status === 'open' &&
      conflictOf(
        { userId: caller._id, householdId: caller.householdId },
        { proposedBy: a.proposedBy, objectorId: o.userId, householdIds: [a.householdId] },
      ) === null,
  }
}

/**
 * A ledger line's reason in the reader's language: what the system wrote (a MessageRef, with its remarks), or the
 * text a person typed or an older entry carries. A ref whose catalogue this function does not know (another
 * domain's) shows the Chinese text kept beside it.
 */
export function entryReason(e: LedgerEntry, lang: Lang): string {
  if (!e.reasonRef) return e.reason
  const text = render(e.reasonRef, lang)
  if (!text) return e.reason
  return text + (e.notes ?? []).map((n) => shown(n, lang)).join('')
}

export function entryView(e: LedgerEntry, lang: Lang): EntryView {
  const cat = e.category === null ? null : category(e.category, lang)
  return {
    id: e._id,
    kind: e.kind,
    kindLabel: say(ENTRY_KINDS[e.kind], lang),
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    ruleName: e.ruleName ?? (e.ruleCode === REPORT_REWARD ? say('points.reward.rule', lang) : null),
    category: cat?.category ?? null,
    categoryLabel: cat?.categoryLabel ?? null,
    reason: entryReason(e, lang),
    memberName: e.memberName,
    at: e.at,
  }
}

/**
 * The goods' photo, only if the document names a file of ours: an older document's URL or any other string is
 * never echoed to a client as something to load.
 */
export function goodsPhotoId(g: Pick<Goods, 'photo'>): string | null {
  return g.photo && FileIdSchema.safeParse(g.photo).success ? g.photo : null
}

/** Display URLs for the goods' photos (one call to the file port), after the caller's access check. */
export async function goodsPhotoUrls(rt: Runtime, goods: ReadonlyArray<Pick<Goods, 'photo'>>) {
  const ids = goods.map(goodsPhotoId).filter((id): id is string => id !== null)
  return ids.length ? rt.files.urls(ids) : {}
}

/** `urls` from goodsPhotoUrls. */
export function goodsView(g: Goods, urls: Readonly<Record<string, string>>, takenThisMonth = 0): GoodsView {
  const photoId = goodsPhotoId(g)
  const photo: PhotoView | null = photoId ? { fileId: photoId, url: urls[photoId] ?? '' } : null
  return {
    id: g._id,
    villageId: g.villageId,
    name: g.name,
    photo,
    price: g.price,
    stock: g.stock,
    limitPerMonth: g.limitPerMonth,
    active: g.active,
    sort: g.sort,
    takenThisMonth,
  }
}

/**
 * A redemption with its household's head. The pickup code (and its signed QR) shows only while the goods can still
 * be picked up; the store's list passes `codeKey = null`, so a keeper learns a code only from the household. The
 * QR's image is drawn only for the household's own views (`withQrImage`).
 */
export function redemptionView(r: Redemption, headName: string, lang: Lang, codeKey: string | null): RedemptionView {
  const live = codeKey !== null && r.status === 'pending'
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
    statusLabel: say(REDEMPTION_STATUSES[r.status].label, lang),
    code: live ? r.code : null,
    qr: live ? pickupPayload(codeKey, r) : null,
    qrImage: null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    closedAt: r.closedAt,
  }
}

/** The view with its QR drawn (the household shows it to the keeper's scanner). */
export async function withQrImage(view: RedemptionView): Promise<RedemptionView> {
  return view.qr ? { ...view, qrImage: await qrPng(view.qr, 360) } : view
}

// ---- after a commit: what a write presents, read by id (for a fresh call and a replay alike) ----

/** A batch as the calling official sees it, with fresh evidence URLs. */
/** A batch after a write: `written` is the batch as the write's transaction left it (no read), else it is read. */
export async function presentBatch(ctx: ActionContext, batchId: string, written?: PointsBatch): Promise<BatchView> {
  const batch = written?._id === batchId ? written : await loadBatch(ctx.db, batchId)
  return batchView(batch, ctx.caller.user._id, await evidenceUrls(ctx.rt, [batch]), ctx.lang)
}

export async function presentObjection(ctx: ActionContext, objectionId: string): Promise<ObjectionView> {
  const o = await loadObjection(ctx.db, objectionId)
  const mayDecide = await ctx.can('points_approve', o.villageId)
  return objectionView(o, await loadAward(ctx.db, o.awardId), ctx.caller.user, ctx.lang, mayDecide)
}

/** A redemption as its write's transaction left it, with the household's head as that write read it. */
export interface WrittenRedemption {
  redemption: Redemption
  headName: string
}

/**
 * A redemption after a write; `forHousehold` draws its QR (the resident who redeemed shows it next). `written`: the
 * redemption as the write left it (nothing read), else it and its household are read.
 */
export async function presentRedemption(
  ctx: ActionContext,
  redemptionId: string,
  forHousehold = false,
  written?: WrittenRedemption,
): Promise<RedemptionView> {
  const mine = written?.redemption._id === redemptionId ? written : undefined
  const r = mine?.redemption ?? (await loadRedemption(ctx.db, redemptionId))
  const headName = mine ? mine.headName : ((await ctx.db.get(C.households, r.householdId))?.headName ?? '')
  const view = redemptionView(r, headName, ctx.lang, pointsCodeKey(ctx.rt))
  return forHousehold ? withQrImage(view) : view
}

/** Goods as the goods manager sees them after a write, with a fresh photo URL. */
export async function presentGoods(ctx: ActionContext, goodsId: string): Promise<GoodsView> {
  const g = await loadGoods(ctx.db, goodsId)
  return goodsView(g, await goodsPhotoUrls(ctx.rt, [g]))
}
