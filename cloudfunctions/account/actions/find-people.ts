import { accountContract } from '@shared/account/account.contract'
import { maskPhone } from '@shared/mask'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { gridsUnder } from '../account.repo'

/**
 * People an official may give a role: accounts with a verified phone (or a roster's), found by their full phone
 * number or their exact name, living in the unit's grids or already holding a role there. Phones are shown masked.
 */
export const findPeople = defineAction(accountContract.actions.findPeople, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, query }, ctx }) => {
    const byPhone = /^1\d{10}$/.test(query)
    const found = await ctx.db.find(C.users, { where: byPhone ? { phone: query } : { name: query }, limit: 50 })
    const grids = new Set((await gridsUnder(ctx.rt, unitId)).map((g) => g._id))
    const known = found.filter((u) => u.phone && (u.phoneVerifiedAt || u.openid === null))
    const roles = await Promise.all(
      known.map((u) => ctx.db.find(C.role_assignments, { where: { userId: u._id, revokedAt: null }, limit: 50 })),
    )
    const items = []
    for (const [i, u] of known.entries()) {
      const here = (u.residenceUnitId && grids.has(u.residenceUnitId)) || (await inScope(roles[i]!, unitId))
      if (!here) continue
      items.push({
        userId: u._id,
        name: u.name,
        phoneMasked: maskPhone(u.phone),
        residence: u.residenceUnitId ? ((await ctx.rt.units.ref(u.residenceUnitId))?.fullName ?? null) : null,
      })
    }
    return { items }

    async function inScope(assignments: Array<{ unitId: string }>, root: string): Promise<boolean> {
      for (const a of assignments) if (await ctx.rt.units.contains(root, a.unitId)) return true
      return false
    }
  },
})
