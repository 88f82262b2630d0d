import type { User } from '@shared/account/account.schema'
import { CHECKIN_FLAGS, formatMinute } from '@shared/patrol/patrol.rules'
import {
  PatrolStatSchema,
  STAT_COUNTERS,
  type CheckinView,
  type Patrol,
  type PatrolCheckin,
  type PatrolCheckpoint,
  type PatrolHazard,
  type PatrolRoute,
  type PatrolShift,
  type PatrolStat,
  type PatrolTeam,
  type PatrolView,
  type Progress,
  type RouteView,
  type ShiftView,
  type StatCounter,
  type TeamView,
} from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES, PATROL_STATUSES } from '@shared/patrol/patrol.states'
import { PatrolErrors } from '@shared/patrol/patrol.contract'
import { stableId } from '../_core/ids'
import type { DataPort, TxStore } from '../_core/port'
import type { ActionContext } from '../_core/wrap'

/** Collections of this domain (declared in _core/collections.ts, patrol section). */
export const C = {
  teams: 'patrol_teams',
  members: 'patrol_members',
  routes: 'patrol_routes',
  checkpoints: 'patrol_checkpoints',
  shifts: 'patrol_shifts',
  patrols: 'patrols',
  checkins: 'patrol_checkins',
  reviews: 'patrol_reviews',
  hours: 'patrol_hours',
  hazards: 'patrol_hazards',
  stats: 'patrol_stats',
} as const

export const ids = {
  member: (teamId: string, userId: string) => stableId('pm', teamId, userId),
  patrol: (shiftId: string, day: string) => stableId('pt', shiftId, day),
  checkin: (patrol: Pick<Patrol, '_id' | 'windowStart' | 'done'>, checkpointId: string) =>
    checkinId(patrol, checkpointId),
  review: (checkinId: string) => stableId('rv', checkinId),
  hours: (patrolId: string, userId: string) => stableId('ph', patrolId, userId),
  stat: (kind: 'village' | 'team', unitId: string, month: string) => stableId('ps', kind, unitId, month),
}

/**
 * One check-in per patrol and checkpoint, by its id. The id starts with the patrol's window start, so new
 * check-ins go in at the end of the table's index (hashed ids sent each to a random, mostly uncached page of
 * a table of millions). A patrol that already holds check-ins under the older hashed ids keeps them, so a
 * check-in sent again across the change is still stored once.
 */
const LEGACY_CHECKIN = /^ci_[0-9a-f]{24}$/
function checkinId(patrol: Pick<Patrol, '_id' | 'windowStart' | 'done'>, checkpointId: string): string {
  const first = patrol.done[0]?.checkinId
  if (first && LEGACY_CHECKIN.test(first)) return stableId('ci', patrol._id, checkpointId)
  return `ci_${patrol.windowStart.toString(36).padStart(9, '0')}${stableId('', patrol._id, checkpointId).slice(1, 17)}`
}

export async function mustGet<T extends { _id: string }>(
  db: DataPort,
  collection: string,
  id: string,
  missing: () => Error,
): Promise<T> {
  const doc = await db.get<T & { _id: string }>(collection, id)
  if (!doc) throw missing()
  return doc
}

export const loadTeam = (db: DataPort, id: string) => mustGet<PatrolTeam>(db, C.teams, id, PatrolErrors.TEAM_NOT_FOUND)
export const loadRoute = (db: DataPort, id: string) =>
  mustGet<PatrolRoute>(db, C.routes, id, PatrolErrors.ROUTE_NOT_FOUND)
export const loadShift = (db: DataPort, id: string) =>
  mustGet<PatrolShift>(db, C.shifts, id, PatrolErrors.SHIFT_NOT_FOUND)
export const loadPatrol = (db: DataPort, id: string) =>
  mustGet<Patrol>(db, C.patrols, id, PatrolErrors.PATROL_NOT_FOUND)
export const loadCheckpoint = (db: DataPort, id: string) =>
  mustGet<PatrolCheckpoint>(db, C.checkpoints, id, PatrolErrors.CHECKPOINT_NOT_FOUND)

/** Names of users by id (one read each; lists here are a team or a patrol, tens at most). */
export async function names(db: DataPort, userIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  await Promise.all(
    [...new Set(userIds)].map(async (id) => {
      const u = await db.get<User>('users', id)
      out.set(id, u?.name ?? '（已注销）')
    }),
  )
  return out
}

