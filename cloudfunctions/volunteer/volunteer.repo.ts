import type { z } from 'zod'
import type { Household, Unit, User } from '@shared/account/account.schema'
import type { MessageRef } from '@shared/i18n/i18n'
import { CommonErrors } from '@shared/errors'
import { VolunteerErrors } from '@shared/volunteer/volunteer.errors'
import { volunteerRef } from '@shared/volunteer/volunteer.messages'
import { REMINDER_LEAD_MS } from '@shared/volunteer/volunteer.rules'
import {
  COUNTERS_FIELDS,
  InboxEntrySchema,
  type Area,
  type Counters,
  type CountersField,
  type Need,
  type Org,
  type Signup,
  type Task,
} from '@shared/volunteer/volunteer.schema'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'
import { getMany, getOr, mapKey, type DataPort, type Filter, type TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'

/** Reads by id: outside a transaction (`ctx.db`) or inside one (`tx`). */
type ById = Pick<DataPort, 'get'> | TxStore

// ---- ids: deterministic where uniqueness matters, so a repeat cannot double-write ----
export const ids = {
  orgAdmin: (orgId: string, userId: string) => stableId('voa', orgId, userId),
  signup: (taskId: string, userId: string) => stableId('vs', taskId, userId),
  adjustment: (signupId: string) => stableId('vadj', signupId),
  counters: (kind: Counters['kind'], refId: string) => stableId('vc', kind, refId),
  hoursEntry: (sourceKey: string, userId: string) => stableId('vh', sourceKey, userId),
  hoursTotal: (userId: string) => stableId('vt', userId),
  reminder: (signupId: string) => stableId('vi', signupId, 'reminder'),
  inbox: (...parts: string[]) => stableId('vi', ...parts),
}

// ---- units and areas ----

/** County, township and village above (or at) a unit, for list filters by any scope root. */
export async function areaOf(rt: Runtime, unitId: string): Promise<Area> {
  const unit = await rt.units.get(unitId)
  const area: Area = { countyId: null, townshipId: null, villageId: null }
  if (!unit) return area
  for (const id of unit.path) {
    const u = id === unit._id ? unit : await rt.units.get(id)
    if (u?.level === 'county') area.countyId = u._id
    if (u?.level === 'township') area.townshipId = u._id
    if (u?.level === 'village') area.villageId = u._id
  }
  return area
}

/** The filter that selects docs in a unit's area, or null when the unit is above counties (all). */
export function areaFilter(unit: Unit): Filter | null {
  switch (unit.level) {
    case 'county':
      return { countyId: unit._id }
    case 'township':
      return { townshipId: unit._id }
    case 'village':
      return { villageId: unit._id }
    case 'grid':
      return { villageId: unit.parentId }
    case 'prefecture':
      return null
    default:
      return { villageId: '__none__' }
  }
}

/** A unit that must exist (NOT_FOUND, saying it is the unit that was not found). */
export async function requireUnit(rt: Runtime, id: string): Promise<Unit> {
  const unit = await rt.units.get(id)
  if (!unit) throw CommonErrors.NOT_FOUND.because(`error.${CommonErrors.UNIT_NOT_FOUND.code}`)
  return unit
}

/**
 * For permissions residents hold in their grid (task_signup, need_create): the caller's root unit for
 * the permission that lies inside `targetUnitId`'s area (or above it). Falls back to the target itself,
 * so the wrapper answers OUT_OF_SCOPE / FORBIDDEN.
 */
export async function residentScope(
  ctx: ActionContext,
  permission: 'task_signup' | 'need_create',
  targetUnitId: string,
): Promise<string> {
  for (const root of ctx.scopeRoots(permission)) {
    if (await ctx.rt.units.contains(targetUnitId, root)) return root
  }
  return targetUnitId
}

/** The caller's grid and area (from their residence), or null. */
export async function residenceArea(ctx: ActionContext): Promise<{ gridId: string | null; area: Area } | null> {
  const residence = ctx.caller.user.residenceUnitId
  if (!residence) return null
  const unit = await ctx.rt.units.get(residence)
  if (!unit) return null
  return { gridId: unit.level === 'grid' ? unit._id : null, area: await areaOf(ctx.rt, residence) }
}

// ---- loaders: the document, or the domain's "not found" ----

export const loadOrg = (db: ById, orgId: string): Promise<Org> =>
  getOr(db, C.volunteer_orgs, orgId, VolunteerErrors.ORG_NOT_FOUND)

export const loadTask = (db: ById, taskId: string): Promise<Task> =>
  getOr(db, C.volunteer_tasks, taskId, VolunteerErrors.TASK_NOT_FOUND)

export const loadNeed = (db: ById, needId: string): Promise<Need> =>
  getOr(db, C.volunteer_needs, needId, VolunteerErrors.NEED_NOT_FOUND)

export const loadSignup = (db: ById, signupId: string): Promise<Signup> =>
  getOr(db, C.volunteer_signups, signupId, VolunteerErrors.SIGNUP_NOT_FOUND)

/**
 * A task and the unit a resident's permission (task_signup) is checked in: what `load` returns for the
 * actions a resident takes on a task (sign up, cancel, check in and out).
 */
export async function loadTaskForResident(ctx: ActionContext, taskId: string): Promise<{ unitId: string; task: Task }> {
  // as the action's prefetch read it beside the caller (signup, check-in, check-out), else now
  const early = ctx.takePrefetched() as Promise<Task> | undefined
  const task = await (early ?? loadTask(ctx.db, taskId))
  return { unitId: await residentScope(ctx, 'task_signup', task.unitId), task }
}

export async function isOrgAdmin(db: ById, orgId: string, userId: string): Promise<boolean> {
  return !!(await db.get(C.volunteer_org_admins, ids.orgAdmin(orgId, userId)))
}

/**
 * The caller administers the organisation. Checked after the permission (in `run`), so a caller without the
 * permission is told FORBIDDEN, not NOT_ORG_ADMIN.
 */
export async function requireOrgAdmin(db: ById, orgId: string, userId: string): Promise<void> {
  if (!(await isOrgAdmin(db, orgId, userId))) throw VolunteerErrors.NOT_ORG_ADMIN()
}

/**
 * Which of `userIds` are the organisation's own people, who may be named as having taken part in its work: its
 * admins, and volunteers who hold a place (a confirmed sign-up) on one of its tasks and still live inside its
 * unit. Anyone else (a guessed id, a resident of another county) is not, whether or not they exist.
 */
export async function orgPeople(ctx: ActionContext, orgId: string, userIds: readonly string[]): Promise<Set<string>> {
  const org = await loadOrg(ctx.db, orgId)
  const unique = [...new Set(userIds)]
  const found = await Promise.all(
    unique.map(async (userId) => {
      if (await isOrgAdmin(ctx.db, orgId, userId)) return userId
      const [user, places] = await Promise.all([
        ctx.db.get(C.users, userId),
        ctx.db.find(C.volunteer_signups, { where: { userId, orgId, status: 'confirmed' }, limit: 1 }),
      ])
      const home = user?.residenceUnitId
      return places.length && home && (await ctx.rt.units.contains(org.unitId, home)) ? userId : null
    }),
  )
  return new Set(found.filter((id): id is string => id !== null))
}

export async function householdOf(
  db: Pick<DataPort, 'get'>,
  user: Pick<User, 'householdId'>,
): Promise<Household | null> {
  return user.householdId ? db.get(C.households, user.householdId) : null
}

/** Place in the waitlist (1 = next): a count by index, outside transactions. */
export async function waitPositionOf(db: Pick<DataPort, 'count'>, s: Signup): Promise<number | null> {
  if (s.status !== 'waitlisted') return null
  return 1 + (await db.count(C.volunteer_signups, { taskId: s.taskId, status: 'waitlisted', seq: { $lt: s.seq } }))
}

// ---- counters (the figures are computed from these) ----

/** The unit a task or need counts under in the figures: its village, or its own unit above villages. */
export const countersUnitOf = (doc: { villageId: string | null; unitId?: string; townshipId: string | null }): string =>
  doc.villageId ?? doc.unitId ?? doc.townshipId ?? 'none'

/**
 * Adds to the counters of a village (or township) and an organisation, by id, in the caller's transaction, in one
 * write (issue #21): the organisation's part goes into the village's document, under `below.<organisation>`; an
 * organisation counted in no village is added to its own document.
 */
export async function bumpCounters(
  tx: TxStore,
  targets: Array<[Counters['kind'], string | null]>,
  delta: Partial<Record<CountersField, number>>,
): Promise<void> {
  const village = targets.find(([kind, refId]) => kind === 'village' && refId)?.[1]
  const orgs = targets.flatMap(([kind, refId]) => (kind === 'org' && refId ? [refId] : []))
  const adds = Object.entries(delta).filter(([, n]) => n) as Array<[CountersField, number]>
  if (!adds.length) return
  if (!village) {
    for (const org of orgs) await tx.inc(C.volunteer_counters, emptyCounters('org', org), Object.fromEntries(adds))
    return
  }
  const all: Record<string, number> = Object.fromEntries(adds)
  for (const org of new Set(orgs)) for (const [f, n] of adds) all[`below.${mapKey(org)}.${f}`] = n
  await tx.inc(C.volunteer_counters, emptyCounters('village', village), all as Partial<Record<CountersField, number>>)
}

/**
 * The area units whose counters may hold an organisation's part: its own unit and every township and village under
 * it (its tasks are in those, its needs in its villages), kept with the unit directory.
 */
function areaUnitsUnder(rt: Runtime, unitId: string): Promise<string[]> {
  return rt.units.memo(`volunteer-areas:${unitId}`, async () => {
    const out = [unitId]
    // below a village are only grids
    const level = (await rt.units.get(unitId))?.level
    if (level === 'village' || level === 'grid') return out
    let parents = [unitId]
    while (parents.length) {
      const next: string[] = []
      for (const kids of await Promise.all(parents.map((p) => rt.units.children(p))))
        for (const k of kids) if (k.level === 'township' || k.level === 'village') next.push(k._id)
      out.push(...next)
      parents = next
    }
    return out
  })
}

/** Counters summed field by field (a unit's or an organisation's parts). */
function sumCounted(into: Counters, part: Partial<Record<CountersField, number>> | undefined): Counters {
  if (!part) return into
  const out = { ...into }
  for (const f of COUNTERS_FIELDS) out[f] += part[f] ?? 0
  return out
}

/**
 * A unit's own counters and each organisation's, as the figures show them, in one `_id in` read (one request per 100
 * documents): the unit's document, and for each organisation its own document plus its part in the documents of the
 * townships and villages under its unit.
 */
export async function countersFor(
  rt: Runtime,
  db: Pick<DataPort, 'find'>,
  unitId: string,
  orgs: ReadonlyArray<Pick<Org, '_id' | 'unitId'>>,
): Promise<{ unit: Counters; orgs: Counters[] }> {
  const areas = await Promise.all(orgs.map((o) => areaUnitsUnder(rt, o.unitId)))
  const villageIds = new Set([unitId, ...areas.flat()])
  const docs = await getMany(db, C.volunteer_counters, [
    ...[...villageIds].map((u) => ids.counters('village', u)),
    ...orgs.map((o) => ids.counters('org', o._id)),
  ])
  const village = (u: string) => docs.get(ids.counters('village', u))
  const own = village(unitId)
  const { below: _b, ...ownTop } = own ?? emptyCounters('village', unitId)
  return {
    unit: ownTop,
    orgs: orgs.map((o, i) => {
      const { below: _o, ...mine } = docs.get(ids.counters('org', o._id)) ?? emptyCounters('org', o._id)
      return areas[i]!.reduce((sum, u) => sumCounted(sum, village(u)?.below?.[mapKey(o._id)]), mine as Counters)
    }),
  }
}

export function emptyCounters(kind: Counters['kind'], refId: string): Counters {
  return {
    _id: ids.counters(kind, refId),
    kind,
    refId,
    tasks: 0,
    signups: 0,
    cancellations: 0,
    attended: 0,
    absent: 0,
    confirmedMinutes: 0,
    needsPosted: 0,
    needsTaken: 0,
    needsVerified: 0,
    takeMinutesTotal: 0,
  }
}

// ---- the inbox ----

/**
 * How volunteers hear about their tasks and needs. The in-app inbox (`volunteer_inbox`) is the record and is
 * written inside the action's transaction; a reminder is made by the `pushReminders` timer (volunteer.timers.ts) a
 * day before the task for each sign-up that then holds a slot (`remindAt`), and pushed once in the same run.
 */
export async function writeInbox(tx: TxStore, entry: z.input<typeof InboxEntrySchema>): Promise<void> {
  await tx.set(C.volunteer_inbox, InboxEntrySchema.parse(entry))
}

/** A notice to a need's poster about their need, shown at once (`id`: what makes it once only). */
export async function tellPoster(
  tx: TxStore,
  notice: { id: string; need: Pick<Need, '_id' | 'posterId'>; title: MessageRef; body: MessageRef; now: number },
): Promise<void> {
  await writeInbox(tx, {
    _id: notice.id,
    userId: notice.need.posterId,
    kind: 'need',
    title: notice.title,
    body: notice.body,
    taskId: null,
    needId: notice.need._id,
    showAt: notice.now,
    createdAt: notice.now,
    voidedAt: null,
  })
}

export async function voidInbox(tx: TxStore, id: string, now: number): Promise<void> {
  const prior = await tx.get(C.volunteer_inbox, id)
  if (prior && prior.voidedAt === null) await tx.update(C.volunteer_inbox, id, { voidedAt: now })
}

/** When a sign-up that holds a slot from `now` on is reminded: a day before the task (at once if that is past). */
export const reminderAt = (task: Pick<Task, 'startAt'>, now: number): number =>
  Math.max(now, task.startAt - REMINDER_LEAD_MS)

/** The reminder of a sign-up that holds a slot: shown a day before the task (at once if that is past). */
export function reminderOf(
  task: Task,
  signupId: string,
  userId: string,
  now: number,
): z.input<typeof InboxEntrySchema> {
  return {
    _id: ids.reminder(signupId),
    userId,
    kind: 'reminder',
    title: volunteerRef('volunteer.inbox.reminder_title', { title: task.title }),
    body: volunteerRef('volunteer.inbox.reminder_body', { startAt: task.startAt, place: task.placeName }),
    taskId: task._id,
    needId: null,
    showAt: reminderAt(task, now),
    createdAt: now,
    voidedAt: null,
  }
}

/**
 * The caller's sign-up for a task, read in the transaction, that holds a slot: what checking in and out
 * work on.
 */
export async function confirmedSignup(tx: TxStore, signupId: string): Promise<Signup> {
  const s = await tx.get(C.volunteer_signups, signupId)
  if (!s || s.status === 'cancelled') throw VolunteerErrors.NOT_SIGNED_UP()
  if (s.status !== 'confirmed') throw VolunteerErrors.NOT_CONFIRMED()
  return s
}

/** A need the caller posted: what `load` returns for the poster's own transitions (permission: null). */
export async function loadMyNeed(ctx: ActionContext, needId: string): Promise<{ need: Need }> {
  const need = await loadNeed(ctx.db, needId)
  if (need.posterId !== ctx.caller.user._id) throw VolunteerErrors.NOT_MY_NEED()
  return { need }
}
