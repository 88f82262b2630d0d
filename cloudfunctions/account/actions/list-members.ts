import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { memberView } from '../account.views'

/** People holding roles in a unit and the units right below it (paged, newest first), phones masked. */
export const listMembers = defineAction(accountContract.actions.listMembers, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, role, page, pageSize }, ctx }) => {
    // The unit itself and the units right below it (a village's officials see its grid workers too).
    const children = await ctx.rt.units.children(unitId)
    const where: Filter = { unitId: { $in: [unitId, ...children.map((c) => c._id)] }, revokedAt: null }
    if (role) where.role = role
    const assignments = await findPage(ctx.db, C.role_assignments, where, [['createdAt', 'desc']], { page, pageSize })
    const users = await getMany(
      ctx.db,
      C.users,
      assignments.items.map((a) => a.userId),
    )
    const items = await Promise.all(assignments.items.map((a) => memberView(ctx.rt, a, users.get(a.userId), ctx.lang)))
    return { ...assignments, items }
  },
})
