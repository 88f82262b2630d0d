import { accountContract, AccountErrors } from '@shared/account/account.contract'
import type { Household, RoleAssignment } from '@shared/account/account.schema'
import { stableId } from '../../_core/ids'
import { legacyAction } from '../../_core/wrap'

/**
 * A resident says where they live: the grid (and optionally their household). This makes them a
 * resident of that grid; a previous residence's resident role is revoked (kept, with the time).
 */
export const setResidence = legacyAction(accountContract.actions.setResidence, {
  run: async ({ gridId, householdId }, ctx) => {
    const grid = await ctx.rt.units.get(gridId)
    if (!grid) throw AccountErrors.UNIT_NOT_FOUND()
    if (grid.level !== 'grid') throw AccountErrors.NOT_A_GRID()
    if (householdId) {
      const household = await ctx.db.get<Household>('households', householdId)
      if (!household || household.gridId !== gridId) throw AccountErrors.HOUSEHOLD_NOT_IN_GRID()
    }
    const userId = ctx.caller.user._id
    const previous = ctx.caller.grants.filter((g) => g.role === 'resident' && g.unitId !== gridId)
    const assignmentId = stableId('ra', userId, 'resident', gridId)
    const residence = (await ctx.rt.units.ref(gridId))!
    return ctx.transact(async (tx) => {
      for (const p of previous) await tx.update('role_assignments', p._id, { revokedAt: ctx.now })
      const existing = await tx.get<RoleAssignment>('role_assignments', assignmentId)
      const assignment: RoleAssignment = {
        _id: assignmentId,
        userId,
        role: 'resident',
        unitId: gridId,
        grantedBy: null,
        via: 'residence',
        createdAt: existing && existing.revokedAt === null ? existing.createdAt : ctx.now,
        revokedAt: null,
      }
      await tx.set('role_assignments', assignment)
      await tx.update('users', userId, { residenceUnitId: gridId, householdId })
      return { residence, householdId }
    })
  },
})
