import { incidentContract } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { unitFilter } from '../store'
import { sweepOverdue as sweep } from '../sweep'

/**
 * A dispatcher runs the deadline check over their scope now (the CloudBase timer runs it everywhere).
 * Not a requestId write: each incident is its own transaction and the sweep is idempotent by state.
 */
export const sweepOverdue = legacyAction(incidentContract.actions.sweepOverdue, {
  scope: async () => null,
  run: async (_input, ctx) => {
    const total = { escalated: 0, flagged: 0, confirmed: 0 }
    for (const root of ctx.scopeRoots('incident_dispatch')) {
      const r = await sweep(ctx.rt, ctx.now, await unitFilter(ctx.rt, root), 200)
      total.escalated += r.escalated
      total.flagged += r.flagged
      total.confirmed += r.confirmed
    }
    return total
  },
})
