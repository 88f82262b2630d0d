import { CHECKIN_FLAGS, formatMinute } from '@shared/patrol/patrol.rules'
import type {
  CheckinView,
  CheckpointView,
  Patrol,
  PatrolCheckin,
  PatrolCheckpoint,
  PatrolRoute,
  PatrolShift,
  PatrolTeam,
  PatrolView,
  Progress,
  RouteView,
  ShiftView,
  TeamView,
} from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES, PATROL_STATUSES } from '@shared/patrol/patrol.states'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import type { ActionContext } from '../_core/wrap'
import { checkpointNames, names } from './patrol.repo'

type Reader = Pick<DataPort, 'get' | 'find'>

export async function teamView(db: Reader, team: PatrolTeam): Promise<TeamView> {
  const n = await names(db, [team.captainId, ...team.memberIds])
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

export function checkinView(ci: PatrolCheckin, cpName: string, byName: string, showPosition: boolean): CheckinView {
  return {
    id: ci._id,
    checkpointId: ci.checkpointId,
    checkpointName: cpName,
    by: byName,
    at: ci.at,
    late: ci.late,
    status: ci.status,
    statusLabel: CHECKIN_STATUSES[ci.status].label,
    flags: ci.flags.map((code) => ({ code, label: CHECKIN_FLAGS[code] })),
    distanceM: ci.distanceM,
    accuracyM: ci.accuracyM,
    location: showPosition ? ci.location : null,
  }
}

/** Positions are for the village's captains and officials: whoever may review its check-ins. */
export function seesPositions(ctx: ActionContext, villageId: string): Promise<boolean> {
  return ctx.can('checkin_review', villageId)
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
    checkpointNames(db, [...patrol.checkpointIds, ...checkins.map((c) => c.checkpointId)]),
    names(db, [...patrol.participants, ...checkins.map((c) => c.userId)]),
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
    statusLabel: PATROL_STATUSES[patrol.status].label,
    startedAt: patrol.startedAt,
    finishedAt: patrol.finishedAt,
    minutes: patrol.minutes,
    progress: progressOf(patrol, cpNames),
    checkins: checkins.map((c) =>
      checkinView(c, cpNames.get(c.checkpointId) ?? '', people.get(c.userId) ?? '', showPosition),
    ),
    hazards: hazards.map((h) => ({ id: h._id, text: h.text, at: h.at, incidentId: h.incidentId })),
    participants: patrol.participants.map((id) => ({ id, name: people.get(id) ?? '' })),
    grids: grids.filter((g) => g.level === 'grid').map((g) => ({ id: g._id, name: g.name })),
  }
}
