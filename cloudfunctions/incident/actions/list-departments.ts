import { incidentContract } from '@shared/incident/incident.contract'
import { defineAction } from '../../_core/wrap'
import { loadIncident } from '../incident.repo'

/** The departments of the incident's county, to dispatch to (asked by whoever holds the case now). */
export const listDepartments = defineAction(incidentContract.actions.listDepartments, {
  load: async ({ incidentId }, ctx) => {
    const incident = await loadIncident(ctx.db, incidentId)
    return { unitId: incident.handlerUnitId, countyId: incident.countyId }
  },
  run: async ({ loaded: { countyId }, ctx }) => {
    const units = (await ctx.rt.units.children(countyId)).filter((u) => u.level === 'department')
    return { items: (await Promise.all(units.map((u) => ctx.rt.units.ref(u._id)))).filter((u) => u !== null) }
  },
})
