import type { User } from '@shared/account/account.schema'
import { maskName, maskPhone } from '@shared/mask'
import { attendanceRate, measuredMinutes, minutesToHours } from '@shared/volunteer/volunteer.rules'
import {
  HOURS_SOURCES,
  ORG_KINDS,
  TASK_CATEGORIES,
  type Counters,
  type FiguresRow,
  type HoursEntry,
  type InboxEntry,
  type MySignupView,
  type Need,
  type NeedView,
  type Org,
  type OrgView,
  type Signup,
  type SignupRow,
  type Task,
  type TaskCounter,
  type TaskView,
} from '@shared/volunteer/volunteer.schema'
import {
  ATTENDANCE_STATUSES,
  NEED_STATUSES,
  ORG_STATUSES,
  SIGNUP_STATUSES,
  TASK_STATUSES,
} from '@shared/volunteer/volunteer.states'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'
import { ids, isOrgAdmin, loadNeed, waitPositionOf } from './volunteer.repo'

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

/** A task as the caller sees it: its filled slots, and their own sign-up with its place on the waitlist. */
export async function taskDetail(ctx: ActionContext, task: Task): Promise<TaskView> {
  const [counter, mine, admin] = await Promise.all([
    ctx.db.get(C.volunteer_task_counters, task._id),
    ctx.db.get(C.volunteer_signups, ids.signup(task._id, ctx.caller.user._id)),
    isOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id),
  ])
  return taskView(ctx.rt, task, counter, mine ? mySignupView(mine, await waitPositionOf(ctx.db, mine)) : null, admin)
}

/** Task cards for a page of tasks: counters and the caller's own sign-up read by id (no waitlist places). */
export async function taskCards(ctx: ActionContext, tasks: Task[], canManage: boolean): Promise<TaskView[]> {
  return Promise.all(
    tasks.map(async (t) => {
      const [counter, mine] = await Promise.all([
        ctx.db.get(C.volunteer_task_counters, t._id),
        ctx.db.get(C.volunteer_signups, ids.signup(t._id, ctx.caller.user._id)),
      ])
      return taskView(ctx.rt, t, counter, mine ? mySignupView(mine, null) : null, canManage)
    }),
  )
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

/**
 * A need as shown to someone: the poster and officials of the village see names; everyone else sees
 * them masked (a need often says who is old, ill or alone).
 */
export async function needView(rt: Runtime, n: Need, viewerId: string, reveal: boolean): Promise<NeedView> {
  const isMine = n.posterId === viewerId
  const show = (name: string) => (isMine || reveal ? name : maskName(name))
  return {
    id: n._id,
    village: n.villageId ? await rt.units.ref(n.villageId) : null,
    posterName: show(n.posterName),
    isMine,
    title: n.title,
    description: n.description,
    category: n.category,
    categoryLabel: TASK_CATEGORIES[n.category],
    placeName: n.placeName,
    neededBy: n.neededBy,
    status: n.status,
    statusLabel: NEED_STATUSES[n.status].label,
    createdAt: n.createdAt,
    takenByOrgName: n.takenByOrgName,
    takenAt: n.takenAt,
    outcome: n.outcome,
    volunteers: n.volunteers.map((v) => ({ name: show(v.name), hours: minutesToHours(v.minutes) })),
    awardsPoints: n.awardsPoints,
    verifiedAt: n.verifiedAt,
    transitions: n.transitions.map((t) => ({ transition: t.transition, at: t.at, note: t.note })),
  }
}

export function figuresRow(c: Counters, name: string): FiguresRow {
  return {
    refId: c.refId,
    name,
    tasks: c.tasks,
    signups: c.signups,
    cancellations: c.cancellations,
    attended: c.attended,
    absent: c.absent,
    attendanceRate: attendanceRate(c.attended, c.absent),
    confirmedHours: minutesToHours(c.confirmedMinutes),
    needsPosted: c.needsPosted,
    needsTaken: c.needsTaken,
    needsVerified: c.needsVerified,
    avgTakeHours: c.needsTaken ? minutesToHours(c.takeMinutesTotal / c.needsTaken) : null,
  }
}

export function inboxView(e: InboxEntry) {
  return { id: e._id, kind: e.kind, title: e.title, body: e.body, taskId: e.taskId, needId: e.needId, at: e.showAt }
}

export function hoursEntryView(e: HoursEntry) {
  return {
    id: e._id,
    source: e.source,
    sourceLabel: HOURS_SOURCES[e.source],
    note: e.note,
    hours: minutesToHours(e.minutes),
    at: e.at,
  }
}

/** A need by id with names shown: what its poster, the village and the organisation that took it see after a write. */
export async function needDetail(ctx: ActionContext, needId: string): Promise<NeedView> {
  return needView(ctx.rt, await loadNeed(ctx.db, needId), ctx.caller.user._id, true)
}
