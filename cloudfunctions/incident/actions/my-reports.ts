import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { toSummary } from '../incident.views'

/** The caller's own reports, newest first. */
export const myReports = defineAction(incidentContract.actions.myReports, {
  run: async ({ input, ctx }) => {
    const page = await findPage(
      ctx.db,
      C.incidents,
      { reporterId: ctx.caller.user._id },
      [['reportedAt', 'desc']],
      input,
    )
    return { ...page, items: await Promise.all(page.items.map((r) => toSummary(ctx, r))) }
  },
})
