import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { publicHousehold } from '@shared/account/account.rules'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { loadGrid, membersOf } from '../account.repo'

/**
 * Households of one grid, by head name, to choose one's own (issue #16 item 8). Those who decide join requests in
 * the grid see names and addresses in full; a resident sees only the grid they live in, each head's name masked
 * and each address without the name of anyone in the household; anyone else is refused.
 */
export const listHouseholds = defineAction(accountContract.actions.listHouseholds, {
  load: async ({ gridId }, ctx) => ({ grid: await loadGrid(ctx.rt, gridId) }),
  run: async ({ input, loaded: { grid }, ctx }) => {
    const full = await ctx.can('household_approve', grid._id)
    if (!full && ctx.caller.user.residenceUnitId !== grid._id) throw AccountErrors.NOT_YOUR_GRID()
    const page = await findPage(ctx.db, C.households, { gridId: grid._id }, [['headName', 'asc']], input)
    if (full)
      return { ...page, full, items: page.items.map((h) => ({ id: h._id, headName: h.headName, address: h.address })) }
    const members = await membersOf(
      ctx.db,
      page.items.map((h) => h._id),
    )
    const items = page.items.map((h) =>
      publicHousehold(
        h,
        (members.get(h._id) ?? []).map((m) => m.name),
      ),
    )
    return { ...page, full, items }
  },
})
