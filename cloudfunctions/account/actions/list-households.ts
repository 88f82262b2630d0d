import { accountContract, AccountErrors } from '@shared/account/account.contract'
import type { Household } from '@shared/account/account.schema'
import { maskName } from '@shared/mask'
import { legacyAction } from '../../_core/wrap'

/** Households of one grid, head names masked: enough to recognise one's own, not to list neighbours. */
export const listHouseholds = legacyAction(accountContract.actions.listHouseholds, {
  run: async ({ gridId, page, pageSize }, ctx) => {
    const grid = await ctx.rt.units.get(gridId)
    if (!grid) throw AccountErrors.UNIT_NOT_FOUND()
    if (grid.level !== 'grid') throw AccountErrors.NOT_A_GRID()
    const where = { gridId }
    const [rows, total] = await Promise.all([
      ctx.db.find<Household>('households', {
        where,
        orderBy: [['headName', 'asc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('households', where),
    ])
    return {
      items: rows.map((h) => ({ id: h._id, headNameMasked: maskName(h.headName), address: h.address })),
      page,
      pageSize,
      total,
      hasMore: page * pageSize < total,
    }
  },
})
