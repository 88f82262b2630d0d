import { incidentContract } from '@shared/incident/incident.contract'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { unitFilter } from '../incident.repo'
import { sweepOverdue as sweep, sweepPartWarnings, sweepWarnings } from '../incident.sweep'

/**
 * A dispatcher runs the deadline check over their scope now (the CloudBase timer runs it everywhere). A read in
 * the contract, not a requestId write: the sweep works in many small transactions of its own (one per incident,
 * on `ctx.rt.db`), each idempotent by state, so a repeat simply finds nothing left to do.
 */
export const sweepOverdue = defineAction(incidentContract.actions.sweepOverdue, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ ctx }) => {
    const total = { escalated: 0, flagged: 0, confirmed: 0, warned: 0 }
    for (const root of ctx.scopeRoots('incident_dispatch')) {
      const r = await sweep(ctx.rt, ctx.now, await unitFilter(ctx.rt, root), 200)
      total.escalated += r.escalated
      total.flagged += r.flagged
      total.confirmed += r.confirmed
      const scope = await unitFilter(ctx.rt, root)
      total.warned += await sweepWarnings(ctx.rt, ctx.now, scope, 200)
      total.warned += await sweepPartWarnings(ctx.rt, ctx.now, scope, 200)
    }
    return total
  },
})
