import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { areaFilter, countersFor, requireUnit } from '../volunteer.repo'
import { figuresRow } from '../volunteer.views'

/**
 * Figures of a village (or township) and of each organisation registered there: the caller, the organisations, then
 * their counters together (`countersFor`: one `_id in` read; issue #21).
 */
export const getFigures = defineAction(volunteerContract.actions.getFigures, {
  load: async ({ unitId }, ctx) => ({ unitId, unit: await requireUnit(ctx.rt, unitId) }),
  run: async ({ loaded: { unit }, ctx }) => {
    const orgs = await ctx.db.find(C.volunteer_orgs, {
      where: { ...(areaFilter(unit) ?? {}), status: 'approved' },
      orderBy: [['registeredAt', 'asc']],
      limit: 50,
    })
    const counted = await countersFor(ctx.rt, ctx.db, unit._id, orgs)
    return {
      unit: figuresRow(counted.unit, unit.name),
      orgs: orgs.map((o, i) => figuresRow(counted.orgs[i]!, o.name)),
    }
  },
})
