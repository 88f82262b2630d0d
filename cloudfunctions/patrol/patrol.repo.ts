import type { Unit, User } from '@shared/account/account.schema'
import { ROLES } from '@shared/auth/roles'
import { render, type Lang } from '@shared/i18n/i18n'
import { PatrolErrors } from '@shared/patrol/patrol.contract'
import { PATROL_LIMITS } from '@shared/patrol/patrol.rules'
import {
  COUNTER_FIELDS,
  PatrolCounterSchema,
  type CounterField,
  type Patrol,
  type PatrolCheckpoint,
  type PatrolCounter,
  type PatrolSettings,
} from '@shared/patrol/patrol.schema'
import { C } from '../_core/collections'
import { stableId, timeId } from '../_core/ids'
import { getMany, getOr, type DataPort, type TxStore } from '../_core/port'
import type { UnitDirectory } from '../_core/units'

type Reader = Pick<DataPort, 'get' | 'find'>
/** loaders read by id: outside a transaction, or inside one (`tx`) */
type ById = Pick<DataPort, 'get'> | TxStore

/** Deterministic ids: the same member, patrol window, check-in, decision, hours or counter is one document. */
export const ids = {
  member: (teamId: string, userId: string) => stableId('pm', teamId, userId),
  patrol: (shiftId: string, day: string) => stableId('pt', shiftId, day),
  checkin: (patrol: Pick<Patrol, '_id' | 'windowStart' | 'done'>, checkpointId: string) =>
    checkinId(patrol, checkpointId),
  review: (checkinId: string) => stableId('rv', checkinId),
  hours: (patrolId: string, userId: string) => stableId('ph', patrolId, userId),
  counter: (kind: 'village' | 'team', unitId: string, month: string) => stableId('ps', kind, unitId, month),
}

/**
 * One check-in per patrol and checkpoint, by its id. The id starts with the patrol's window start, so new
 * check-ins go in at the end of the table's index (hashed ids sent each to a random, mostly uncached page of
 * a table of millions). A patrol that already holds check-ins under the older hashed ids keeps them, so a
 * check-in sent again to such a patrol is still stored once.
 */
const HASHED_CHECKIN = /^ci_[0-9a-f]{24}$/
function checkinId(patrol: Pick<Patrol, '_id' | 'windowStart' | 'done'>, checkpointId: string): string {
  const first = patrol.done[0]?.checkinId
  if (first && HASHED_CHECKIN.test(first)) return stableId('ci', patrol._id, checkpointId)
  return timeId('ci', patrol.windowStart, patrol._id, checkpointId)
}

// ---- loaders ----

export const loadTeam = (db: ById, id: string) => getOr(db, C.patrol_teams, id, PatrolErrors.TEAM_NOT_FOUND)
export const loadRoute = (db: ById, id: string) => getOr(db, C.patrol_routes, id, PatrolErrors.ROUTE_NOT_FOUND)
export const loadShift = (db: ById, id: string) => getOr(db, C.patrol_shifts, id, PatrolErrors.SHIFT_NOT_FOUND)
export const loadPatrol = (db: ById, id: string) => getOr(db, C.patrols, id, PatrolErrors.PATROL_NOT_FOUND)
export const loadCheckpoint = (db: ById, id: string) =>
  getOr(db, C.patrol_checkpoints, id, PatrolErrors.CHECKPOINT_NOT_FOUND)
export const loadCheckin = (db: ById, id: string) => getOr(db, C.patrol_checkins, id, PatrolErrors.CHECKIN_NOT_FOUND)

/** Names of users by id; someone who left the system keeps a placeholder in the reader's language. */
export async function names(db: Reader, userIds: readonly string[], lang: Lang): Promise<Map<string, string>> {
  const users = await getMany(db, C.users, userIds)
  const gone = render({ key: 'patrol.user_gone' }, lang)
  return new Map([...new Set(userIds)].map((id) => [id, users.get(id)?.name ?? gone]))
}

/** Names of checkpoints by id, including retired ones (past check-ins keep their name). */
export async function checkpointNames(db: Reader, cpIds: readonly string[], lang: Lang): Promise<Map<string, string>> {
  const cps = await getMany(db, C.patrol_checkpoints, cpIds)
  const gone = render({ key: 'patrol.checkpoint_gone' }, lang)
  return new Map([...new Set(cpIds)].map((id) => [id, cps.get(id)?.name ?? gone]))
}

