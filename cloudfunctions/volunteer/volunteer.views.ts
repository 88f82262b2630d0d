import type { User } from '@shared/account/account.schema'
import { formatDate, formatDateTime } from '@shared/i18n/format'
import { render, type Lang, type MessageRef } from '@shared/i18n/i18n'
import { maskName, maskPhone } from '@shared/mask'
import '@shared/volunteer/volunteer.messages'
import { attendanceRate, measuredMinutes, minutesToHours } from '@shared/volunteer/volunteer.rules'
import type {
  Counters,
  FiguresRow,
  HoursEntry,
  InboxEntry,
  KeptText,
  MySignupView,
  Need,
  NeedView,
  Org,
  OrgView,
  Signup,
  SignupRow,
  Task,
  TaskCounter,
  TaskView,
} from '@shared/volunteer/volunteer.schema'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'
import { ids, isOrgAdmin, loadNeed, waitPositionOf } from './volunteer.repo'

/** A catalogue label in the reader's language: `volunteer.<group>.<name>`. */
function label(group: string, name: string, lang: Lang): string {
  return render({ key: `volunteer.${group}.${name}` }, lang)
}

/**
 * A kept message in the reader's language: a MessageRef is rendered, its `…At` parameters as times and `…On`
 * parameters as days of that language; plain text written before the catalogue is shown as it is.
 */
export function sayIn(text: KeptText, lang: Lang): string {
  if (typeof text === 'string') return text
  const params: MessageRef['params'] = {}
  for (const [k, v] of Object.entries(text.params ?? {})) {
    params[k] =
      typeof v === 'number' && k.endsWith('At')
        ? formatDateTime(v, lang)
        : typeof v === 'number' && k.endsWith('On')
          ? formatDate(v, lang)
          : v
  }
  return render({ key: text.key, params }, lang)
}

export async function orgView(rt: Runtime, org: Org, lang: Lang): Promise<OrgView> {
  return {
    id: org._id,
    name: org.name,
    kind: org.kind,
    kindLabel: label('org_kind', org.kind, lang),
    unit: (await rt.units.ref(org.unitId))!,
    intro: org.intro,
    contactName: org.contactName,
    contactPhoneMasked: maskPhone(org.contactPhone),
    status: org.status,
    statusLabel: label('org_status', org.status, lang),
    registeredAt: org.registeredAt,
    decisionNote: org.decisionNote,
  }
}

export function mySignupView(s: Signup, waitPosition: number | null, lang: Lang): MySignupView {
  return {
    id: s._id,
    status: s.status,
    statusLabel: label('signup_status', s.status, lang),
    waitPosition: s.status === 'waitlisted' ? waitPosition : null,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    attendance: s.attendance,
    attendanceLabel: label('attendance_status', s.attendance, lang),
    confirmedHours: s.confirmedMinutes === null ? null : minutesToHours(s.confirmedMinutes),
    points: s.points,
  }
}

/**
 * A task as a viewer sees it. The organiser's phone is in full only for `phoneInFull` viewers (signed up for the
 * task, an admin of the organisation, an official over it); everyone else sees it masked.
 */
export async function taskView(
  rt: Runtime,
  task: Task,
  counter: Pick<TaskCounter, 'confirmed' | 'waitlisted'> | null,
  mine: MySignupView | null,
  viewer: { canManage: boolean; phoneInFull: boolean; lang: Lang },
): Promise<TaskView> {
  return {
    id: task._id,
    org: { id: task.orgId, name: task.orgName },
    unit: (await rt.units.ref(task.unitId))!,
    title: task.title,
    description: task.description,
    category: task.category,
    categoryLabel: label('category', task.category, viewer.lang),
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
    contactPhone: viewer.phoneInFull ? task.contactPhone : (maskPhone(task.contactPhone) ?? ''),
    contactPhoneMasked: !viewer.phoneInFull && !!task.contactPhone,
    pointsRule: task.pointsRule,
    status: task.status,
    statusLabel: label('task_status', task.status, viewer.lang),
    mySignup: mine,
    canManage: viewer.canManage,
  }
}

/**
 * Who sees the organiser's phone of a task in full (issue #16): those signed up for it (a place or the waitlist),
 * the organisation's admins, and officials who approve organisations over the task's unit.
 */
async function phoneInFull(ctx: ActionContext, task: Task, mine: Signup | null, admin: boolean): Promise<boolean> {
  if (admin || (mine && mine.status !== 'cancelled')) return true
  return ctx.can('org_approve', task.unitId)
}

/**
 * A task as the caller sees it: its filled slots, and their own sign-up with its place on the waitlist. `written`:
 * the task's counter and the caller's sign-up as the caller's write just left them (not read again).
 */
