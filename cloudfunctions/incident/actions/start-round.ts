import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { GridRound } from '@shared/incident/incident.schema'
import { bjDay } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { placeOfGrid } from '../incident.repo'
import { loadRound, roundId, roundView, slotAt } from '../incident.rounds'

/** Starts this slot's round of a grid; a round already under way for the slot is carried on, a finished one refused. */
export const startRound = defineAction(incidentContract.actions.startRound, {
  load: async ({ gridId }, ctx) => ({ unitId: gridId, place: await placeOfGrid(ctx.rt, gridId) }),
  run: async ({ input: { gridId }, loaded: { place }, tx, ctx }) => {
    const day = bjDay(ctx.now)
    const slot = slotAt(ctx.now)
    const id = roundId(gridId, day, slot)
    const prior = await tx.get(C.grid_rounds, id)
    if (prior?.finishedAt) throw IncidentErrors.ROUND_ALREADY()
    if (prior) return { id }
    const round: GridRound = {
      _id: id,
      gridId,
      villageId: place.villageId,
      townshipId: place.townshipId,
      countyId: place.countyId,
      day,
      slot,
      byUserId: ctx.caller.user._id,
      byName: ctx.caller.user.name,
      startedAt: ctx.now,
      finishedAt: null,
      visits: [],
    }
    await tx.insert(C.grid_rounds, round)
    return { id }
  },
  present: async ({ result, ctx }) => roundView(ctx, await loadRound(ctx.db, result.id)),
})