/** The village's patrol rules in force: the latest change, or null (the defaults). */
export async function currentSettings(db: Reader, villageId: string): Promise<PatrolSettings | null> {
  const [latest] = await db.find(C.patrol_settings, {
    where: { villageId },
    orderBy: [['at', 'desc']],
    limit: 1,
  })
  return latest ?? null
}

export function coveragePctOf(settings: PatrolSettings | null): number {
  return settings?.coveragePct ?? PATROL_LIMITS.defaultCoveragePct
}

export async function isActiveMember(db: ById, teamId: string, userId: string): Promise<boolean> {
  const m = await db.get(C.patrol_members, ids.member(teamId, userId))
  return !!m && m.active
}

/**
 * Whether the caller is an active member of the team: from the teams kept on their document (`patrolTeamIds`, read
 * with the caller at the start of this call, as their grants are), else (a document from before they were kept)
 * from their membership.
 */
export async function callerIsMember(
  db: ById,
  user: Pick<User, '_id' | 'patrolTeamIds'>,
  teamId: string,
): Promise<boolean> {
  if (user.patrolTeamIds) return user.patrolTeamIds.includes(teamId)
  return isActiveMember(db, teamId, user._id)
}

/** The caller's teams: kept on their document, else (a document from before they were kept) queried. */
export async function callerTeams(db: Reader, user: Pick<User, '_id' | 'patrolTeamIds'>): Promise<string[]> {
  if (user.patrolTeamIds) return user.patrolTeamIds
  const memberships = await db.find(C.patrol_members, { where: { userId: user._id, active: true }, limit: 50 })
  return memberships.map((m) => m.teamId)
}

/**
 * Brings a person's kept teams in line with one membership change, in the transaction that makes it (saveTeam is the
 * only writer of `patrol_members`). A document that keeps no teams yet keeps none: its membership is read instead.
 */
export async function keepTeamOnUser(tx: TxStore, userId: string, teamId: string, active: boolean): Promise<void> {
  const user = await tx.get(C.users, userId)
  if (!user) return
  if (!user.patrolTeamIds) {
    // not kept yet: move the version on, so a backfill that read the memberships before this change writes nothing
    await tx.update(C.users, userId, { patrolTeamsVersion: (user.patrolTeamsVersion ?? 0) + 1 })
    return
  }
  const has = user.patrolTeamIds.includes(teamId)
  if (has === active) return
  const others = user.patrolTeamIds.filter((t) => t !== teamId)
  await tx.update(C.users, userId, { patrolTeamIds: active ? [...others, teamId] : others })
}

/** Teams, routes and shifts belong to a village (村/社区): `unit` is what the action loaded for its villageId. */
export function mustBeVillage(unit: Unit | null): Unit {
  if (!unit) throw PatrolErrors.UNIT_NOT_FOUND()
  if (unit.level !== 'village') throw PatrolErrors.NOT_A_VILLAGE()
  return unit
}

/** People who may patrol in the village: they hold a role with checkin_create in it or in one of its grids. */
export async function patrollersOf(db: Reader, units: UnitDirectory, villageId: string): Promise<string[]> {
  const grids = await units.children(villageId)
  const rows = await db.find(C.role_assignments, {
    where: { unitId: { $in: [villageId, ...grids.map((g) => g._id)] }, revokedAt: null },
    limit: 2000,
  })
  return [...new Set(rows.filter((r) => ROLES[r.role].permissions.includes('checkin_create')).map((r) => r.userId))]
}

/**
 * The one-time backfill of one person's kept teams (documents written before they were kept; `tools/backfill-grants.ts`),
 * in its own transaction, as `backfillGrants` does for grants: `seen` is their document as read before their active
 * memberships (`memberIds`) were queried; nothing is written if the document keeps teams already ('kept') or a
 * membership change came in since ('changed': read both again). Each membership is read again here.
 */