export async function taskDetail(
  ctx: ActionContext,
  task: Task,
  written?: { counter: TaskCounter; mine: Signup },
): Promise<TaskView> {
  const [counter, mine, admin] = await Promise.all([
    written?.counter ?? ctx.db.get(C.volunteer_task_counters, task._id),
    written?.mine ?? ctx.db.get(C.volunteer_signups, ids.signup(task._id, ctx.caller.user._id)),
    // the task keeps its organisation's admins (issue #21); one published before it does not: read the link
    task.orgAdminIds?.includes(ctx.caller.user._id) ?? isOrgAdmin(ctx.db, task.orgId, ctx.caller.user._id),
  ])
  const view = mine ? mySignupView(mine, await waitPositionOf(ctx.db, mine), ctx.lang) : null
  return taskView(ctx.rt, task, counter, view, {
    canManage: admin,
    phoneInFull: await phoneInFull(ctx, task, mine, admin),
    lang: ctx.lang,
  })
}

/**
 * Task cards for a page of tasks: counters and the caller's own sign-up read by id (no waitlist places).
 * `admin`: the caller administers the organisation of every task on the page (its own list).
 */
export async function taskCards(ctx: ActionContext, tasks: Task[], admin: boolean): Promise<TaskView[]> {
  return Promise.all(
    tasks.map(async (t) => {
      const [counter, mine] = await Promise.all([
        ctx.db.get(C.volunteer_task_counters, t._id),
        ctx.db.get(C.volunteer_signups, ids.signup(t._id, ctx.caller.user._id)),
      ])
      return taskView(ctx.rt, t, counter, mine ? mySignupView(mine, null, ctx.lang) : null, {
        canManage: admin,
        phoneInFull: await phoneInFull(ctx, t, mine, admin),
        lang: ctx.lang,
      })
    }),
  )
}

export function signupRow(
  s: Signup,
  task: Task,
  user: User | null,
  waitPosition: number | null,
  lang: Lang,
): SignupRow {
  return {
    id: s._id,
    userId: s.userId,
    name: user?.name ?? s.userName,
    phoneMasked: maskPhone(user?.phone),
    status: s.status,
    statusLabel: label('signup_status', s.status, lang),
    seq: s.seq,
    waitPosition: s.status === 'waitlisted' ? waitPosition : null,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    measuredHours: minutesToHours(measuredMinutes(s.checkInAt, s.checkOutAt, task.startAt, task.endAt)),
    attendance: s.attendance,
    attendanceLabel: label('attendance_status', s.attendance, lang),
    confirmedHours: s.confirmedMinutes === null ? null : minutesToHours(s.confirmedMinutes),
    points: s.points,
  }
}

/**
 * A need as shown to someone: the poster and those who handle it (`reveal`: the village, the organisation that
 * took it) see names and the notes of its history; everyone else sees names masked and no notes (a need often
 * says who is old, ill or alone).
 */
export async function needView(rt: Runtime, n: Need, viewerId: string, reveal: boolean, lang: Lang): Promise<NeedView> {
  const isMine = n.posterId === viewerId
  const open = isMine || reveal
  const show = (name: string) => (open ? name : maskName(name))
  return {
    id: n._id,
    village: n.villageId ? await rt.units.ref(n.villageId) : null,
    posterName: show(n.posterName),
    isMine,
    title: n.title,
    description: n.description,
    category: n.category,
    categoryLabel: label('category', n.category, lang),
    placeName: n.placeName,
    neededBy: n.neededBy,
    status: n.status,
    statusLabel: label('need_status', n.status, lang),
    createdAt: n.createdAt,
    takenByOrgName: n.takenByOrgName,
    takenAt: n.takenAt,
    outcome: n.outcome,
    volunteers: n.volunteers.map((v) => ({ name: show(v.name), hours: minutesToHours(v.minutes) })),
    awardsPoints: n.awardsPoints,
    verifiedAt: n.verifiedAt,
    transitions: n.transitions.map((t) => ({
      transition: t.transition,
      label: label('need_step', t.transition, lang),
      at: t.at,
      note: open ? t.note : null,
    })),
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

export function inboxView(e: InboxEntry, lang: Lang) {
  return {
    id: e._id,
    kind: e.kind,
    title: sayIn(e.title, lang),
    body: sayIn(e.body, lang),
    taskId: e.taskId,
    needId: e.needId,
    at: e.showAt,
  }
}

export function hoursEntryView(e: HoursEntry, lang: Lang) {
  return {
    id: e._id,
    source: e.source,
    sourceLabel: label('source', e.source, lang),
    note: sayIn(e.note, lang),
    hours: minutesToHours(e.minutes),
    at: e.at,
  }
}

/** A need by id with names shown: what its poster, the village and the organisation that took it see after a write. */
export async function needDetail(ctx: ActionContext, needId: string): Promise<NeedView> {
  return needView(ctx.rt, await loadNeed(ctx.db, needId), ctx.caller.user._id, true, ctx.lang)
}
