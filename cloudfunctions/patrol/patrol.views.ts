import { translator, type Lang, type Translate } from '@shared/i18n/i18n'
import { PATROL } from '@shared/patrol/patrol.messages'
import { PATROL_LIMITS, formatMinute, type CreditReason } from '@shared/patrol/patrol.rules'
import type {
  CheckinView,
  CheckpointView,
  CreditView,
  Patrol,
  PatrolCheckin,
  PatrolCheckpoint,
  PatrolCredit,
  PatrolRoute,
  PatrolSettings,
  PatrolShift,
  PatrolTeam,
  PatrolView,
  Progress,
  RouteView,
  SettingsView,
  ShiftView,
  TeamView,
} from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES } from '@shared/patrol/patrol.states'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import type { ActionContext } from '../_core/wrap'
import { checkpointNames, names } from './patrol.repo'

type Reader = Pick<DataPort, 'get' | 'find'>

/**
 * Labels in views are rendered here, in the reader's language (`ctx.lang`): statuses, flags, what a patrol earned
 * and why. The client shows them as they come; numbers and dates it formats itself.
 */
export function patrolWords(lang: Lang): Translate<typeof PATROL> {
  return translator(PATROL, () => lang)
}

export async function teamView(db: Reader, team: PatrolTeam, lang: Lang): Promise<TeamView> {
  const n = await names(db, [team.captainId, ...team.memberIds], lang)
  return {
    id: team._id,
    name: team.name,
    captain: { id: team.captainId, name: n.get(team.captainId) ?? '' },
    members: team.memberIds.map((id) => ({ id, name: n.get(id) ?? '' })),
  }
}

export function checkpointView(cp: PatrolCheckpoint): CheckpointView {
  return {
    id: cp._id,
    name: cp.name,
    location: { lat: cp.location.lat, lng: cp.location.lng },
    radiusM: cp.radiusM,
    active: cp.active,
  }
}

/** A route with its active checkpoints in walking order, then retired ones. */
export async function routeView(db: Reader, route: PatrolRoute): Promise<RouteView> {
  const all = await db.find(C.patrol_checkpoints, {
    where: { routeId: route._id },
    orderBy: [['createdAt', 'asc']],
    limit: 200,
  })
  const byId = new Map(all.map((c) => [c._id, c]))
  const active = route.checkpointIds.map((id) => byId.get(id)).filter((c): c is PatrolCheckpoint => !!c)
  const retired = all.filter((c) => !route.checkpointIds.includes(c._id))
  return { id: route._id, name: route.name, checkpoints: [...active, ...retired].map(checkpointView) }
}

export function shiftView(s: PatrolShift, teamName: string, routeName: string): ShiftView {
  return {
    id: s._id,
    name: s.name,
    teamId: s.teamId,
    teamName,
    routeId: s.routeId,
    routeName,
    startMinute: s.startMinute,
    durationMinutes: s.durationMinutes,
    time: `${formatMinute(s.startMinute)}–${formatMinute(s.startMinute + s.durationMinutes)}`,
    weekdays: s.weekdays,
    active: s.active,
  }
}

/** The checkpoints of the patrol still to check; `cpNames` needs only those. */
export function remainingOf(patrol: Patrol): string[] {
  const done = new Set(patrol.done.map((d) => d.checkpointId))
  return patrol.checkpointIds.filter((id) => !done.has(id))
}

export function progressOf(patrol: Patrol, cpNames: Map<string, string>): Progress {
  const remaining = remainingOf(patrol)
  return {
    done: patrol.checkpointIds.length - remaining.length,
    total: patrol.checkpointIds.length,
    remaining: remaining.map((id) => ({ id, name: cpNames.get(id) ?? '' })),
  }
}

export function checkinView(
  ci: PatrolCheckin,
  cpName: string,
  byName: string,
  showPosition: boolean,
  lang: Lang,
): CheckinView {
  const t = patrolWords(lang)
  return {
    id: ci._id,
    checkpointId: ci.checkpointId,
    checkpointName: cpName,
    by: byName,
    at: ci.at,
    late: ci.late,
    status: ci.status,
    statusLabel: t(`patrol.checkin.${ci.status}`),
    flags: ci.flags.map((code) => ({ code, label: t(`patrol.flag.${code}`) })),
    distanceM: ci.distanceM,
    accuracyM: ci.accuracyM,
    location: showPosition ? ci.location : null,
  }
}

/** Positions are for the village's captains and officials: whoever may review its check-ins. */
export function seesPositions(ctx: ActionContext, villageId: string): Promise<boolean> {
  return ctx.can('checkin_review', villageId)
}

