import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { getMany, type Filter, type FindOptions } from '../../_core/port'
import type { Runtime } from '../../_core/runtime'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { foundEver, unitFilter } from '../incident.repo'
import { toSummary } from '../incident.views'

/**
 * todo: incidents held by my units now (soonest deadline first); all: every incident in one unit of my
 * scope (newest first). A pure read: deadlines are enforced by the sweep timer (incident.sweep.ts).
 */
export const listQueue = defineAction(incidentContract.actions.listQueue, {
  // without a unit, the queue is every unit of the caller's scope
  load: async ({ unitId }) => ({ unitId: unitId ?? ANYWHERE }),
  run: async ({ input: { view, unitId, page, pageSize }, ctx }) => {
    const roots = unitId ? [unitId] : ctx.scopeRoots('incident_view')
    // a department's work is its open parts of whistled cases (several departments may hold one case)
    if (view === 'todo' && roots.length && (await allDepartments(ctx.rt, roots))) {
      const where = { departmentId: { $in: roots }, open: true }
      const [parts, total] = await Promise.all([
        ctx.db.find(C.incident_tasks, {
          where,
          orderBy: [['deadline', 'asc']],
          limit: pageSize + 1,
          offset: (page - 1) * pageSize,
        }),
        ctx.db.count(C.incident_tasks, where),
      ])
      const cases = await getMany(
        ctx.db,
        C.incidents,
        parts.map((p) => p.incidentId),
      )
      const rows = parts.slice(0, pageSize).flatMap((p) => (cases.has(p.incidentId) ? [cases.get(p.incidentId)!] : []))
      const items = await Promise.all(rows.map((r) => toSummary(ctx, r)))
      return { items, page, pageSize, total, hasMore: parts.length > pageSize }
    }
    let find: FindOptions
    if (view === 'todo') {
      find = { where: { handlerUnitId: { $in: roots }, open: true }, orderBy: [['dueAt', 'asc']] }
    } else {
      find = { where: await unitFilter(ctx.rt, roots[0] ?? '-'), orderBy: [['reportedAt', 'desc']] }
    }
    // one row past the page says whether there is more; the total never counts the collection per page
    const [rows, total] = await Promise.all([
      ctx.db.find(C.incidents, { ...find, limit: pageSize + 1, offset: (page - 1) * pageSize }),
      view === 'todo' ? ctx.db.count(C.incidents, find.where) : allTotal(ctx.rt, roots[0] ?? '-', find.where!),
    ])
    const items = await Promise.all(rows.slice(0, pageSize).map((r) => toSummary(ctx, r)))
    return { items, page, pageSize, total, hasMore: rows.length > pageSize }
  },
})

/** Are these units all departments (whose work is their parts of cases)? */
async function allDepartments(rt: Runtime, unitIds: readonly string[]): Promise<boolean> {
  for (const id of unitIds) if ((await rt.units.get(id))?.level !== 'department') return false
  return true
}

/**
 * How many incidents a unit has ever had, from its kept monthly counters (`foundEver`) instead of counting its
 * history. Departments have no `found`; theirs is the count of the cases dispatched to them (a small share).
 */
async function allTotal(rt: Runtime, unitId: string, where: Filter): Promise<number> {
  const unit = await rt.units.get(unitId)
  if (!unit || unit.level === 'department') return rt.db.count(C.incidents, where)
  return foundEver(rt, unitId)
}
