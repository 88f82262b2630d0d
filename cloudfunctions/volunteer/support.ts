import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Household, Unit, User } from '@shared/account/account.schema'
import { CommonErrors } from '@shared/errors'
import { maskName, maskPhone } from '@shared/mask'
import { VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import {
  ORG_KINDS,
  StatsSchema,
  TASK_CATEGORIES,
  type Area,
  type Org,
  type Signup,
  type Stats,
  type StatsField,
  type Task,
  type TaskCounter,
  type VolunteerRequest,
  type OrgView,
  type TaskView,
  type MySignupView,
  type SignupRow,
  type RequestView,
  type Adjustment,
} from '@shared/volunteer/volunteer.schema'
import {
  ATTENDANCE_STATUSES,
  ORG_STATUSES,
  REQUEST_STATUSES,
  SIGNUP_STATUSES,
  TASK_STATUSES,
} from '@shared/volunteer/volunteer.states'
import { measuredMinutes, minutesToHours } from '@shared/volunteer/volunteer.rules'
import { stableId } from '../_core/ids'
import type { Filter, TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'

// ---- ids ----
export const ids = {
  orgAdmin: (orgId: string, userId: string) => stableId('voa', orgId, userId),
  signup: (taskId: string, userId: string) => stableId('vs', taskId, userId),
  adjustment: (signupId: string) => stableId('vadj', signupId),
  stats: (kind: Stats['kind'], refId: string) => stableId('vst', kind, refId),
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

export async function requireUnit(rt: Runtime, id: string): Promise<Unit> {
  const unit = await rt.units.get(id)
  if (!unit) throw CommonErrors.NOT_FOUND('没有找到相关单位')
  return unit
}

/** Whether unit `inner` lies in (or is) unit `outer`. */
export async function within(rt: Runtime, inner: string, outer: string): Promise<boolean> {
  const unit = await rt.units.get(inner)
  return !!unit && unit.path.includes(outer)
}

/**
 * For permissions residents hold in their grid (task_signup, request_create): the caller's root unit for
 * the permission that lies inside `targetUnitId`'s area (or above it). Falls back to the target itself,
 * so the wrapper answers OUT_OF_SCOPE / FORBIDDEN.
 */
export async function residentScope(
  ctx: ActionContext,
  permission: 'task_signup' | 'request_create',
  targetUnitId: string,
): Promise<string> {
  for (const root of ctx.scopeRoots(permission)) {
    if (await within(ctx.rt, root, targetUnitId)) return root
  }
  return targetUnitId
}

/** The caller's village (from their residence), or null. */
export async function residenceArea(ctx: ActionContext): Promise<{ gridId: string | null; area: Area } | null> {
  const residence = ctx.caller.user.residenceUnitId
  if (!residence) return null
  const unit = await ctx.rt.units.get(residence)
  if (!unit) return null
  return { gridId: unit.level === 'grid' ? unit._id : null, area: await areaOf(ctx.rt, residence) }
}

// ---- loading with NOT_FOUND ----

export async function loadOrg(ctx: ActionContext, orgId: string): Promise<Org> {
  const org = await ctx.db.get<Org>('volunteer_orgs', orgId)
  if (!org) throw VolunteerErrors.ORG_NOT_FOUND()
  return org
}

export async function loadTask(ctx: ActionContext, taskId: string): Promise<Task> {
  const task = await ctx.db.get<Task>('volunteer_tasks', taskId)
  if (!task) throw VolunteerErrors.TASK_NOT_FOUND()
  return task
}

export async function loadRequest(ctx: ActionContext, requestId: string): Promise<VolunteerRequest> {
  const req = await ctx.db.get<VolunteerRequest>('volunteer_requests', requestId)
  if (!req) throw VolunteerErrors.REQUEST_NOT_FOUND()
  return req
}

export async function loadSignup(ctx: ActionContext, signupId: string): Promise<Signup> {
  const s = await ctx.db.get<Signup>('volunteer_signups', signupId)
  if (!s) throw VolunteerErrors.SIGNUP_NOT_FOUND()
  return s
}

export async function isOrgAdmin(ctx: ActionContext, orgId: string): Promise<boolean> {
  return !!(await ctx.db.get('volunteer_org_admins', ids.orgAdmin(orgId, ctx.caller.user._id)))
}

export async function requireOrgAdmin(ctx: ActionContext, orgId: string): Promise<void> {
  if (!(await isOrgAdmin(ctx, orgId))) throw VolunteerErrors.NOT_ORG_ADMIN()
}

export async function householdOf(ctx: ActionContext, user: Pick<User, 'householdId'>): Promise<Household | null> {
  return user.householdId ? ctx.db.get<Household>('households', user.householdId) : null
}

// ---- counters ----

/** The unit a task or request counts under in the figures: its village, or its own unit above villages. */
export const statsUnitOf = (doc: { villageId: string | null; unitId?: string; townshipId: string | null }): string =>
  doc.villageId ?? doc.unitId ?? doc.townshipId ?? 'none'

/** Adds to the figures of a village (or township) and an organisation, by id, in the caller's transaction. */
export async function bumpStats(
  tx: TxStore,
  targets: Array<[Stats['kind'], string | null]>,
  delta: Partial<Record<StatsField, number>>,
): Promise<void> {
  for (const [kind, refId] of targets) {
    if (!refId) continue
    const id = ids.stats(kind, refId)
    const prior = await tx.get<Stats>('volunteer_stats', id)
    const next: Stats = prior ?? emptyStats(kind, refId)
    for (const [k, v] of Object.entries(delta) as Array<[StatsField, number]>) next[k] = Math.max(0, next[k] + v)
    await tx.set('volunteer_stats', StatsSchema.parse(next))
  }
}

export function emptyStats(kind: Stats['kind'], refId: string): Stats {
  return {
    _id: ids.stats(kind, refId),
    kind,
    refId,
    tasks: 0,
    signups: 0,
    cancellations: 0,
    attended: 0,
    absent: 0,
    confirmedMinutes: 0,
    requestsPosted: 0,
    requestsTaken: 0,
    requestsVerified: 0,
    takeMinutesTotal: 0,
  }
}

// ---- check-in code: HMAC of the task id with the task's own secret ----

export function newCodeSecret(): string {
  return randomBytes(16).toString('hex')
}

export function checkinCode(task: Pick<Task, '_id' | 'codeSecret'>): string {
  const sig = createHmac('sha256', task.codeSecret).update(`checkin:${task._id}`).digest('base64url').slice(0, 16)
  return `LLVT1.${task._id}.${sig}`
}

export function verifyCheckinCode(task: Pick<Task, '_id' | 'codeSecret'>, code: string): boolean {
  const a = Buffer.from(checkinCode(task))
  const b = Buffer.from(code.trim())
  return a.length === b.length && timingSafeEqual(a, b)
}

// ---- views ----

export async function orgView(rt: Runtime, org: Org): Promise<OrgView> {
  return {
    id: org._id,
    name: org.name,
    kind: org.kind,
    kindLabel: ORG_KINDS[org.kind],
    unit: (await rt.units.ref(org.unitId))!,
    intro: org.intro,
    contactName: org.contactName,
    contactPhoneMasked: maskPhone(org.contactPhone),
    status: org.status,
    statusLabel: ORG_STATUSES[org.status].label,
    registeredAt: org.registeredAt,
    decisionNote: org.decisionNote,
  }
}

export function mySignupView(s: Signup, waitPosition: number | null): MySignupView {
  return {
    id: s._id,
    status: s.status,
    statusLabel: SIGNUP_STATUSES[s.status].label,
    waitPosition: s.status === 'waitlisted' ? waitPosition : null,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    attendance: s.attendance,
    attendanceLabel: ATTENDANCE_STATUSES[s.attendance].label,
    confirmedHours: s.confirmedMinutes === null ? null : minutesToHours(s.confirmedMinutes),
    points: s.points,
  }
}

/** Place in the waitlist (1 = next): a count by index, outside transactions. */
export async function waitPositionOf(ctx: ActionContext, s: Signup): Promise<number | null> {
  if (s.status !== 'waitlisted') return null
  return 1 + (await ctx.db.count('volunteer_signups', { taskId: s.taskId, status: 'waitlisted', seq: { $lt: s.seq } }))
}

export async function taskView(
  rt: Runtime,
  task: Task,
  counter: Pick<TaskCounter, 'confirmed' | 'waitlisted'> | null,
  mine: MySignupView | null,
  canManage: boolean,
): Promise<TaskView> {
  return {
    id: task._id,
    org: { id: task.orgId, name: task.orgName },
    unit: (await rt.units.ref(task.unitId))!,
    title: task.title,
    description: task.description,
    category: task.category,
    categoryLabel: TASK_CATEGORIES[task.category],
    placeName: task.placeName,
    location: task.location,
    radiusM: task.radiusM,
    startAt: task.startAt,
    endAt: task.endAt,
    signupDeadline: task.signupDeadline,
    slots: task.slots,
    confirmed: counter?.confirmed ?? 0,
    waitlisted: counter?.waitlisted ?? 0,
    requirements: task.requirements,
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    pointsRule: task.pointsRule,
    status: task.status,
    statusLabel: TASK_STATUSES[task.status].label,
    mySignup: mine,
    canManage,
  }
}

export function signupRow(s: Signup, task: Task, user: User | null, waitPosition: number | null): SignupRow {
  return {
    id: s._id,
    userId: s.userId,
    name: user?.name ?? s.userName,
    phoneMasked: maskPhone(user?.phone),
    status: s.status,
    statusLabel: SIGNUP_STATUSES[s.status].label,
    seq: s.seq,
    waitPosition: s.status === 'waitlisted' ? waitPosition : null,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    measuredHours: minutesToHours(measuredMinutes(s.checkInAt, s.checkOutAt, task.startAt, task.endAt)),
    attendance: s.attendance,
    attendanceLabel: ATTENDANCE_STATUSES[s.attendance].label,
    confirmedHours: s.confirmedMinutes === null ? null : minutesToHours(s.confirmedMinutes),
    points: s.points,
  }
}

export type { Adjustment }

/**
 * A request as shown to someone: the poster and officials of the village see names; everyone else sees
 * them masked (a need often says who is old, ill or alone).
 */
export async function requestView(
  rt: Runtime,
  r: VolunteerRequest,
  viewerId: string,
  reveal: boolean,
): Promise<RequestView> {
  const isMine = r.posterId === viewerId
  const show = (name: string) => (isMine || reveal ? name : maskName(name))
  return {
    id: r._id,
    village: r.villageId ? await rt.units.ref(r.villageId) : null,
    posterName: show(r.posterName),
    isMine,
    title: r.title,
    description: r.description,
    category: r.category,
    categoryLabel: TASK_CATEGORIES[r.category],
    placeName: r.placeName,
    neededBy: r.neededBy,
    status: r.status,
    statusLabel: REQUEST_STATUSES[r.status].label,
    createdAt: r.createdAt,
    takenByOrgName: r.takenByOrgName,
    takenAt: r.takenAt,
    outcome: r.outcome,
    volunteers: r.volunteers.map((v) => ({ name: show(v.name), hours: minutesToHours(v.minutes) })),
    awardsPoints: r.awardsPoints,
    verifiedAt: r.verifiedAt,
    steps: r.steps.map((s) => ({ step: s.step, at: s.at, note: s.note })),
  }
}

export function paged<T>(items: T[], page: number, pageSize: number, total: number) {
  return { items, page, pageSize, total, hasMore: page * pageSize < total }
}
