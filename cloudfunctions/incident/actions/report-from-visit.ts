import { DomainError } from '@shared/errors'
import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { createIncidentInTx, prepareIncident } from '../incident.create'
import { loadEvents, loadIncident } from '../incident.repo'
import { loadRound } from '../incident.rounds'
import { toView } from '../incident.views'

/**
 * What a grid worker finds on a visit becomes a report in one tap: the visit's note (or what she types), the
 * household's address, her grid; it counts as the grid's report of the day ("有事报信息") and the visit keeps the
 * report's id (a second tap is refused).
 */
export const reportFromVisit = defineAction(incidentContract.actions.reportFromVisit, {
  load: async (input, ctx) => {
    const round = await loadRound(ctx.db, input.roundId)
    const visit = round.visits[input.visit]
    const household = visit ? await ctx.db.get(C.households, visit.householdId) : null
    const prepared = visit
      ? await prepareIncident(ctx.rt, {
          id: ctx.newId('inc'),
          now: ctx.now,
          reporter: { id: ctx.caller.user._id, name: ctx.caller.user.name, phone: ctx.caller.user.phone },
          source: 'grid_worker',
          category: input.category,
          severity: input.severity,
          description: input.description || visit.note,
          photos: [],
          location: null,
          address: household?.address ?? '',
          gridId: round.gridId,
          anonymous: false,
          parties: [],
          countsAsDailyReport: true,
          roundId: round._id,
        }).catch((err: unknown) => {
          if (err instanceof DomainError) return err
          throw err
        })
      : null
    return { unitId: round.gridId, prepared }
  },
  texts: ({ description }) => [description],
  photos: ({ photos }) => photos,
  run: async ({ input, loaded: { prepared }, tx, photos, passed }) => {
    if (!prepared) throw IncidentErrors.NO_VISIT()
    if (prepared instanceof DomainError) throw prepared
    const round = await loadRound(tx, input.roundId)
    const visit = round.visits[input.visit]
    if (!visit) throw IncidentErrors.NO_VISIT()
    if (visit.incidentId) throw IncidentErrors.VISIT_REPORTED()
    const created = await createIncidentInTx(tx, {
      ...prepared,
      draft: { ...prepared.draft, photos: photos(input.photos), photosPassed: passed(input.photos) },
    })
    await tx.update(C.grid_rounds, round._id, {
      visits: round.visits.map((v, i) => (i === input.visit ? { ...v, incidentId: created.incident._id } : v)),
    })
    return { id: created.incident._id }
  },
  present: async ({ result, ctx }) => {
    const incident = await loadIncident(ctx.db, result.id)
    return toView(incident, ctx, await loadEvents(ctx.db, incident._id))
  },
})
