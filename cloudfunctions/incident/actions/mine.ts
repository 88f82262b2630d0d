import { incidentContract } from '@shared/incident/incident.contract'
import type { Incident } from '@shared/incident/incident.schema'
import { legacyAction } from '../../_core/wrap'
import { INCIDENTS, toSummary } from '../store'

export const mine = legacyAction(incidentContract.actions.mine, {
  run: async ({ page, pageSize }, ctx) => {
    const where = { reporterId: ctx.caller.user._id }
    const [rows, total] = await Promise.all([
      ctx.db.find<Incident>(INCIDENTS, {
        where,
        orderBy: [['reportedAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count(INCIDENTS, where),
    ])
    const items = await Promise.all(rows.map((r) => toSummary(ctx.rt, r)))
    return { items, page, pageSize, total, hasMore: page * pageSize < total }
  },
})
