import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { loadGrid } from '../account.repo'
import { householdView } from '../account.views'

/** Households of one grid, by head name, for a resident to claim their own (names masked). */
export const listHouseholds = defineAction(accountContract.actions.listHouseholds, {
  load: async ({ gridId }, ctx) => ({ grid: await loadGrid(ctx.rt, gridId) }),
  run: async ({ input, loaded, ctx }) => {
    const page = await findPage(ctx.db, C.households, { gridId: loaded.grid._id }, [['headName', 'asc']], input)
    return { ...page, items: page.items.map(householdView) }
  },
})
