import { accountContract } from '@shared/account/account.contract'
import type { Permission } from '@shared/auth/permissions'
import { ROLES } from '@shared/auth/roles'
import { maskPhone } from '@shared/mask'
import { legacyAction } from '../../_core/wrap'
import { roleView } from '../views'

export const me = legacyAction(accountContract.actions.me, {
  run: async (_input, ctx) => {
    const { user, grants, isNew } = ctx.caller
    const roles = (await Promise.all(grants.map((g) => roleView(ctx.rt, g)))).filter((r) => r !== null)
    const permissions = [...new Set(grants.flatMap((g) => ROLES[g.role].permissions))] as Permission[]
    return {
      user: {
        id: user._id,
        name: user.name,
        phoneMasked: maskPhone(user.phone),
        householdId: user.householdId,
        residence: user.residenceUnitId ? await ctx.rt.units.ref(user.residenceUnitId) : null,
      },
      roles,
      permissions: permissions.sort(),
      isNew,
    }
  },
})
