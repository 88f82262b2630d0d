import { incidentContract } from '@shared/incident/incident.contract'
import { defineAction } from '../../_core/wrap'
import { loadIncident } from '../incident.repo'
import { dispatchUnitOf } from '../incident.tasks'

/** The departments of the incident's county, to dispatch to (asked where the dispatch is checked: `dispatchUnitOf`). */
export const listDepartments = defineAction(incidentContract.actions.listDepartments, {
  load: async ({ incidentId }, ctx) => {
    const incident = await loadIncident(ctx.db, incidentId)
    return { unitId: dispatchUnitOf(incident), countyId: incident.countyId }
  },
  run: async ({ loaded: { countyId }, ctx }) => {
    const units = (await ctx.rt.units.children(countyId)).filter((u) => u.level === 'department')
    return { items: (await Promise.all(units.map((u) => ctx.rt.units.ref(u._id)))).filter((u) => u !== null) }
  },
})
