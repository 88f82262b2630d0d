import { incidentContract } from '@shared/incident/incident.contract'
import { defineAction } from '../../_core/wrap'
import { loadEvents, loadIncident } from '../incident.repo'
import { toView } from '../incident.views'

/** Any signed-in caller may open an incident; what they see depends on who they are (see toView). */
export const get = defineAction(incidentContract.actions.get, {
  load: async ({ incidentId }, ctx) => ({ incident: await loadIncident(ctx.db, incidentId) }),
  run: async ({ loaded: { incident }, ctx }) => toView(incident, ctx, await loadEvents(ctx.db, incident._id)),
})