export async function isActiveMember(db: DataPort, teamId: string, userId: string): Promise<boolean> {
  const m = await db.get<{ _id: string; active: boolean }>(C.members, ids.member(teamId, userId))
  return !!m && m.active
}

export async function teamView(db: DataPort, team: PatrolTeam): Promise<TeamView> {
  const n = await names(db, [team.captainId, ...team.memberIds])
  return {
    id: team._id,
    name: team.name,
    captain: { id: team.captainId, name: n.get(team.captainId) ?? '' },
    members: team.memberIds.map((id) => ({ id, name: n.get(id) ?? '' })),
  }
}

export function checkpointView(cp: PatrolCheckpoint) {
  return {
    id: cp._id,
    name: cp.name,
    location: { lat: cp.location.lat, lng: cp.location.lng },
    radiusM: cp.radiusM,
    active: cp.active,
  }
}

/** A route with its active checkpoints in order, then retired ones. */
export async function routeView(db: DataPort, route: PatrolRoute): Promise<RouteView> {
  const all = await db.find<PatrolCheckpoint>(C.checkpoints, {
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

export async function checkpointNames(db: DataPort, cpIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  await Promise.all(
    [...new Set(cpIds)].map(async (id) => {
      const cp = await db.get<PatrolCheckpoint>(C.checkpoints, id)
      out.set(id, cp?.name ?? '（已删除的点位）')
    }),
  )
  return out
}

export function progressOf(patrol: Patrol, cpNames: Map<string, string>): Progress {
  const done = new Set(patrol.done.map((d) => d.checkpointId))
  return {
    done: patrol.checkpointIds.filter((id) => done.has(id)).length,
    total: patrol.checkpointIds.length,
    remaining: patrol.checkpointIds.filter((id) => !done.has(id)).map((id) => ({ id, name: cpNames.get(id) ?? '' })),
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
    db.get<PatrolTeam>(C.teams, patrol.teamId),
    db.get<PatrolRoute>(C.routes, patrol.routeId),
    db.find<PatrolCheckin>(C.checkins, { where: { patrolId: patrol._id }, orderBy: [['at', 'asc']], limit: 100 }),
    db.find<PatrolHazard>(C.hazards, { where: { patrolId: patrol._id }, orderBy: [['at', 'asc']], limit: 100 }),
    seesPositions(ctx, patrol.villageId),
    ctx.rt.units.children(patrol.villageId),
  ])
  const cpNames = await checkpointNames(db, [...patrol.checkpointIds, ...checkins.map((c) => c.checkpointId)])
  const people = await names(db, [...patrol.participants, ...checkins.map((c) => c.userId)])
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

// ---- counters ----

export interface StatKeys {
  villageId: string
  teamId: string
  townshipId: string | null
  countyId: string | null
}

/** The ancestors a village's counters carry, from its path (the unit directory caches them). */
export async function statKeys(ctx: ActionContext, villageId: string, teamId: string): Promise<StatKeys> {
  const village = await ctx.rt.units.get(villageId)
  let townshipId: string | null = null
  let countyId: string | null = null
  for (const id of village?.path ?? []) {
    const unit = await ctx.rt.units.get(id)
    if (unit?.level === 'township') townshipId = id
    if (unit?.level === 'county') countyId = id
  }
  return { villageId, teamId, townshipId, countyId }
}

/** Adds to the village's and the team's counters for the month, read and written by id in tx. */
export async function bumpStats(
  tx: TxStore,
  keys: StatKeys,
  month: string,
  delta: Partial<Record<StatCounter, number>>,
): Promise<void> {
  for (const [kind, unitId] of [
    ['village', keys.villageId],
    ['team', keys.teamId],
  ] as const) {
    const id = ids.stat(kind, unitId, month)
    const prior = await tx.get<PatrolStat>(C.stats, id)
    const base: PatrolStat = prior ?? {
      _id: id,
      kind,
      unitId,
      villageId: keys.villageId,
      townshipId: keys.townshipId,
      countyId: keys.countyId,
      month,
      patrolsStarted: 0,
      patrolsDone: 0,
      checkpointsPlanned: 0,
      checkins: 0,
      flagged: 0,
      accepted: 0,
      rejected: 0,
      missedCheckpoints: 0,
      minutes: 0,
    }
    const next = { ...base }
    for (const k of STAT_COUNTERS) next[k] = base[k] + (delta[k] ?? 0)
    await tx.set(C.stats, PatrolStatSchema.parse(next))
  }
}
