import { incidentContract } from '../../../shared/incident/incident.contract'
import type { Incident } from '../../../shared/incident/incident.schema'
import type { FindOptions } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { INCIDENTS, toSummary, unitFilter } from '../store'
import { sweepOverdue } from '../sweep'

/**
 * todo: incidents held by my units now (soonest deadline first); all: every incident in one unit of my
 * scope (newest first). Deadlines in my scope are enforced first, lazily.
 */
export const queue = defineAction(incidentContract.actions.queue, {
  scope: async ({ unitId }) => unitId ?? null,
  run: async ({ view, unitId, page, pageSize }, ctx) => {
    const roots = unitId ? [unitId] : ctx.scopeRoots('incident_view')
    for (const root of roots.slice(0, 3)) await sweepOverdue(ctx.rt, ctx.now, await unitFilter(ctx.rt, root), 20)
    let find: FindOptions
    if (view === 'todo') {
      find = { where: { handlerUnitId: { $in: roots }, open: true }, orderBy: [['dueAt', 'asc']] }
    } else {
      find = { where: await unitFilter(ctx.rt, roots[0] ?? '-'), orderBy: [['reportedAt', 'desc']] }
    }
    const [rows, total] = await Promise.all([
      ctx.db.find<Incident>(INCIDENTS, { ...find, limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.db.count(INCIDENTS, find.where),
    ])
    const items = await Promise.all(rows.map((r) => toSummary(ctx.rt, r)))
    return { items, page, pageSize, total, hasMore: page * pageSize < total }
  },
})
