import { incidentContract } from '@shared/incident/incident.contract'
import type { Incident, IncidentEvent } from '@shared/incident/incident.schema'
import { defineAction } from '../../_core/wrap'
import { loadEvents, loadIncident } from '../incident.repo'
import { toView } from '../incident.views'

/** Any signed-in caller may open an incident; what they see depends on who they are (see toView). */
export const get = defineAction(incidentContract.actions.get, {
  // the case and its timeline read together, beside the caller (one round trip for all three: issue #21); nothing is
  // shown before toView decides what may be
  prefetch: ({ incidentId }, db) => Promise.all([loadIncident(db, incidentId), loadEvents(db, incidentId)]),
  load: async ({ incidentId }, ctx) => {
    const early = ctx.takePrefetched() as Promise<[Incident, IncidentEvent[]]> | undefined
    const [incident, events] = await (early ??
      Promise.all([loadIncident(ctx.db, incidentId), loadEvents(ctx.db, incidentId)]))
    return { incident, events }
  },
  run: async ({ loaded: { incident, events }, ctx }) => toView(incident, ctx, events),
})