export async function backfillTeams(
  tx: TxStore,
  seen: Pick<User, '_id' | 'patrolTeamsVersion'>,
  memberIds: readonly string[],
): Promise<'written' | 'kept' | 'changed' | 'missing'> {
  const user = await tx.get(C.users, seen._id)
  if (!user) return 'missing'
  if (user.patrolTeamIds) return 'kept'
  if ((user.patrolTeamsVersion ?? 0) !== (seen.patrolTeamsVersion ?? 0)) return 'changed'
  const teams: string[] = []
  for (const id of new Set(memberIds)) {
    const m = await tx.get(C.patrol_members, id)
    if (m && m.active && m.userId === user._id && !teams.includes(m.teamId)) teams.push(m.teamId)
  }
  await tx.update(C.users, user._id, { patrolTeamIds: teams })
  return 'written'
}

// ---- configuration kept by a warm instance ----

/**
 * How long a warm instance keeps a checkpoint it read (issue #21): 60 s. Only configuration is kept (a checkpoint's
 * name, place, radius, village and route), never who may do what: membership, grants and the patrol itself are read
 * fresh by every call. A change made by this instance (saveCheckpoint) is seen at once; one made by another instance
 * within a minute. Kept per runtime (one per instance; each test's own).
 */
export const CONFIG_TTL_MS = 60_000
const kept = new WeakMap<object, Map<string, { cp: PatrolCheckpoint; at: number }>>()

/** Checkpoints by id, from what this instance read in the last minute, the rest in one `_id in` query. */
export async function checkpointsOf(
  rt: { db: Reader },
  cpIds: readonly string[],
  now: number,
): Promise<Map<string, PatrolCheckpoint>> {
  let mine = kept.get(rt)
  if (!mine) kept.set(rt, (mine = new Map()))
  const out = new Map<string, PatrolCheckpoint>()
  const missing: string[] = []
  for (const id of new Set(cpIds)) {
    const hit = mine.get(id)
    if (hit && now - hit.at < CONFIG_TTL_MS && now >= hit.at) out.set(id, hit.cp)
    else missing.push(id)
  }
  if (missing.length)
    for (const [id, cp] of await getMany(rt.db, C.patrol_checkpoints, missing)) {
      mine.set(id, { cp, at: now })
      out.set(id, cp)
    }
  return out
}

/** After this instance changed checkpoints: what it kept is read again. */
export function forgetCheckpoints(rt: object): void {
  kept.delete(rt)
}

/** Names of checkpoints by id (retired ones too), from the kept configuration. */
export async function keptCheckpointNames(
  rt: { db: Reader },
  cpIds: readonly string[],
  now: number,
  lang: Lang,
): Promise<Map<string, string>> {
  const cps = await checkpointsOf(rt, cpIds, now)
  const gone = render({ key: 'patrol.checkpoint_gone' }, lang)
  return new Map([...new Set(cpIds)].map((id) => [id, cps.get(id)?.name ?? gone]))
}

// ---- counters ----

export interface CounterKeys {
  villageId: string
  teamId: string
  townshipId: string | null
  countyId: string | null
}

/** The ancestors a village's counters carry, from its path (the unit directory caches them). */
export async function counterKeys(units: UnitDirectory, villageId: string, teamId: string): Promise<CounterKeys> {
  const village = await units.get(villageId)
  let townshipId: string | null = null
  let countyId: string | null = null
  for (const id of village?.path ?? []) {
    const unit = await units.get(id)
    if (unit?.level === 'township') townshipId = id
    if (unit?.level === 'county') countyId = id
  }
  return { villageId, teamId, townshipId, countyId }
}

/**
 * Adds to the team's counter for the month, by id in tx, without reading it first (one request). Only the team's
 * counter is written (issue #21): it carries its village, township and county, and every figure above a team is the
 * sum of its teams' counters, read in the same one query as before. (Counters of kind `village` were written beside
 * the team's, with the same additions, until then: they are no longer read.)
 */
export async function bumpCounters(
  tx: TxStore,
  keys: CounterKeys,
  month: string,
  delta: Partial<Record<CounterField, number>>,
): Promise<void> {
  const id = ids.counter('team', keys.teamId, month)
  const init: PatrolCounter = PatrolCounterSchema.parse({
    _id: id,
    kind: 'team',
    unitId: keys.teamId,
    villageId: keys.villageId,
    townshipId: keys.townshipId,
    countyId: keys.countyId,
    month,
    ...(Object.fromEntries(COUNTER_FIELDS.map((k) => [k, 0])) as Record<CounterField, number>),
  })
  // added without reading first; a counter written before a field existed lacks it: it counts from 0
  await tx.inc(C.patrol_counters, init, delta)
}
