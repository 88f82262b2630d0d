import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { holderScope } from '../move-action'
import { loadIncident } from '../store'

/** The departments of the incident's county, to dispatch to. */
export const departments = legacyAction(incidentContract.actions.departments, {
  scope: holderScope,
  run: async ({ incidentId }, ctx) => {
    const inc = await loadIncident(ctx, incidentId)
    const units = (await ctx.rt.units.children(inc.countyId)).filter((u) => u.level === 'department')
    return { items: (await Promise.all(units.map((u) => ctx.rt.units.ref(u._id)))).filter((u) => u !== null) }
  },
})
