import { incidentContract } from '@shared/incident/incident.contract'
import { ROUND_SLOTS, ROUNDS_PER_DAY, type GridRound } from '@shared/incident/incident.schema'
import { bjDay } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { roundId, roundView } from '../incident.rounds'

/** Today's rounds of the grids I walk (the grids where I hold round_create), read by their deterministic ids. */
export const myRounds = defineAction(incidentContract.actions.myRounds, {
  load: async ({ gridId }) => ({ unitId: gridId ?? ANYWHERE }),
  run: async ({ input: { gridId }, ctx }) => {
    const day = bjDay(ctx.now)
    const roots = gridId ? [gridId] : ctx.scopeRoots('round_create')
    const grids = []
    for (const id of roots.slice(0, 20)) {
      const grid = await ctx.rt.units.ref(id)
      if (grid?.level !== 'grid') continue
      const rounds: GridRound[] = []
      for (const slot of ROUND_SLOTS) {
        const r = await ctx.db.get(C.grid_rounds, roundId(id, day, slot))
        if (r) rounds.push(r)
      }
      grids.push({ grid, rounds: await Promise.all(rounds.map((r) => roundView(ctx, r))), due: ROUNDS_PER_DAY })
    }
    return { day, grids }
  },
})
