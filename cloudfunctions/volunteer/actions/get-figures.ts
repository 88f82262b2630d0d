import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { areaFilter, emptyCounters, ids, requireUnit } from '../volunteer.repo'
import { figuresRow } from '../volunteer.views'

/** Figures of a village (or township) and of each organisation registered there, read from counters by id. */
export const getFigures = defineAction(volunteerContract.actions.getFigures, {
  load: async ({ unitId }, ctx) => ({ unitId, unit: await requireUnit(ctx.rt, unitId) }),
  run: async ({ loaded: { unit }, ctx }) => {
    const [own, orgs] = await Promise.all([
      ctx.db.get(C.volunteer_counters, ids.counters('village', unit._id)),
      ctx.db.find(C.volunteer_orgs, {
        where: { ...(areaFilter(unit) ?? {}), status: 'approved' },
        orderBy: [['registeredAt', 'asc']],
        limit: 50,
      }),
    ])
    const rows = await Promise.all(
      orgs.map(async (o) =>
        figuresRow(
          (await ctx.db.get(C.volunteer_counters, ids.counters('org', o._id))) ?? emptyCounters('org', o._id),
          o.name,
        ),
      ),
    )
    return { unit: figuresRow(own ?? emptyCounters('village', unit._id), unit.name), orgs: rows }
  },
})
