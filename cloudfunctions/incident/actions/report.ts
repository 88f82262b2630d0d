import { DomainError } from '@shared/errors'
import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { Incident, IncidentEvent } from '@shared/incident/incident.schema'
import { defineAction } from '../../_core/wrap'
import { createIncidentInTx, draftFromInput, prepareIncident } from '../incident.create'
import { loadEvents, loadIncident } from '../incident.repo'
import { toView } from '../incident.views'

/** What a fresh report hands to its view: the case and its first timeline entry, as written. */
interface Written {
  incident: Incident
  events: IncidentEvent[]
}

/** 随手拍. The grid is the one chosen, or the reporter's residence; the permission is checked in it. */
export const report = defineAction(incidentContract.actions.report, {
  load: async (input, ctx) => {
    const gridId = input.gridId ?? ctx.caller.user.residenceUnitId
    if (!gridId) throw IncidentErrors.NO_GRID()
    const isWorker = await ctx.can('safe_report_create', gridId)
    const draft = draftFromInput(input, {
      id: ctx.newId('inc'),
      now: ctx.now,
      gridId,
      reporter: { id: ctx.caller.user._id, name: ctx.caller.user.name, phone: ctx.caller.user.phone },
      source: isWorker ? 'grid_worker' : 'resident',
      photos: [],
      countsAsDailyReport: isWorker,
    })
    // A unit that is not a grid, or a category its county does not have, is refused in `run`, after the
    // permission check: a caller outside the unit is told only that it is outside their scope.
    const prepared = await prepareIncident(ctx.rt, draft).catch((err: unknown) => {
      if (err instanceof DomainError) return err
      throw err
    })
    return { unitId: gridId, prepared }
  },
  // everything the reporter typed is read by handlers (and the description by neighbours)
  texts: ({ description, address, parties }) => [description, address, ...parties.flatMap((p) => [p.name, p.note])],
  photos: ({ photos }) => photos,
  run: async ({ input, loaded: { prepared }, tx, photos, passed, handOn }) => {
    if (prepared instanceof DomainError) throw prepared
    const created = await createIncidentInTx(tx, {
      ...prepared,
      draft: { ...prepared.draft, photos: photos(input.photos), photosPassed: passed(input.photos) },
    })
    handOn({ incident: created.incident, events: [created.event] } satisfies Written)
    return { id: created.incident._id }
  },
  // a fresh report: the case and its one timeline entry as the transaction wrote them; a replay reads them as they are now
  present: async ({ result, ctx, handed }) => {
    const written = handed as Written | undefined
    const [incident, events] = written
      ? [written.incident, written.events]
      : await Promise.all([loadIncident(ctx.db, result.id), loadEvents(ctx.db, result.id)])
    // the reporter sees their own report as a reporter, unless they are its grid's worker
    const asReporter = !(await ctx.can('safe_report_create', incident.gridId))
    return toView(incident, ctx, events, asReporter ? 'reporter' : undefined)
  },
})
