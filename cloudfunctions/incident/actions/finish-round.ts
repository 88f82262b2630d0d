import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { bjMonth } from '@shared/time/beijing'
import { defineAction } from '../../_core/wrap'
import { C } from '../../_core/collections'
import { bump, countedUnits, placeOfGrid } from '../incident.repo'
import { loadRound, roundView } from '../incident.rounds'

/** Finishes a round: counted once (rounds done, households visited) in the grid and every unit above it. */
export const finishRound = defineAction(incidentContract.actions.finishRound, {
  load: async ({ roundId }, ctx) => {
    const round = await loadRound(ctx.db, roundId)
    return { unitId: round.gridId, place: await placeOfGrid(ctx.rt, round.gridId) }
  },
  run: async ({ input, loaded: { place }, tx, ctx }) => {
    const round = await loadRound(tx, input.roundId)
    if (round.finishedAt) throw IncidentErrors.ROUND_FINISHED()
    if (round.byUserId !== ctx.caller.user._id) throw IncidentErrors.NOT_YOUR_ROUND()
    await tx.update(C.grid_rounds, round._id, { finishedAt: ctx.now })
    await bump(tx, bjMonth(ctx.now), [[countedUnits(place), { roundsDone: 1, roundVisits: round.visits.length }]])
    return { id: round._id }
  },
  present: async ({ result, ctx }) => roundView(ctx, await loadRound(ctx.db, result.id)),
})
