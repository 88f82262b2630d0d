import type { Permission } from '@shared/auth/permissions'
import { ROLE_NAMES, ROLES } from '@shared/auth/roles'
import { categoryParam, incidentRef } from '@shared/incident/incident.labels'
import type { Incident, IncidentStatus, TransitionAction } from '@shared/incident/incident.schema'
import { nextState, workPermission } from '@shared/incident/incident.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { PushProfile } from '../_core/notifier'
import type { Runtime } from '../_core/runtime'
import { unitForLevel, type Tell } from './incident.repo'

/**
 * The holders of a permission in a unit: the people told of new work there. Either named (`userIds`, looked up
 * before the transaction: a query, and the transaction itself only reads and writes by id) or left to the minute
 * timer (`deferred`: the step writes one notice for the unit, and `sendPushes` gives each holder theirs, as they
 * hold the permission then; issue #21: no query in the step). Told only if the transition really put the incident
 * where it was predicted to go.
 */
export interface HolderNotice {
  userIds: string[]
  /** what their assignments keep of their profiles, for the pushes (absent for one: their profile is read) */
  profiles?: ReadonlyMap<string, PushProfile>
  /** the holders of `permission` in `unitId` but `exclude`, found by the timer (then `userIds` is empty) */
  deferred?: UnitNotice
  /** does the incident as the transition wrote it still call for this notice? */
  when: (inc: Incident) => boolean
  tell: (inc: Incident) => Tell
}

/** Whom a deferred notice is for: the holders of a permission in a unit, but the person who acted. */
export interface UnitNotice {
  unitId: string
  permission: Permission
  exclude: string | null
}

/** Who holds a permission through a role held in exactly this unit (not above it: a county official is not paged for every grid). */
export async function holdersIn(rt: Runtime, unitId: string, permission: Permission): Promise<string[]> {
  return (await holdersWithProfiles(rt, unitId, permission)).userIds
}

/**
 * The holders and what their assignments keep of their profiles (`holder`: WeChat id and language), so telling
 * them needs no read of their profiles (issue #21); an assignment without it leaves its holder to be read.
 */
export async function holdersWithProfiles(
  rt: Runtime,
  unitId: string,
  permission: Permission,
): Promise<{ userIds: string[]; profiles: Map<string, PushProfile> }> {
  // by role (the index's third field): a grid's residents hold roles there too, and there may be hundreds
  const roles = ROLE_NAMES.filter((r) => ROLES[r].permissions.includes(permission))
  if (!roles.length) return { userIds: [], profiles: new Map() }
  const rows = await rt.db.find(C.role_assignments, {
    where: { unitId, revokedAt: null, role: { $in: roles } },
    limit: 500,
  })
  const profiles = new Map<string, PushProfile>()
  const bare = new Set<string>()
  for (const r of rows) {
    if (r.holder) profiles.set(r.userId, r.holder)
    else bare.add(r.userId)
  }
  // one of a person's assignments without the copy: their profile is read (the copies may be of another time)
  for (const u of bare) profiles.delete(u)
  return { userIds: [...new Set(rows.map((r) => r.userId))], profiles }
}

const brief = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s)

/** The case in one line for every message to holders: "环境卫生（SJ…）：三号楼后面垃圾…" (its parameters). */
export function caseLine(inc: Incident): { category: string; code: string; brief: string } {
  return { category: categoryParam(inc.category, inc.categoryLabel), code: inc.code, brief: brief(inc.description) }
}

/** What the people whose turn it is are told, by the status the case now waits in (deadlines in Beijing time). */
export function workTell(inc: Incident): Tell {
  const line = caseLine(inc)
  const body = inc.dueAt
    ? incidentRef('incident.work.body_due', { ...line, due: formatBj(inc.dueAt) })
    : incidentRef('incident.work.body', line)
  switch (inc.status) {
    case 'submitted':
      return { title: incidentRef('incident.work.submitted'), body }
    case 'escalated':
      return {
        title: incidentRef(inc.level === 'township' ? 'incident.work.to_dispatch' : 'incident.work.escalated'),
        body,
      }
    case 'reopened':
      return { title: incidentRef('incident.work.reopened'), body }
    case 'dispatched':
      return {
        title: incidentRef('incident.work.dispatched'),
        body: incidentRef('incident.work.body_dispatched', {
          ...line,
          due: formatBj(inc.dispatchDeadline ?? inc.dueAt ?? inc.updatedAt),
        }),
      }
    case 'reported_back':
      return { title: incidentRef('incident.work.reported_back'), body }
    default:
      return { title: incidentRef('incident.work.other'), body: incidentRef('incident.work.body', line) }
  }
}

/**
 * The notice for the people who must act once the incident waits in `status` in `unitId`: left to the minute timer
 * (issue #21: the step looks no one up; its holders are told within the minute, as its pushes are sent).
 */
export function noticeFor(
  unitId: string,
  status: IncidentStatus,
  level: Incident['level'],
  exclude: string | null,
): HolderNotice | null {
  const permission = workPermission(status, level)
  if (!permission) return null
  return {
    userIds: [],
    deferred: { unitId, permission, exclude },
    when: (i) => i.handlerUnitId === unitId && i.status === status,
    tell: workTell,
  }
}

/** Predicts where a transition takes the incident (as read before the transaction) and who must then act. */
export function noticeForTransition(
  inc: Incident,
  action: TransitionAction,
  patch: Partial<Incident>,
  actorId: string | null,
): HolderNotice | null {
  const next = nextState(inc, action)
  if (!next) return null
  const unitId = unitForLevel({ ...inc, ...patch }, next.level)
  return noticeFor(unitId, next.status, next.level, actorId)
}
