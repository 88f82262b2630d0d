import type { UnitRef } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import {
  DEFAULT_CATEGORIES,
  RATING_LABELS,
  type CategoriesOutput,
  type IncidentConfig,
  type IncidentEvent,
  type IncidentSummary,
  type IncidentView,
  type Incident,
  type TimelineEntry,
} from '@shared/incident/incident.schema'
import { ACTION_ACTOR, ACTION_LABELS, STATUS_META, nextState } from '@shared/incident/incident.states'
import { maskName, maskPhone } from '@shared/mask'
import type { Runtime } from '../_core/runtime'
import type { ActionContext } from '../_core/wrap'

/**
 * Incidents as the contract shows them, by who is looking: handlers (people who may act in its unit or its
 * department) see everything; the reporter their own report; everyone else a public summary.
 */

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

/** The handling actions a viewer may be offered, by the state table and their permission in the handler unit. */
const HANDLING = ['accept', 'resolve', 'escalate', 'reject', 'dispatch', 'feedback', 'close'] as const

export async function actionsFor(inc: Incident, ctx: ActionContext): Promise<IncidentView['actions']> {
  const out: IncidentView['actions'] = []
  for (const a of HANDLING) {
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

/** A county's categories as the settings page shows them (the default list while it has none of its own). */
export function categoriesView(county: UnitRef, cfg: IncidentConfig | null): CategoriesOutput {
  return {
    county,
    categories: cfg?.categories ?? DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    isDefault: !cfg,
    updatedAt: cfg?.updatedAt ?? null,
    updatedByName: cfg?.updatedByName ?? null,
  }
}
