import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { InboxMessage } from '@shared/incident/incident.schema'
import { legacyAction } from '../../_core/wrap'
import { createIncidentInTx, draftFromInput, prepareIncident } from '../create'
import { adoptPhotos, checkText, pushAfter, toView } from '../store'

/** 随手拍. The grid is the one chosen, or the reporter's residence; the permission is checked in it. */
export const report = legacyAction(incidentContract.actions.report, {
  scope: async ({ gridId }, ctx) => {
    const grid = gridId ?? ctx.caller.user.residenceUnitId
    if (!grid) throw IncidentErrors.NO_GRID()
    return grid
  },
  run: async (input, ctx) => {
    const gridId = (input.gridId ?? ctx.caller.user.residenceUnitId)!
    await checkText(ctx, input.description)
    const isWorker = await ctx.can('safe_report_create', gridId)
    const prepared = await prepareIncident(
      ctx.rt,
      draftFromInput(input, {
        id: ctx.newId('inc'),
        now: ctx.now,
        gridId,
        reporter: { id: ctx.caller.user._id, name: ctx.caller.user.name, phone: ctx.caller.user.phone },
        source: isWorker ? 'grid_worker' : 'resident',
        photos: await adoptPhotos(ctx, input.photos),
        countsAsDailyReport: isWorker,
      }),
    )
    let messages: InboxMessage[] = []
    const view = await ctx.transact(async (tx) => {
      const r = await createIncidentInTx(tx, prepared)
      messages = r.messages
      return toView(
        r.incident,
        ctx,
        [r.event],
        r.incident.reporterId === ctx.caller.user._id && !isWorker ? 'reporter' : undefined,
      )
    })
    await pushAfter(ctx.rt, messages)
    return view
  },
})
