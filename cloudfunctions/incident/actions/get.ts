import { incidentContract } from '@shared/incident/incident.contract'
import { defineAction } from '../../_core/wrap'
import { loadEvents, loadIncident } from '../incident.repo'
import { toView } from '../incident.views'

/** Any signed-in caller may open an incident; what they see depends on who they are (see toView). */
export const get = defineAction(incidentContract.actions.get, {
  // the case and its timeline read together (one round trip); nothing is shown before toView decides what may be
  load: async ({ incidentId }, ctx) => {
    const [incident, events] = await Promise.all([loadIncident(ctx.db, incidentId), loadEvents(ctx.db, incidentId)])
    return { incident, events }
  },
  run: async ({ loaded: { incident, events }, ctx }) => toView(incident, ctx, events),
})