function reasonLabel(t: Translate<typeof PATROL>, code: CreditReason, credit: PatrolCredit): string {
  if (code === 'coverage_low') return t('patrol.credit_why.coverage_low', { pct: credit.thresholdPct })
  if (code === 'too_short') return t('patrol.credit_why.too_short', { min: credit.minMinutes })
  return t('patrol.credit_why.flagged_pending')
}

/**
 * What a finished patrol earned and why. A patrol finished before the rule (no `credit`) was credited at finish;
 * its coverage is what its check-ins count.
 */
export function creditView(patrol: Patrol, checkins: readonly PatrolCheckin[], lang: Lang): CreditView | null {
  if (patrol.status !== 'finished' || patrol.credit === null) return null
  const credit: PatrolCredit = patrol.credit ?? {
    status: 'credited',
    reasons: [],
    counted: checkins.filter((c) => CHECKIN_STATUSES[c.status].counts).length,
    total: patrol.checkpointIds.length,
    thresholdPct: patrol.coveragePct ?? PATROL_LIMITS.defaultCoveragePct,
    minMinutes: 0,
    decidedAt: patrol.finishedAt,
    decidedBy: patrol.finishedBy,
  }
  const t = patrolWords(lang)
  return {
    status: credit.status,
    statusLabel: t(`patrol.credit.${credit.status}`),
    reasons: credit.reasons.map((code) => ({ code, label: reasonLabel(t, code, credit) })),
    counted: credit.counted,
    total: credit.total,
    thresholdPct: credit.thresholdPct,
  }
}

/** The village's rules in force, with who set them; the defaults when nobody has. */
export async function settingsView(db: Reader, settings: PatrolSettings | null, lang: Lang): Promise<SettingsView> {
  if (!settings)
    return { coveragePct: PATROL_LIMITS.defaultCoveragePct, isDefault: true, by: null, at: null, reason: null }
  const by = await names(db, [settings.by], lang)
  return {
    coveragePct: settings.coveragePct,
    isDefault: false,
    by: { id: settings.by, name: by.get(settings.by) ?? '' },
    at: settings.at,
    reason: settings.reason,
  }
}

export async function patrolView(ctx: ActionContext, patrol: Patrol): Promise<PatrolView> {
  const db = ctx.db
  const [team, route, checkins, hazards, showPosition, grids] = await Promise.all([
    db.get(C.patrol_teams, patrol.teamId),
    db.get(C.patrol_routes, patrol.routeId),
    db.find(C.patrol_checkins, { where: { patrolId: patrol._id }, orderBy: [['at', 'asc']], limit: 100 }),
    db.find(C.patrol_hazards, { where: { patrolId: patrol._id }, orderBy: [['at', 'asc']], limit: 100 }),
    seesPositions(ctx, patrol.villageId),
    ctx.rt.units.children(patrol.villageId),
  ])
  const [cpNames, people] = await Promise.all([
    checkpointNames(db, [...patrol.checkpointIds, ...checkins.map((c) => c.checkpointId)], ctx.lang),
    names(db, [...patrol.participants, ...checkins.map((c) => c.userId)], ctx.lang),
  ])
  return {
    id: patrol._id,
    villageId: patrol.villageId,
    teamName: team?.name ?? '',
    routeName: route?.name ?? '',
    shiftName: patrol.shiftName,
    day: patrol.day,
    windowStart: patrol.windowStart,
    windowEnd: patrol.windowEnd,
    status: patrol.status,
    statusLabel: patrolWords(ctx.lang)(`patrol.status.${patrol.status}`),
    startedAt: patrol.startedAt,
    startReceivedAt: patrol.startReceivedAt ?? patrol.startedAt,
    finishedAt: patrol.finishedAt,
    minutes: patrol.minutes,
    progress: progressOf(patrol, cpNames),
    coveragePct: patrol.credit?.thresholdPct ?? patrol.coveragePct ?? PATROL_LIMITS.defaultCoveragePct,
    credit: creditView(patrol, checkins, ctx.lang),
    checkins: checkins.map((c) =>
      checkinView(c, cpNames.get(c.checkpointId) ?? '', people.get(c.userId) ?? '', showPosition, ctx.lang),
    ),
    hazards: hazards.map((h) => ({ id: h._id, text: h.text, at: h.at, incidentId: h.incidentId })),
    participants: patrol.participants.map((id) => ({ id, name: people.get(id) ?? '' })),
    grids: grids.filter((g) => g.level === 'grid').map((g) => ({ id: g._id, name: g.name })),
  }
}
