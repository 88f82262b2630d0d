import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { InboxMessage } from '@shared/incident/incident.schema'
import { stableId } from '../../_core/ids'
import { DuplicateKeyError } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { checkText, loadEvents, loadIncident, pushAfter, toView } from '../store'
import { applyStep } from '../step'

/** "我也遇到": adds the caller to an open report instead of a duplicate; they hear the outcome too. */
export const joinIncident = legacyAction(incidentContract.actions.joinIncident, {
  scope: async ({ incidentId }, ctx) => (await loadIncident(ctx, incidentId)).gridId,
  run: async ({ incidentId, note }, ctx) => {
    const me = ctx.caller.user._id
    const inc = await loadIncident(ctx, incidentId)
    if (inc.reporterId === me) throw IncidentErrors.OWN_INCIDENT()
    if (!inc.open) throw IncidentErrors.NOT_OPEN()
    await checkText(ctx, note)
    const prior = await loadEvents(ctx, incidentId)
    let messages: InboxMessage[] = []
    let view
    try {
      view = await ctx.transact(async (tx) => {
        await tx.insert('incident_joins', { _id: stableId('ij', incidentId, me), incidentId, userId: me, at: ctx.now })
        const r = await applyStep(tx, incidentId, {
          kind: { record: 'join' },
          by: { userId: me, name: ctx.caller.user.name },
          note,
          photos: [],
          now: ctx.now,
          guard: (i) => {
            if (!i.open) throw IncidentErrors.NOT_OPEN()
          },
          patch: (i) => ({ followerIds: [...i.followerIds, me].slice(-200), joinCount: i.joinCount + 1 }),
        })
        messages = r.messages
        return toView(r.incident, ctx, [...prior.filter((e) => e.seq < r.event.seq), r.event])
      })
    } catch (err) {
      if (err instanceof DuplicateKeyError && err.collection === 'incident_joins') throw IncidentErrors.ALREADY_JOINED()
      throw err
    }
    await pushAfter(ctx.rt, messages)
    return view
  },
})
