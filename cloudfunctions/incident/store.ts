import type { Unit, User } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { CommonErrors } from '@shared/errors'
import { IncidentErrors } from '@shared/incident/incident.contract'
import {
  DEFAULT_CATEGORIES,
  RATING_LABELS,
  type Category,
  type CounterField,
  type HandlerLevel,
  type Incident,
  type IncidentConfig,
  type IncidentEvent,
  type IncidentStat,
  type IncidentSummary,
  type IncidentView,
  type InboxMessage,
  type TimelineEntry,
} from '@shared/incident/incident.schema'
import { ACTION_ACTOR, ACTION_LABELS, STATUS_META, nextState } from '@shared/incident/incident.states'
import { maskName, maskPhone } from '@shared/mask'
import { stableId } from '../_core/ids'
import type { Doc, Filter, TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'

export const INCIDENTS = 'incidents'
export const EVENTS = 'incident_events'
export const INBOX = 'incident_inbox'
export const STATS = 'incident_stats'

export async function loadIncident(ctx: Pick<ActionContext, 'db'>, id: string): Promise<Incident> {
  const inc = await ctx.db.get<Incident>(INCIDENTS, id)
  if (!inc) throw IncidentErrors.NOT_FOUND()
  return inc
}

/** A grid's ancestry by level, from its unit path (prefecture › county › township › village › grid). */
export interface GridPlace {
  prefectureId: string
  countyId: string
  townshipId: string
  villageId: string
  gridId: string
}

export async function placeOfGrid(rt: Runtime, gridId: string): Promise<GridPlace> {
  const grid = await rt.units.get(gridId)
  if (!grid) throw IncidentErrors.NO_GRID()
  if (grid.level !== 'grid' || grid.path.length !== 5) throw IncidentErrors.NOT_A_GRID()
  const [prefectureId, countyId, townshipId, villageId] = grid.path as [string, string, string, string, string]
  return { prefectureId, countyId, townshipId, villageId, gridId }
}

/** The units whose figures an incident counts in (prefecture down to grid). */
export function countedUnits(p: GridPlace): string[] {
  return [p.prefectureId, p.countyId, p.townshipId, p.villageId, p.gridId]
}

export function unitForLevel(
  inc: Pick<Incident, 'gridId' | 'villageId' | 'townshipId' | 'departmentId'>,
  level: HandlerLevel,
): string {
  if (level === 'grid') return inc.gridId
  if (level === 'village') return inc.villageId
  if (level === 'township') return inc.townshipId
  if (!inc.departmentId) throw new Error('department level without a department')
  return inc.departmentId
}

/** The incident field that places it under a unit of this level (for indexed unit queries). */
export function fieldForUnit(unit: Unit): string {
  switch (unit.level) {
    case 'prefecture':
      return 'prefectureId'
    case 'county':
      return 'countyId'
    case 'township':
      return 'townshipId'
    case 'village':
      return 'villageId'
    case 'grid':
      return 'gridId'
    case 'department':
      return 'departmentId'
  }
}

export async function unitFilter(rt: Runtime, unitId: string): Promise<Filter> {
  const unit = await rt.units.get(unitId)
  if (!unit) throw CommonErrors.NOT_FOUND('没有找到相关单位')
  return { [fieldForUnit(unit)]: unitId }
}

const PAGE = 1000

/** Every doc matching, in pages of 1000 (CloudBase's largest page), in `_id` order. */
async function findAll<T extends Doc>(rt: Runtime, collection: string, where: Filter): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const rows = await rt.db.find<T>(collection, { where, orderBy: [['_id', 'asc']], limit: PAGE, offset: out.length })
    out.push(...rows)
    if (rows.length < PAGE) return out
  }
}

/**
 * Grids under a unit (the safe-report roll call, grid-days in figures): one indexed `parentId in […]` query per
 * level below the unit (≤ 4 at a prefecture, in chunks of 100 parents), so the cost follows the grids found,
 * not one query per unit of the subtree; then kept for as long as units are (UnitDirectory.memo).
 */
export function gridsUnder(rt: Runtime, unitId: string): Promise<Unit[]> {
  return rt.units.memo(`grids-under:${unitId}`, () => walkGrids(rt, unitId))
}

