import type { Unit } from '@shared/account/account.schema'
import { CommonErrors } from '@shared/errors'
import { IncidentErrors } from '@shared/incident/incident.errors'
import type { MessageRef } from '@shared/i18n/i18n'
import { defaultCategories } from '@shared/incident/incident.labels'
import { COUNTER_FIELDS } from '@shared/incident/incident.keys'
import { sumCounters } from '@shared/incident/incident.rules'
import {
  type Category,
  type CounterField,
  type HandlerLevel,
  type Incident,
  type IncidentCounter,
  type IncidentEvent,
  type InboxMessage,
} from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import { stableId, timeId } from '../_core/ids'
import type { PushMessage, PushProfile } from '../_core/notifier'
import { getOr, mapKey, type DataPort, type Filter, type TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { HolderNotice } from './incident.holders'

/**
 * The incident domain's data: its documents by id, the places of grids, the counters figures come from, the
 * timeline and the inbox. Collections are named in `_core/collections.ts`; their ids are made here.
 */

export async function loadIncident(db: Pick<DataPort, 'get'> | TxStore, id: string): Promise<Incident> {
  return getOr(db, C.incidents, id, IncidentErrors.NOT_FOUND)
}

/** An incident's stored timeline entries, oldest first (its first, the report, is made from it: `timelineOf`). */
export async function loadEvents(db: Pick<DataPort, 'find'>, incidentId: string): Promise<IncidentEvent[]> {
  return db.find(C.incident_events, { where: { incidentId }, orderBy: [['seq', 'asc']], limit: 200 })
}

/**
 * A case's first timeline entry, the report, made from the case's own fields (issue #21: not stored since; a case
 * from before stores it, and `timelineOf` keeps that one).
 */
export function reportEvent(
  inc: Pick<
    Incident,
    '_id' | 'level' | 'handlerUnitId' | 'reportLevel' | 'reportUnitId' | 'reporterId' | 'reporterName' | 'reportedAt'
  >,
): IncidentEvent {
  return {
    _id: eventId(inc._id, 1),
    incidentId: inc._id,
    seq: 1,
    action: 'report',
    fromStatus: null,
    toStatus: 'submitted',
    level: inc.reportLevel ?? inc.level,
    unitId: inc.reportUnitId ?? inc.handlerUnitId,
    byUserId: inc.reporterId,
    byName: inc.reporterName,
    at: inc.reportedAt,
    note: '',
    photos: [],
  }
}

/** A case's whole timeline: its stored entries, after its report's when that one is not stored. */
export function timelineOf(inc: Incident, stored: readonly IncidentEvent[]): IncidentEvent[] {
  return stored[0]?.seq === 1 ? [...stored] : [reportEvent(inc), ...stored]
}

// ---- places ----

/** A grid's ancestry by level, from its unit path (prefecture › county › township › village › grid). */
export interface GridPlace {
  prefectureId: string
  countyId: string
  townshipId: string
  villageId: string
  gridId: string
}

/** The place of a unit that is a grid, or null for any other unit. */
export function gridPlace(unit: Unit): GridPlace | null {
  if (unit.level !== 'grid' || unit.path.length !== 5) return null
  const [prefectureId, countyId, townshipId, villageId] = unit.path as [string, string, string, string, string]
  return { prefectureId, countyId, townshipId, villageId, gridId: unit._id }
}

export async function placeOfGrid(rt: Runtime, gridId: string): Promise<GridPlace> {
  const grid = await rt.units.get(gridId)
  if (!grid) throw IncidentErrors.NO_GRID()
  const place = gridPlace(grid)
  if (!place) throw IncidentErrors.NOT_A_GRID()
  return place
}

/**
 * Where a counted change is kept (issue #21: one write per counted change, not one per unit). A place's is its
 * county's month: the county's own figures at the top, and its township's, village's and grid's in the map `below`,
 * by unit id, in the same document. A prefecture keeps none of its own (its figures are its counties' summed when
 * read); a department keeps its own month.
 */
export type Counted =
  { place: Pick<GridPlace, 'countyId' | 'townshipId' | 'villageId' | 'gridId'> } | { unitId: string }

/** The counters an incident (or a grid's work) adds to: its county's month, for the county and each unit below. */
export function countedUnits(p: Pick<GridPlace, 'countyId' | 'townshipId' | 'villageId' | 'gridId'>): Counted {
  return { place: { countyId: p.countyId, townshipId: p.townshipId, villageId: p.villageId, gridId: p.gridId } }
}

/** A unit that keeps its own month (a department). */
export const ownCounters = (unitId: string): Counted => ({ unitId })

/** Does this unit keep no counters of its own (its figures are the sum of the territorial units right below it)? */
export function summedFromBelow(unit: Pick<Unit, 'level'> | null | undefined): boolean {
  return unit?.level === 'prefecture'
}

/** The units whose counters make up a unit's own: itself, or for a prefecture its counties (kept with the tree). */
export async function counterSources(rt: Runtime, unitId: string): Promise<string[]> {
  const unit = await rt.units.get(unitId)
  if (!summedFromBelow(unit)) return [unitId]
  return rt.units.memo(`counter-sources:${unitId}`, async () =>
    (await rt.units.children(unitId)).filter((u) => u.level !== 'department').map((u) => u._id),
  )
}

/**
 * How a unit's figures are read: the months whose own fields are its figures (`own`: itself, or a prefecture's
 * counties), and the county whose months keep it below (`under`: a township, village or grid). A unit below a county
 * is counted only there since issue #21; its own months, if any, are from before, and are read beside (no migration:
 * the two never hold the same change).
 */
interface CounterPlan {
  own: readonly string[]
  under: string | null
}

const BELOW_COUNTY: ReadonlySet<Unit['level']> = new Set(['township', 'village', 'grid'])

async function counterPlan(rt: Runtime, unitId: string, known?: readonly string[]): Promise<CounterPlan> {
  if (known) return { own: known, under: null }
  const unit = await rt.units.get(unitId)
  if (unit && BELOW_COUNTY.has(unit.level) && unit.path.length >= 3) return { own: [unitId], under: unit.path[1]! }
  return { own: await counterSources(rt, unitId), under: null }
}
export function unitForLevel(
  inc: Pick<Incident, 'gridId' | 'villageId' | 'townshipId' | 'countyId' | 'departmentId'>,
  level: HandlerLevel,
): string {
  if (level === 'grid') return inc.gridId
  if (level === 'village') return inc.villageId
  if (level === 'township') return inc.townshipId
  if (level === 'county') return inc.countyId
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
  if (!unit) throw CommonErrors.UNIT_NOT_FOUND()
  return { [fieldForUnit(unit)]: unitId }
}

const PAGE = 1000

/**
 * Grids under a unit (the safe-report roll call, grid-days in figures): one indexed `parentId in […]` query per
 * level below the unit (≤ 4 at a prefecture, in chunks of 100 parents), so the cost follows the grids found,
 * not one query per unit of the subtree; then kept for as long as units are (UnitDirectory.memo).
 */
export function gridsUnder(rt: Runtime, unitId: string): Promise<Unit[]> {
  return rt.units.memo(`grids-under:${unitId}`, () => walkGrids(rt, unitId))
}

/** Every unit under one of `parents`, in pages of 1000 (CloudBase's largest page), in `_id` order. */
async function childrenOf(rt: Runtime, parents: string[]): Promise<Unit[]> {
  const out: Unit[] = []
  for (;;) {
    const rows = await rt.db.find(C.units, {
      where: { parentId: { $in: parents } },
      orderBy: [['_id', 'asc']],
      limit: PAGE,
      offset: out.length,
    })
    out.push(...rows)
    if (rows.length < PAGE) return out
  }
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
      for (const u of await childrenOf(rt, parents.slice(i, i + 100))) {
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

/** Categories are set per county (县级): the county, or NOT_A_COUNTY for any other unit. */
export async function loadCounty(rt: Runtime, countyId: string): Promise<Unit> {
  const unit = await rt.units.get(countyId)
  if (unit?.level !== 'county') throw IncidentErrors.NOT_A_COUNTY()
  return unit
}

/** The categories residents choose from in a county (its own list, else the default one). */
export async function categoriesFor(rt: Runtime, countyId: string): Promise<Category[]> {
  const cfg = await rt.db.get(C.incident_configs, countyId)
  return cfg?.categories ?? defaultCategories()
}

/** 报平安: one per grid per Beijing day. */
export function safeReportId(gridId: string, day: string): string {
  return stableId('sr', gridId, day)
}

// ---- counters ----

export function counterId(unitId: string, month: string): string {
  return stableId('icn', unitId, month)
}

export type Deltas = Partial<Record<CounterField, number>>

/** A unit's figures in one month, or part of them (what `sumCounters` adds up). */
export type CounterPart = Partial<Record<CounterField, number>>

/**
 * Adds to the monthly counters inside the caller's transaction, by id, without reading them first: every change of
 * the transaction to one document in one request (a place's four units are one county month).
 */
export async function bump(
  tx: TxStore,
  month: string,
  changes: ReadonlyArray<readonly [Counted, Deltas]>,
): Promise<void> {
  const docs = new Map<string, Record<string, number>>()
  const add = (holder: string, path: string, n: number) => {
    const d = docs.get(holder) ?? {}
    d[path] = (d[path] ?? 0) + n
    docs.set(holder, d)
  }
  for (const [at, deltas] of changes)
    for (const [field, n] of Object.entries(deltas) as Array<[CounterField, number]>) {
      if (!n) continue
      if ('unitId' in at) {
        add(at.unitId, field, n)
        continue
      }
      const { countyId, townshipId, villageId, gridId } = at.place
      add(countyId, field, n)
      for (const u of new Set([townshipId, villageId, gridId])) add(countyId, `below.${mapKey(u)}.${field}`, n)
    }
  for (const [unitId, deltas] of docs) {
    const add = Object.fromEntries(Object.entries(deltas).filter(([, n]) => n))
    if (!Object.keys(add).length) continue
    await tx.inc(C.incident_counters, { _id: counterId(unitId, month), unitId, month } as IncidentCounter, add)
  }
}

const OWN_FIELDS: readonly string[] = ['unitId', 'month', ...COUNTER_FIELDS]

/**
 * The monthly counters of several units in one indexed query (`[unitId, month]`), by unit, as parts to sum. A
 * prefecture's are its counties' (`counterSources`), a township's, village's or grid's are kept in its county's
 * months (and its own months from before): all read in the same query, each document cut to the fields asked for.
 */
export async function countersOf(
  rt: Runtime,
  unitIds: readonly string[],
  months: readonly string[],
  /** the sources of a unit already known (a prefecture's counties, read by the caller): not looked up */
  known?: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, CounterPart[]>> {
  const plans = new Map(
    await Promise.all(unitIds.map(async (u) => [u, await counterPlan(rt, u, known?.get(u))] as const)),
  )
  const holders = [...new Set([...plans.values()].flatMap((p) => (p.under ? [...p.own, p.under] : p.own)))]
  const below = [...plans].filter(([, p]) => p.under).map(([u]) => `below.${mapKey(u)}`)
  const byHolder = new Map<string, IncidentCounter[]>(holders.map((u) => [u, []]))
  const per = Math.max(1, Math.floor(PAGE / Math.max(1, months.length)))
  for (let i = 0; i < holders.length; i += per) {
    const docs = await rt.db.find(C.incident_counters, {
      where: { unitId: { $in: holders.slice(i, i + per) }, month: { $in: [...months] } },
      limit: PAGE,
      fields: [...OWN_FIELDS, ...below],
    })
    for (const d of docs) byHolder.get(d.unitId)?.push(d)
  }
  return new Map(
    [...plans].map(([u, p]) => [
      u,
      [
        ...p.own.flatMap((h) => byHolder.get(h) ?? []),
        ...(p.under
          ? (byHolder.get(p.under) ?? []).flatMap((d) => {
              const mine = d.below?.[mapKey(u)]
              return mine ? [mine] : []
            })
          : []),
      ],
    ]),
  )
}

/** One unit's figures in one month (a sum of what `countersOf` reads). */
export async function counterOf(rt: Runtime, unitId: string, month: string): Promise<Record<CounterField, number>> {
  return sumCounters((await countersOf(rt, [unitId], [month])).get(unitId) ?? [])
}

/**
 * How many incidents a unit has ever had, from its kept monthly counters (`found` is added once per report to its
 * county and each unit below it): one indexed read of ≤ 12 documents a year, cut to that one number.
 */
export async function foundEver(rt: Runtime, unitId: string): Promise<number> {
  const plan = await counterPlan(rt, unitId)
  const holders = plan.under ? [...plan.own, plan.under] : [...plan.own]
  let n = 0
  for (let got = 0; ;) {
    const months = await rt.db.find(C.incident_counters, {
      where: holders.length === 1 ? { unitId: holders[0]! } : { unitId: { $in: holders } },
      orderBy: [
        ['unitId', 'asc'],
        ['month', 'asc'],
      ],
      limit: PAGE,
      offset: got,
      fields: ['unitId', 'found', ...(plan.under ? [`below.${mapKey(unitId)}.found`] : [])],
    })
    for (const m of months) n += plan.own.includes(m.unitId) ? (m.found ?? 0) : (m.below?.[mapKey(unitId)]?.found ?? 0)
    got += months.length
    if (months.length < PAGE) return n
  }
}

// ---- timeline and inbox ----

/**
 * An incident's events by its id and sequence number: a second transition on the same seq is a duplicate, and a
 * new incident's events go in at the end of the index (incident ids start with their time). Nothing looks an
 * event up by id.
 */
export function eventId(incidentId: string, seq: number): string {
  return `ie_${incidentId}_${String(seq).padStart(4, '0')}`
}

/** Inserts an event with the next sequence number (a concurrent transition on the same seq fails as a duplicate). */
export async function appendEvent(tx: TxStore, event: Omit<IncidentEvent, '_id'>): Promise<IncidentEvent> {
  const doc: IncidentEvent = { _id: eventId(event.incidentId, event.seq), ...event }
  await tx.insert(C.incident_events, doc)
  return doc
}

/** A message for people: kept as message keys, rendered in each reader's language when read or pushed. */
export interface Tell {
  title: MessageRef
  body: MessageRef
}

/**
 * One message per person, case, transition and title (told twice in one, it is stored once), with the time
 * first so new messages go in at the end of the index instead of at random places. `title` is the title's key.
 */
export function inboxId(userId: string, incidentId: string | null, seq: number, title: string, at: number): string {
  return timeId('im', at, userId, incidentId ?? '-', String(seq), title)
}

/**
 * Inbox messages for people (one each, however often named), to write in the caller's transaction: every message of
 * the transaction in one insert (`writeMessages`). Each is rendered in its reader's language when read (myInbox)
 * or sent (pushAll).
 */
export function inboxMessages(
  userIds: readonly string[],
  incidentId: string | null,
  seq: number,
  t: Tell,
  at: number,
): InboxMessage[] {
  return [...new Set(userIds)].map((userId) => ({
    _id: inboxId(userId, incidentId, seq, t.title.key, at),
    userId,
    incidentId,
    title: t.title,
    body: t.body,
    at,
    readAt: null,
  }))
}

/** Where a unit's notice is addressed (no one's inbox: `sendPushes` gives each of its holders their own). */
export const unitAddress = (unitId: string) => `unit:${unitId}`

/**
 * The messages of a holder notice: one each for the people it names, or, for one left to the timer (`deferred`),
 * one notice for the unit, waiting (`fanout` 'pending') for `sendPushes` to give each holder theirs.
 */
export function noticeMessages(
  n: Pick<HolderNotice, 'userIds' | 'deferred'>,
  incidentId: string | null,
  seq: number,
  t: Tell,
  at: number,
): InboxMessage[] {
  if (!n.deferred) return inboxMessages(n.userIds, incidentId, seq, t, at)
  const to = unitAddress(n.deferred.unitId)
  return [
    {
      _id: inboxId(to, incidentId, seq, t.title.key, at),
      userId: to,
      incidentId,
      title: t.title,
      body: t.body,
      at,
      readAt: null,
      fanout: 'pending',
      fanoutTo: { ...n.deferred, seq },
    },
  ]
}

/**
 * The messages in one request (issue #21: not one each), each waiting for its WeChat push (`pushState` 'pending':
 * the `sendPushes` timer sends it within the minute, so no action waits for WeChat), with its recipient's profile
 * where `profiles` has it (a holder's, from their assignment). Returns them as pushes, as sent.
 */
export async function writeMessages(
  tx: TxStore,
  messages: readonly InboxMessage[],
  profiles?: ReadonlyMap<string, PushProfile>,
): Promise<PushMessage[]> {
  // a unit's notice is pushed to no one: its holders' own messages are, once the timer has written them
  const waiting = messages.map((m) => {
    if (m.fanout) return m
    const to = profiles?.get(m.userId)
    return { ...m, pushState: 'pending', ...(to ? { pushTo: to } : {}) }
  })
  await tx.insertMany(C.incident_inbox, waiting)
  return waiting.filter((m) => !m.fanout).map(pushOf)
}

/** An inbox message as its push. */
export function pushOf(m: InboxMessage): PushMessage {
  const { userId, incidentId, title, body, at, pushTo } = m
  return { userId, incidentId, title, body, at, ...(pushTo ? { to: pushTo } : {}) }
}

/** Inbox messages for people, written in the caller's transaction (their pushes waiting for `sendPushes`). */
export async function writeInbox(
  tx: TxStore,
  userIds: readonly string[],
  incidentId: string | null,
  seq: number,
  t: Tell,
  at: number,
): Promise<PushMessage[]> {
  return writeMessages(tx, inboxMessages(userIds, incidentId, seq, t, at))
}

/** The people who hear how a case goes: its reporter and those who joined it. */
export function audience(inc: Pick<Incident, 'reporterId' | 'followerIds'>): string[] {
  return [inc.reporterId, ...inc.followerIds]
}
