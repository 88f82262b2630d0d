import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { MAX_VISITS } from '@shared/incident/incident.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadRound, roundView } from '../incident.rounds'

/** 五访五问: one household visited on a round under way, with a short note (the grid's handlers read it). */
export const visitHousehold = defineAction(incidentContract.actions.visitHousehold, {
  load: async ({ roundId }, ctx) => ({ unitId: (await loadRound(ctx.db, roundId)).gridId }),
  texts: ({ note }) => [note],
  run: async ({ input, tx, ctx }) => {
    const round = await loadRound(tx, input.roundId)
    if (round.finishedAt) throw IncidentErrors.ROUND_FINISHED()
    if (round.byUserId !== ctx.caller.user._id) throw IncidentErrors.NOT_YOUR_ROUND()
    if (round.visits.length >= MAX_VISITS) throw IncidentErrors.TOO_MANY_VISITS({ max: MAX_VISITS })
    const household = await tx.get(C.households, input.householdId)
    if (household?.gridId !== round.gridId) throw IncidentErrors.NO_HOUSEHOLD()
    await tx.update(C.grid_rounds, round._id, {
      visits: [
        ...round.visits,
        {
          householdId: household._id,
          householdName: household.headName,
          note: input.note,
          at: ctx.now,
          incidentId: null,
        },
      ],
    })
    return { id: round._id }
  },
  present: async ({ result, ctx }) => roundView(ctx, await loadRound(ctx.db, result.id)),
})