async function walkGrids(rt: Runtime, unitId: string): Promise<Unit[]> {
  const unit = await rt.units.get(unitId)
  if (!unit) return []
  if (unit.level === 'grid') return [unit]
  if (unit.level === 'department') return []
  const grids: Unit[] = []
  let parents = [unitId]
  while (parents.length) {
    const next: string[] = []
    for (let i = 0; i < parents.length; i += 100) {
      for (const u of await findAll<Unit>(rt, 'units', { parentId: { $in: parents.slice(i, i + 100) } })) {
        if (u.level === 'grid') grids.push(u)
        else if (u.level !== 'department') next.push(u._id)
      }
    }
    parents = next
  }
  return grids.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}

/** Grid count under each unit right below `unit` (by the grid's path), from one walk of the subtree. */
export async function gridCountsBelow(rt: Runtime, unit: Unit): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (unit.level === 'grid' || unit.level === 'department') return out
  const depth = unit.path.length
  for (const g of await gridsUnder(rt, unit._id)) {
    const child = g.path[depth]
    if (child) out.set(child, (out.get(child) ?? 0) + 1)
  }
  return out
}

/** The monthly counters of several units in one indexed query (`[unitId, month]`), by unit. */
export async function statsOf(
  rt: Runtime,
  unitIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, IncidentStat[]>> {
  const out = new Map<string, IncidentStat[]>(unitIds.map((u) => [u, []]))
  const per = Math.max(1, Math.floor(PAGE / Math.max(1, months.length)))
  for (let i = 0; i < unitIds.length; i += per) {
    const docs = await rt.db.find<IncidentStat>(STATS, {
      where: { unitId: { $in: unitIds.slice(i, i + per) }, month: { $in: [...months] } },
      limit: PAGE,
    })
    for (const d of docs) out.get(d.unitId)?.push(d)
  }
  return out
}

export async function categoriesFor(rt: Runtime, countyId: string): Promise<Category[]> {
  const cfg = await rt.db.get<IncidentConfig>('incident_configs', countyId)
  return cfg?.categories ?? DEFAULT_CATEGORIES.map((c) => ({ ...c }))
}

// ---- counters ----

export type Deltas = Partial<Record<CounterField, number>>

/** Adds to the per-unit per-month counters inside the caller's transaction (read, add, write by id). */
export async function bump(tx: TxStore, unitIds: readonly string[], month: string, deltas: Deltas): Promise<void> {
  const entries = Object.entries(deltas).filter(([, v]) => v)
  if (!entries.length) return
  for (const unitId of new Set(unitIds)) {
    const id = stableId('ist', unitId, month)
    const doc = (await tx.get<IncidentStat>(STATS, id)) ?? ({ _id: id, unitId, month } as IncidentStat)
    const next = { ...doc } as Record<string, unknown>
    for (const [f, v] of entries) next[f] = Number(next[f] ?? 0) + (v as number)
    await tx.set(STATS, next as IncidentStat)
  }
}

// ---- timeline and inbox ----

/**
 * An incident's events by its id and sequence number: a second step on the same seq is a duplicate, and a
 * new incident's events go in at the end of the index (incident ids start with their time), where the
 * hashed ids used before went anywhere in a table of a million. Events written before keep their ids;
 * nothing looks an event up by id.
 */
export function eventId(incidentId: string, seq: number): string {
  return `ie_${incidentId}_${String(seq).padStart(4, '0')}`
}

/** Inserts an event with the next sequence number (a concurrent step on the same seq fails as a duplicate). */
export async function appendEvent(tx: TxStore, event: Omit<IncidentEvent, '_id'>): Promise<IncidentEvent> {
  const doc: IncidentEvent = { _id: eventId(event.incidentId, event.seq), ...event }
  await tx.insert(EVENTS, doc)
  return doc
}

export interface Tell {
  title: string
  body: string
}

/**
 * One message per person, case, step and title (told twice in a step, it is stored once), with the time
 * first so new messages go in at the end of the index instead of at random places.
 */
export function inboxId(userId: string, incidentId: string | null, seq: number, title: string, at: number): string {
  return `im_${at.toString(36).padStart(9, '0')}${stableId('', userId, incidentId ?? '-', String(seq), title).slice(1, 17)}`
}

/** Inbox messages for people (written in the transaction); returns them for the push after commit. */
export async function tellInTx(
  tx: TxStore,
  userIds: readonly string[],
  incidentId: string | null,
  seq: number,
  t: Tell,
  at: number,
): Promise<InboxMessage[]> {
  const out: InboxMessage[] = []
  for (const userId of new Set(userIds)) {
    const msg: InboxMessage = {
      _id: inboxId(userId, incidentId, seq, t.title, at),
      userId,
      incidentId,
      title: t.title,
      body: t.body,
      at,
      readAt: null,
    }
    await tx.set(INBOX, msg)
    out.push(msg)
  }
  return out
}

/** WeChat pushes after the transaction committed; never fails the action. */
export async function pushAfter(rt: Runtime, messages: readonly InboxMessage[]): Promise<void> {
  for (const m of messages) {
    try {
      const user = await rt.db.get<User>('users', m.userId)
      await rt.notifier.push({
        userId: m.userId,
        openid: user?.openid ?? null,
        title: m.title,
        body: m.body,
        incidentId: m.incidentId,
        at: m.at,
      })
    } catch (err) {
      rt.log.error('push failed', { error: err instanceof Error ? err.message : String(err) })
    }
  }
}

export function audience(inc: Pick<Incident, 'reporterId' | 'followerIds'>): string[] {
  return [inc.reporterId, ...inc.followerIds]
}

// ---- access and views ----

export type Access = 'handler' | 'reporter' | 'public'

export async function accessOf(inc: Incident, ctx: ActionContext): Promise<Access> {
  if (await ctx.can('incident_view', inc.gridId)) return 'handler'
  if (inc.departmentId && (await ctx.can('incident_view', inc.departmentId))) return 'handler'
  if (inc.reporterId === ctx.caller.user._id) return 'reporter'
  return 'public'
}

export async function areaName(rt: Runtime, gridId: string): Promise<string> {
  return (await rt.units.ref(gridId))?.fullName ?? gridId
}

export async function toSummary(rt: Runtime, inc: Incident): Promise<IncidentSummary> {
  return {
    id: inc._id,
    code: inc.code,
    category: inc.category,
    categoryLabel: inc.categoryLabel,
    severity: inc.severity,
    status: inc.status,
    statusLabel: STATUS_META[inc.status].label,
    open: inc.open,
    overdue: inc.overdue,
    description: inc.description,
    area: await areaName(rt, inc.gridId),
    reportedAt: inc.reportedAt,
    dueAt: inc.dueAt,
    level: inc.level,
    joinCount: inc.joinCount,
    rating: inc.rating,
  }
}

const MOVES = ['accept', 'resolve', 'escalate', 'reject', 'dispatch', 'feedback', 'close'] as const

export async function actionsFor(inc: Incident, ctx: ActionContext): Promise<IncidentView['actions']> {
  const out: IncidentView['actions'] = []
  for (const a of MOVES) {
    if (nextState(inc, a) && (await ctx.can(ACTION_ACTOR[a] as Permission, inc.handlerUnitId))) out.push(a)
  }
  const me = ctx.caller.user._id
  if (inc.status === 'resolved' && inc.reporterId === me) out.push('rate')
  if (
    inc.departmentId &&
    inc.reportedBackAt &&
    inc.deptScore === null &&
    inc.dispatchUnitId &&
    (await ctx.can('incident_rate_dept', inc.dispatchUnitId))
  )
    out.push('rateDepartment')
  if (
    inc.category === 'dispute' &&
    inc.open &&
    (inc.level === 'grid' || inc.level === 'village') &&
    (await ctx.can('incident_resolve', inc.handlerUnitId))
  )
    out.push('mediate')
  if (
    inc.open &&
    inc.reporterId !== me &&
    !inc.followerIds.includes(me) &&
    (await ctx.can('incident_create', inc.gridId))
  )
    out.push('join')
  return out
}

export async function loadEvents(ctx: Pick<ActionContext, 'db'>, incidentId: string): Promise<IncidentEvent[]> {
  return ctx.db.find<IncidentEvent>(EVENTS, { where: { incidentId }, orderBy: [['seq', 'asc']], limit: 200 })
}

/**
 * What a caller sees of an incident. Handlers: everything. The reporter: their report, notes and photos,
 * handlers' names masked. Everyone else: a public summary with no location, photos, notes or names.
 */
export async function toView(
  inc: Incident,
  ctx: ActionContext,
  events: readonly IncidentEvent[],
  access?: Access,
): Promise<IncidentView> {
  const rt = ctx.rt
  const acc = access ?? (await accessOf(inc, ctx))
  const mine = inc.reporterId === ctx.caller.user._id
  const seesDetail = acc !== 'public'
  const fileIds = seesDetail ? [...inc.photos, ...events.flatMap((e) => e.photos)] : []
  const urls = fileIds.length ? await rt.files.urls(fileIds) : {}
  const photo = (id: string) => ({ fileId: id, url: urls[id] ?? '' })
  const unitNames = new Map<string, string>()
  for (const e of events)
    if (!unitNames.has(e.unitId)) unitNames.set(e.unitId, (await rt.units.get(e.unitId))?.name ?? '')

  const timeline: TimelineEntry[] = events.map((e) => {
    const reporterStep =
      e.action === 'report' || e.action === 'rate_ok' || e.action === 'rate_unsatisfied' || e.action === 'join'
    let byName: string
    if (acc === 'handler') byName = e.byName
    else if (e.byUserId === ctx.caller.user._id) byName = e.byName
    else if (reporterStep) byName = inc.anonymous && e.action === 'report' ? '匿名群众' : maskName(e.byName)
    else byName = e.byUserId ? maskName(e.byName) : e.byName
    return {
      seq: e.seq,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action],
      statusLabel: STATUS_META[e.toStatus].label,
      unitName: unitNames.get(e.unitId) ?? '',
      byName,
      at: e.at,
      note: seesDetail ? e.note : '',
      photos: seesDetail ? e.photos.map(photo) : [],
    }
  })

  let reporterName: string
  let reporterPhone: string | null = null
  if (acc === 'handler') {
    reporterName = inc.reporterName
    reporterPhone = inc.reporterPhone
  } else if (mine) {
    reporterName = inc.reporterName
    reporterPhone = maskPhone(inc.reporterPhone)
  } else {
    reporterName = inc.anonymous ? '匿名群众' : maskName(inc.reporterName)
  }

  return {
    ...(await toSummary(rt, inc)),
    access: acc,
    photos: seesDetail ? inc.photos.map(photo) : [],
    location: seesDetail ? inc.location : null,
    address: seesDetail ? inc.address : null,
    reporterName,
    reporterPhone,
    anonymous: inc.anonymous,
    handlerUnit: (await rt.units.ref(inc.handlerUnitId))!,
    department: inc.departmentId ? await rt.units.ref(inc.departmentId) : null,
    dispatchDeadline: inc.dispatchDeadline,
    resolution: inc.resolution,
    resolvedAt: inc.resolvedAt,
    ratingLabel: inc.rating ? RATING_LABELS[inc.rating] : null,
    ratingComment: seesDetail ? inc.ratingComment : null,
    deptScore: acc === 'handler' ? inc.deptScore : null,
    rejectReason: inc.rejectReason,
    dispute: acc === 'handler' ? inc.dispute : null,
    mine,
    actions: await actionsFor(inc, ctx),
    timeline,
  }
}

/** Adopts photos for the caller (owner, type, size, EXIF) before the transaction. */
export async function adoptPhotos(ctx: ActionContext, photos: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const id of new Set(photos)) out.push(await ctx.rt.files.adoptPhoto(id, ctx.caller.user._id))
  return out
}

export async function checkText(ctx: ActionContext, text: string): Promise<void> {
  if (!text.trim()) return
  const verdict = await ctx.rt.contentSafety.check(text, ctx.caller.user.openid)
  if (!verdict.pass) throw IncidentErrors.CONTENT_UNSAFE()
}
