import type { UnitRef } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { render, type Lang } from '@shared/i18n/i18n'
import {
  actionLabel,
  categoryLabel,
  defaultCategories,
  incidentText,
  ratingLabel,
  statusLabel,
  taskStatusLabel,
} from '@shared/incident/incident.labels'
import {
  type CategoriesOutput,
  type IncidentConfig,
  type IncidentEvent,
  type IncidentSummary,
  type IncidentView,
  type Incident,
  type TaskView,
  type TimelineEntry,
} from '@shared/incident/incident.schema'
import { timelineOf } from './incident.repo'
import { dispatchUnitOf, tasksOf } from './incident.tasks'
import { ACTION_ACTOR, nextState } from '@shared/incident/incident.states'
import { maskName, maskPhone } from '@shared/mask'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'

/**
 * Incidents as the contract shows them, by who is looking: handlers (people who may act in its unit or its
 * department) see everything; the reporter their own report; everyone else a public summary. Labels come in the
 * caller's language (`ctx.lang`); what people typed (descriptions, notes, a county's category names) as typed.
 */

export type Access = 'handler' | 'reporter' | 'public'

export async function accessOf(inc: Incident, ctx: ActionContext): Promise<Access> {
  if (await ctx.can('incident_view', inc.gridId)) return 'handler'
  if (inc.departmentId && (await ctx.can('incident_view', inc.departmentId))) return 'handler'
  for (const t of inc.tasks ?? []) if (await ctx.can('incident_view', t.departmentId)) return 'handler'
  // the county's 综治中心 holds what a township passed up
  if (inc.level === 'county' && (await ctx.can('incident_view', inc.countyId))) return 'handler'
  if (inc.reporterId === ctx.caller.user._id) return 'reporter'
  return 'public'
}

export async function areaName(rt: Runtime, gridId: string): Promise<string> {
  return (await rt.units.ref(gridId))?.fullName ?? gridId
}

