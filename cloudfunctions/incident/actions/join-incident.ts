import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { stableId } from '../../_core/ids'
import { defineAction } from '../../_core/wrap'
import { loadEvents, loadIncident } from '../incident.repo'
import { applyTransition } from '../incident.transition'
import { toView } from '../incident.views'

/** "我也遇到": adds the caller to an open report instead of a duplicate; they hear the outcome too. */
export const joinIncident = defineAction(incidentContract.actions.joinIncident, {
  load: async ({ incidentId }, ctx) => {
    const incident = await loadIncident(ctx.db, incidentId)
    return { unitId: incident.gridId, incidentId: incident._id }
  },
  texts: ({ note }) => [note],
  run: async ({ input: { note }, loaded: { incidentId }, tx, ctx }) => {
    const me = ctx.caller.user._id
    // one join per person and case, by its id
    const joinId = stableId('ij', incidentId, me)
    await applyTransition(tx, incidentId, {
      kind: { record: 'join' },
      by: { userId: me, name: ctx.caller.user.name },
      note,
      photos: [],
      now: ctx.now,
      guard: (i) => {
        if (i.reporterId === me) throw IncidentErrors.OWN_INCIDENT()
        if (!i.open) throw IncidentErrors.NOT_OPEN()
      },
      patch: (i) => ({ followerIds: [...i.followerIds, me].slice(-200), joinCount: i.joinCount + 1 }),
    })
    if (await tx.get(C.incident_joins, joinId)) throw IncidentErrors.ALREADY_JOINED()
    await tx.insert(C.incident_joins, { _id: joinId, incidentId, userId: me, at: ctx.now })
    return { id: incidentId }
  },
  present: async ({ result, ctx }) => {
    const incident = await loadIncident(ctx.db, result.id)
    return toView(incident, ctx, await loadEvents(ctx.db, incident._id))
  },
})
