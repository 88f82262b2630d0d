import { incidentContract } from '@shared/incident/incident.contract'
import { maskPhone } from '@shared/mask'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { holdersIn } from '../incident.holders'

/**
 * 我的网格员: who walks the caller's residence grid (the holders of round_create there), their name, masked phone and
 * the number to call. A grid worker's line is public to the grid's residents (网格员公示牌), so the dial number goes to
 * them only; anyone else gets no list.
 */
export const myGridWorker = defineAction(incidentContract.actions.myGridWorker, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ ctx }) => {
    const gridId = ctx.caller.user.residenceUnitId
    const grid = gridId ? await ctx.rt.units.ref(gridId) : null
    if (!grid || grid.level !== 'grid') return { grid: null, workers: [] }
    const ids = (await holdersIn(ctx.rt, grid.id, 'round_create')).filter((u) => u !== ctx.caller.user._id)
    const users = await getMany(ctx.db, C.users, ids)
    const workers = ids.flatMap((id) => {
      const u = users.get(id)
      return u ? [{ name: u.name, phone: maskPhone(u.phone), dial: u.phone }] : []
    })
    return { grid, workers }
  },
})
