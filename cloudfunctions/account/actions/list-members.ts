import { accountContract } from '@shared/account/account.contract'
import type { RoleAssignment, User } from '@shared/account/account.schema'
import { ROLES } from '@shared/auth/roles'
import { maskPhone } from '@shared/mask'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'

/** People holding roles in a unit and the units right below it (paged, newest first), phones masked. */
export const listMembers = legacyAction(accountContract.actions.listMembers, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId, role, page, pageSize }, ctx) => {
    // The unit itself and the units right below it (a village's officials see its grid workers too).
    const children = await ctx.rt.units.children(unitId)
    const where: Filter = { unitId: { $in: [unitId, ...children.map((c) => c._id)] }, revokedAt: null }
    if (role) where.role = role
    const [rows, total] = await Promise.all([
      ctx.db.find<RoleAssignment>('role_assignments', {
        where,
        orderBy: [['createdAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('role_assignments', where),
    ])
    const items = await Promise.all(
      rows.map(async (a) => {
        const user = await ctx.db.get<User>('users', a.userId)
        return {
          userId: a.userId,
          name: user?.name ?? '（已注销）',
          phoneMasked: maskPhone(user?.phone),
          role: a.role,
          roleLabel: ROLES[a.role].label,
          unit: (await ctx.rt.units.ref(a.unitId))!,
          since: a.createdAt,
        }
      }),
    )
    return { items, page, pageSize, total, hasMore: page * pageSize < total }
  },
})
