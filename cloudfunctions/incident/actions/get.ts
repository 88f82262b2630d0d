import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { loadEvents, loadIncident, toView } from '../store'

/** Any signed-in caller may open an incident; what they see depends on who they are (see toView). */
export const get = legacyAction(incidentContract.actions.get, {
  run: async ({ incidentId }, ctx) => {
    const inc = await loadIncident(ctx, incidentId)
    return toView(inc, ctx, await loadEvents(ctx, incidentId))
  },
})
