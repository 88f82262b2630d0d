import { incidentRef, levelParam } from '@shared/incident/incident.labels'
import type { Incident } from '@shared/incident/incident.schema'
import { TASK_OPEN, nextState, workPermission } from '@shared/incident/incident.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { Filter } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { Timer } from '../_core/wrap'
import { caseLine, holdersIn, noticeForTransition } from './incident.holders'
import { countedUnits, ownCounters, type Tell } from './incident.repo'
import { openTasks, tasksOf } from './incident.tasks'
import { applyTransition } from './incident.transition'

export interface SweepResult {
  escalated: number
  flagged: number
  confirmed: number
  warned: number
}

/** The system on a timeline: no person, no name (shown as 系统 in the reader's language). */
const SYSTEM = { userId: null, name: '' }

/** The dispatch centre is told when a case at the township or a department runs past its deadline. */
function overdueTell(inc: Incident): Tell {
  return {
    title: incidentRef(inc.status === 'dispatched' ? 'incident.work.dept_overdue' : 'incident.work.overdue'),
    body: incidentRef('incident.work.body_overdue', caseLine(inc)),
  }
}

/**
 * The dispatch centre answerable for a case past its deadline: the county's 综治中心 for a case at the county or
 * whistled from there, else the township's.
 */
function centreOf(inc: Incident): string {
  if (inc.level === 'county') return inc.countyId
  if (inc.level === 'department' && inc.dispatchUnitId) return inc.dispatchUnitId
  return inc.townshipId
}

/**
 * Deadlines enforce themselves: an incident whose stage deadline passed is escalated one level
 * (grid → village → township) and flagged overdue; at the township or a department it is flagged and the
 * dispatch centre told; a resolved case the reporter did not rate in time is closed unrated.
 *
 * Idempotent by state: each incident is re-read in its own transaction and handled only if its stage
 * deadline (`sweepAt`) is still past; handling sets a new stage or clears `sweepAt`. Runs from the
 * CloudBase timer (`sweepTimer`, every 15 minutes; the local host's interval) and when a dispatcher asks
 * (`sweepOverdue`), in their scope.
 *
 * The due cases are found through the one `sweepAt` index and, for a scope, kept by the incident's field for
 * that unit's level: with the timer running, the cases past their deadline at any moment are few (those that
 * fell due since its last run), so an index per level was four more index writes on every report and transition
 * for little. `limit` bounds the cases handled; at most `limit` × 10 due cases are looked at for a scope.
 */