export async function toSummary(ctx: Pick<ActionContext, 'rt' | 'lang'>, inc: Incident): Promise<IncidentSummary> {
  const { rt, lang } = ctx
  return {
    id: inc._id,
    code: inc.code,
    category: inc.category,
    categoryLabel: categoryLabel(inc.category, inc.categoryLabel, lang),
    severity: inc.severity,
    status: inc.status,
    statusLabel: statusLabel(inc.status, lang),
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

/** The handling actions a viewer may be offered, by the state table and their permission in the handler unit. */
const HANDLING = ['accept', 'resolve', 'escalate', 'reject', 'dispatch', 'close'] as const

/** What a viewer may do on each department's part: its department's steps, and the centre's rating. */
export async function taskViews(inc: Incident, ctx: ActionContext): Promise<TaskView[]> {
  const out: TaskView[] = []
  const rates = !!inc.dispatchUnitId && (await ctx.can('incident_rate_dept', inc.dispatchUnitId))
  for (const t of tasksOf(inc)) {
    const actions: TaskView['actions'] = []
    const open = inc.status === 'dispatched' && (t.status === 'assigned' || t.status === 'accepted')
    if (open && (await ctx.can('incident_feedback', t.departmentId))) {
      if (t.status === 'assigned') actions.push('reportIn')
      actions.push('feedback', 'returnTask', 'requestAssist')
    }
    if (rates && t.status === 'reported_back' && t.score === null) actions.push('rateDepartment')
    const ref = await ctx.rt.units.ref(t.departmentId)
    out.push({
      id: t.id,
      department: ref ?? {
        id: t.departmentId,
        name: t.departmentName,
        fullName: t.departmentName,
        level: 'department',
      },
      kind: t.kind,
      task: t.task,
      status: t.status,
      statusLabel: taskStatusLabel(t.status, ctx.lang),
      deadline: t.deadline,
      acceptedAt: t.acceptedAt,
      doneAt: t.doneAt,
      note: t.note,
      onTime: t.onTime,
      score: t.score,
      assistAsked: t.assistAsked,
      actions,
    })
  }
  return out
}

export async function actionsFor(
  inc: Incident,
  ctx: ActionContext,
  tasks?: readonly TaskView[],
): Promise<IncidentView['actions']> {
  const out: IncidentView['actions'] = []
  for (const a of HANDLING) {
    // while departments hold it, the centre that whistled may add one (协办)
    const unit = a === 'dispatch' ? dispatchUnitOf(inc) : inc.handlerUnitId
    if (nextState(inc, a) && (await ctx.can(ACTION_ACTOR[a] as Permission, unit))) out.push(a)
  }
  if (nextState(inc, 'to_county') && (await ctx.can('incident_dispatch', inc.handlerUnitId)))
    out.push('escalateToCounty')
  const me = ctx.caller.user._id
  if (inc.status === 'resolved' && inc.reporterId === me) out.push('rate')
  // a department's steps on its own part (the first one it holds), and the centre's rating of the parts
  for (const a of ['reportIn', 'feedback', 'returnTask', 'requestAssist', 'rateDepartment'] as const)
    if ((tasks ?? (await taskViews(inc, ctx))).some((t) => t.actions.includes(a))) out.push(a)
  if (
    !inc.validAt &&
    inc.status !== 'rejected' &&
    inc.reporterId !== me &&
    (await ctx.can('report_reward', inc.gridId))
  )
    out.push('markValid')
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

// ---- people on a case, as each viewer may see them ----

/** The reporter agreed to be contacted ("可以联系我"); cases filed before the choice: a named report did, an anonymous one not. */
export function isContactable(inc: Pick<Incident, 'contactable' | 'anonymous'>): boolean {
  return inc.contactable ?? !inc.anonymous
}

/**
 * The reporter's name as a viewer sees it. The reporter: their own. A handler (at any level, up to a county
 * department): the name only where the reporter agreed to be contacted. Anyone else, and a handler without that
 * consent: masked, or 匿名群众 for an anonymous report. The same rule wherever the reporter appears (the case, its
 * timeline, the people named in a dispute), so no view undoes another's masking; the ledger, a file that travels,
 * masks every reporter.
 */
export function reporterNameFor(inc: Incident, viewer: Viewer): string {
  if (viewer.id === inc.reporterId || (viewer.access === 'handler' && isContactable(inc))) return inc.reporterName
  return inc.anonymous ? incidentText('incident.anonymous', viewer.lang) : maskName(inc.reporterName)
}

/** Who is looking, with the access they have to the case and the language they read. */
export interface Viewer {
  id: string
  access: Access
  lang: Lang
}

/** The people a reporter named in a dispute (often the reporter among them): in full only where the reporter is. */
function partyNameFor(inc: Incident, name: string, viewer: Viewer): string {
  return viewer.access === 'handler' && isContactable(inc) ? name : maskName(name)
}

/**
 * The name on a timeline entry. The reporter's own steps (report, rating) follow `reporterNameFor`; a neighbour
 * who joined agreed to nothing and is masked to all but themselves; handlers' steps are shown to handlers and
 * masked to residents; units without a person (byUserId null) are shown as written, the system (no name) as 系统.
 */
function byNameFor(inc: Incident, e: IncidentEvent, viewer: Viewer): string {
  if (e.byUserId === null) return e.byName || incidentText('incident.system', viewer.lang)
  if (e.byUserId === viewer.id) return e.byName
  if (e.byUserId === inc.reporterId) return reporterNameFor(inc, viewer)
  if (e.action === 'join') return maskName(e.byName)
  return viewer.access === 'handler' ? e.byName : maskName(e.byName)
}

/** A timeline note: what the system says of the step, then what the person typed. */
function noteOf(e: IncidentEvent, lang: Lang): string {
  const said = e.systemNote ? render(e.systemNote, lang) : ''
  if (!said || !e.note) return said || e.note
  return render({ key: 'incident.note.labelled', params: { label: said, text: e.note } }, lang)
}

/**
 * What a caller sees of an incident. Handlers: everything but the reporter, who is named only where they agreed
 * to be contacted, and whose phone is masked. The reporter: their report, notes and photos, handlers' names
 * masked. Everyone else: a public summary with no location, photos, notes or names.
 */
export async function toView(
  inc: Incident,
  ctx: ActionContext,
  stored: readonly IncidentEvent[],
  access?: Access,
): Promise<IncidentView> {
  const rt = ctx.rt
  const events = timelineOf(inc, stored)
  const acc = access ?? (await accessOf(inc, ctx))
  const mine = inc.reporterId === ctx.caller.user._id
  const seesDetail = acc !== 'public'
  const fileIds = seesDetail ? [...inc.photos, ...events.flatMap((e) => e.photos)] : []
  // photos the case and its timeline say had passed their checks are not checked again (one request less)
  const passed = new Set([...(inc.photosPassed ?? []), ...events.flatMap((e) => e.photosPassed ?? [])])
  const urls = fileIds.length ? await rt.files.urls(fileIds, null, passed) : {}
  const photo = (id: string) => ({ fileId: id, url: urls[id] ?? '' })
  const unitNames = new Map<string, string>()
  for (const e of events)
    if (!unitNames.has(e.unitId)) unitNames.set(e.unitId, (await rt.units.get(e.unitId))?.name ?? '')

  const viewer: Viewer = { id: ctx.caller.user._id, access: acc, lang: ctx.lang }
  const timeline: TimelineEntry[] = events.map((e) => {
    const byName = byNameFor(inc, e, viewer)
    return {
      seq: e.seq,
      action: e.action,
      actionLabel: actionLabel(e.action, ctx.lang),
      statusLabel: statusLabel(e.toStatus, ctx.lang),
      unitName: unitNames.get(e.unitId) ?? '',
      byName,
      at: e.at,
      note: seesDetail ? noteOf(e, ctx.lang) : '',
      photos: seesDetail ? e.photos.map(photo) : [],
    }
  })

  // the phone is masked for everyone (the reporter sees theirs is the one on file), and hidden from residents
  const reporterPhone = acc === 'handler' || mine ? maskPhone(inc.reporterPhone) : null
  const agreementUrls =
    acc === 'handler' && inc.dispute?.agreementPhotos?.length ? await rt.files.urls(inc.dispute.agreementPhotos) : {}
  const dispute =
    acc === 'handler' && inc.dispute
      ? {
          ...inc.dispute,
          parties: inc.dispute.parties.map((p) => ({ ...p, name: partyNameFor(inc, p.name, viewer) })),
          agreementPhotos: (inc.dispute.agreementPhotos ?? []).map((id) => ({
            fileId: id,
            url: agreementUrls[id] ?? '',
          })),
        }
      : null
  const tasks = acc === 'handler' ? await taskViews(inc, ctx) : []

  return {
    ...(await toSummary(ctx, inc)),
    access: acc,
    photos: seesDetail ? inc.photos.map(photo) : [],
    location: seesDetail ? inc.location : null,
    address: seesDetail ? inc.address : null,
    reporterName: reporterNameFor(inc, viewer),
    reporterPhone,
    anonymous: inc.anonymous,
    contactable: isContactable(inc),
    handlerUnit: (await rt.units.ref(inc.handlerUnitId))!,
    department: inc.departmentId ? await rt.units.ref(inc.departmentId) : null,
    dispatchDeadline: inc.dispatchDeadline,
    resolution: inc.resolution,
    resolvedAt: inc.resolvedAt,
    ratingLabel: inc.rating ? ratingLabel(inc.rating, ctx.lang) : null,
    ratingComment: seesDetail ? inc.ratingComment : null,
    deptScore: acc === 'handler' ? inc.deptScore : null,
    rejectReason: inc.rejectReason,
    dispute,
    tasks,
    validAt: inc.validAt ?? null,
    rewardPoints: acc === 'public' ? null : (inc.rewardPoints ?? null),
    mine,
    actions: await actionsFor(inc, ctx, tasks),
    timeline,
  }
}

/** A county's categories as the settings page shows them (the default list while it has none of its own). */
export function categoriesView(county: UnitRef, cfg: IncidentConfig | null): CategoriesOutput {
  return {
    county,
    // the names as kept (a county edits its own words; the default list in its Chinese names)
    categories: cfg?.categories ?? defaultCategories(),
    isDefault: !cfg,
    updatedAt: cfg?.updatedAt ?? null,
    updatedByName: cfg?.updatedByName ?? null,
  }
}
