import { C } from '../cloudfunctions/_core/collections'
import type { Doc } from '../cloudfunctions/_core/port'
import type { User } from '../shared/account/account.schema'
import type { PatrolMember } from '../shared/patrol/patrol.schema'
import type { SqlitePort } from '../cloudfunctions/_core/sqlite-port'
import { accountSeed, DEMO_USERS } from './account.seed'
import { incidentSeed } from './incident.seed'
import { volunteerSeed } from './volunteer.seed'
import { patrolSeed } from './patrol.seed'
import { pointsSeed } from './points.seed'

export { DEMO_USERS }

/** All demo data by collection, every document parsed with its shared schema. */
export function buildSeed(now: number): Record<string, Doc[]> {
  const parts: Array<Record<string, Doc[]>> = [
    accountSeed(now) as unknown as Record<string, Doc[]>,
    patrolSeed(now),
    pointsSeed(now),
  ]
  parts.push(volunteerSeed(now))
  const out: Record<string, Doc[]> = {}
  for (const part of parts) for (const [c, docs] of Object.entries(part)) (out[c] ??= []).push(...docs)
  // each person's active patrol teams kept on their document, as saveTeam keeps them (keepTeamOnUser)
  const members = (out[C.patrol_members] ?? []) as unknown as PatrolMember[]
  for (const user of (out[C.users] ?? []) as unknown as User[])
    user.patrolTeamIds = members.filter((m) => m.active && m.userId === user._id).map((m) => m.teamId)
  return out
}

/** Loads the demo data into an empty store (returns false and does nothing if it is not empty). */
export async function seedIfEmpty(db: SqlitePort, now: number): Promise<boolean> {
  if ((await db.count(C.units)) > 0) return false
  for (const [collection, docs] of Object.entries(buildSeed(now))) db.bulkInsert(collection, docs)
  // incidents are made by the real (async) create and transition code, so their counters and timelines are exact
  for (const [collection, docs] of Object.entries(await incidentSeed(now))) db.bulkInsert(collection, docs)
  return true
}