export async function sweepOverdue(rt: Runtime, now: number, scope: Filter = {}, limit = 100): Promise<SweepResult> {
  const within = Object.entries(scope)
  const due: Incident[] = []
  for (let offset = 0; due.length < limit && offset < limit * 10; offset += limit) {
    const page = await rt.db.find(C.incidents, {
      where: { sweepAt: { $lt: now } },
      orderBy: [['sweepAt', 'asc']],
      limit,
      offset,
    })
    due.push(
      ...page
        .filter((inc) => within.every(([f, v]) => (inc as unknown as Record<string, unknown>)[f] === v))
        .slice(0, limit - due.length),
    )
    if (page.length < limit) break
  }
  const result: SweepResult = { escalated: 0, flagged: 0, confirmed: 0, warned: 0 }
  for (const candidate of due) {
    try {
      // who to tell, looked up before the transaction: the next level's holders, or the dispatch centre
      const notice =
        candidate.status === 'resolved'
          ? null
          : nextState(candidate, 'auto_escalate')
            ? noticeForTransition(candidate, 'auto_escalate', {}, null)
            : {
                userIds: await holdersIn(rt, centreOf(candidate), 'incident_dispatch'),
                when: () => true,
                tell: overdueTell,
              }
      const outcome = await rt.db.transaction(async (tx) => {
        const inc = await tx.get(C.incidents, candidate._id)
        if (!inc || inc.sweepAt === null || inc.sweepAt >= now) return null
        if (inc.status === 'resolved') {
          const r = await applyTransition(tx, inc._id, {
            kind: { action: 'auto_confirm' },
            by: SYSTEM,
            note: '',
            systemNote: incidentRef('incident.note.auto_confirm'),
            photos: [],
            now,
            tell: () => ({
              title: incidentRef('incident.tell.confirmed.title'),
              body: incidentRef('incident.tell.confirmed.body'),
            }),
          })
          return { kind: 'confirmed' as const, messages: r.messages }
        }
        if (nextState(inc, 'auto_escalate')) {
          const r = await applyTransition(tx, inc._id, {
            kind: { action: 'auto_escalate' },
            by: SYSTEM,
            note: '',
            systemNote: incidentRef('incident.note.auto_escalate', { level: levelParam(inc.level) }),
            photos: [],
            now,
            notice,
            tell: (u) => ({
              title: incidentRef('incident.tell.escalated.title'),
              body: incidentRef('incident.tell.auto_escalated.body', { level: levelParam(u.level) }),
            }),
          })
          return { kind: 'escalated' as const, messages: r.messages }
        }
        const r = await applyTransition(tx, inc._id, {
          kind: { record: 'overdue' },
          by: SYSTEM,
          note: '',
          systemNote: incidentRef(inc.status === 'dispatched' ? 'incident.note.dept_overdue' : 'incident.note.overdue'),
          photos: [],
          now,
          patch: () => ({ overdue: true, sweepAt: null }),
          notice,
          counters: (i) => (i.overdue ? [] : [[countedUnits(i), { overdue: 1 }]]),
        })
        return { kind: 'flagged' as const, messages: r.messages }
      })
      if (!outcome) continue
      result[outcome.kind] += 1 // its messages' pushes wait for sendPushes
    } catch (err) {
      rt.log.error('sweep failed for an incident', {
        id: candidate._id,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return result
}

/**
 * 进度预警: a case whose stage has used 75 % of its time is warned of, once per stage: its handlers are told (a case
 * dispatched before parts had warnings of their own: each department holding a part, and the dispatch centre), and a
 * record goes on the timeline. Each case is re-read in its own transaction and warned only while its `warnAt` is
 * still past; warning clears it, and a new stage sets it again (applyTransition; with the departments, each part is
 * warned of by its own deadline: sweepPartWarnings).
 */
export async function sweepWarnings(rt: Runtime, now: number, scope: Filter = {}, limit = 100): Promise<number> {
  const within = Object.entries(scope)
  const due = (
    await rt.db.find(C.incidents, { where: { warnAt: { $lt: now } }, orderBy: [['warnAt', 'asc']], limit: limit * 10 })
  )
    .filter((inc) => within.every(([f, v]) => (inc as unknown as Record<string, unknown>)[f] === v))
    .slice(0, limit)
  let warned = 0
  for (const candidate of due) {
    try {
      const permission = workPermission(candidate.status, candidate.level) ?? 'incident_resolve'
      const units =
        candidate.status === 'dispatched'
          ? [...new Set(openTasks(tasksOf(candidate)).map((t) => t.departmentId))]
          : [candidate.handlerUnitId]
      const userIds = new Set<string>()
      for (const u of units) for (const id of await holdersIn(rt, u, permission)) userIds.add(id)
      if (candidate.status === 'dispatched' && candidate.dispatchUnitId)
        for (const id of await holdersIn(rt, candidate.dispatchUnitId, 'incident_dispatch')) userIds.add(id)
      const messages = await rt.db.transaction(async (tx) => {
        const inc = await tx.get(C.incidents, candidate._id)
        if (!inc?.warnAt || inc.warnAt >= now) return null
        // a warning is for before the deadline: one already past (the sweep flags it) or a closed case is not warned
        if (!inc.open || inc.dueAt === null || inc.dueAt <= now) {
          await tx.update(C.incidents, inc._id, { warnAt: null })
          return null
        }
        const r = await applyTransition(tx, inc._id, {
          kind: { record: 'warning' },
          by: SYSTEM,
          note: '',
          systemNote: incidentRef('incident.note.warning', { due: formatBj(inc.dueAt) }),
          photos: [],
          now,
          patch: () => ({ warnAt: null }),
          counters: (i) => [[countedUnits(i), { warned: 1 }]],
          notice: {
            userIds: [...userIds],
            when: () => true,
            tell: (i) => ({
              title: incidentRef('incident.work.warning'),
              body: incidentRef('incident.work.body_warning', { ...caseLine(i), due: formatBj(i.dueAt ?? now) }),
            }),
          },
        })
        return r.messages
      })
      if (!messages) continue
      warned += 1 // its messages' pushes wait for sendPushes
    } catch (err) {
      rt.log.error('warning failed for an incident', {
        id: candidate._id,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return warned
}

/**
 * 进度预警 of each department's part (街道吹哨): at 75 % of the part's own time (from its whistle to its deadline) that
 * department's handlers and the centre that whistled are told, and a record naming the department goes on the
 * timeline, once per part. The due parts are found through their queue entries (`incident_tasks.warnAt`); each case
 * is re-read in its own transaction and a part is warned only while it is still open, unwarned and before its
 * deadline; warning marks it (`warnedAt`) and clears its entry's `warnAt` in the same transaction, so a second timer
 * run, a retry or a dispatcher's sweep at the same time finds nothing left to do.
 */
export async function sweepPartWarnings(rt: Runtime, now: number, scope: Filter = {}, limit = 100): Promise<number> {
  const within = Object.entries(scope)
  const due = await rt.db.find(C.incident_tasks, {
    where: { warnAt: { $lt: now } },
    orderBy: [['warnAt', 'asc']],
    limit: limit * 10,
  })
  let warned = 0
  for (const entry of due) {
    if (warned >= limit) break
    try {
      const candidate = await rt.db.get(C.incidents, entry.incidentId)
      if (!candidate || !within.every(([f, v]) => (candidate as unknown as Record<string, unknown>)[f] === v)) continue
      const part = tasksOf(candidate).find((t) => t.id === entry._id)
      if (!part) continue
      const dept = part.departmentName || ((await rt.units.get(part.departmentId))?.name ?? part.departmentId)
      const userIds = new Set(await holdersIn(rt, part.departmentId, 'incident_feedback'))
      if (candidate.dispatchUnitId)
        for (const id of await holdersIn(rt, candidate.dispatchUnitId, 'incident_dispatch')) userIds.add(id)
      const messages = await rt.db.transaction(async (tx) => {
        const inc = await tx.get(C.incidents, entry.incidentId)
        const tasks = inc ? tasksOf(inc) : []
        const k = tasks.findIndex((t) => t.id === entry._id)
        const p = tasks[k]
        if (!inc || !p) return null
        if (p.warnedAt) return null
        // done, closed, or already past its deadline (the overdue sweep flags that): nothing to warn of any more
        if (!inc.open || !TASK_OPEN[p.status] || p.deadline <= now) {
          await tx.update(C.incident_tasks, entry._id, { warnAt: null })
          return null
        }
        const r = await applyTransition(tx, inc._id, {
          kind: { record: 'warning' },
          by: SYSTEM,
          note: '',
          systemNote: incidentRef('incident.note.part_warning', { dept, due: formatBj(p.deadline) }),
          photos: [],
          now,
          patch: () => ({ tasks: tasks.map((t, i) => (i === k ? { ...t, warnedAt: now } : t)) }),
          counters: () => [[ownCounters(p.departmentId), { warned: 1 }]],
          notice: {
            userIds: [...userIds],
            when: () => true,
            tell: (i) => ({
              title: incidentRef('incident.work.warning'),
              body: incidentRef('incident.work.body_part_warning', {
                ...caseLine(i),
                dept,
                due: formatBj(p.deadline),
              }),
            }),
          },
        })
        return r.messages
      })
      if (!messages) continue
      warned += 1 // its messages' pushes wait for sendPushes
    } catch (err) {
      rt.log.error('warning failed for a department part', {
        id: entry._id,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return warned
}

/**
 * Deadlines escalate even when nobody opens a queue: CloudBase's timer trigger (config.json), or the local host's
 * interval, sweeps every unit.
 */
export const sweepTimer: Timer = {
  everyMinutes: 15,
  run: async (rt, now) => ({
    ...(await sweepOverdue(rt, now, {}, 500)),
    warned: (await sweepWarnings(rt, now, {}, 500)) + (await sweepPartWarnings(rt, now, {}, 500)),
  }),
}
