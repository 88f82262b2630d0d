import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { assignmentId, loadGrid, loadHouseholdIn, residencesElsewhere } from '../account.repo'

/**
 * A resident says where they live: the grid (and optionally their household). This makes them a resident of that
 * grid; a previous residence's resident role is revoked (kept, with the time). Anyone signed in may say where they
 * live, so `load` checks the grid and the household instead of a permission.
 */
export const setResidence = defineAction(accountContract.actions.setResidence, {
  load: async ({ gridId, householdId }, ctx) => {
    const grid = await loadGrid(ctx.rt, gridId)
    if (householdId) await loadHouseholdIn(ctx.db, grid._id, householdId)
    return { grid, previous: residencesElsewhere(ctx.caller, grid._id) }
  },
  run: async ({ input: { householdId }, loaded: { grid, previous }, ctx, tx }) => {
    const userId = ctx.caller.user._id
    for (const p of previous) await tx.update(C.role_assignments, p._id, { revokedAt: ctx.now })
    const id = assignmentId(userId, 'resident', grid._id)
    const existing = await tx.get(C.role_assignments, id)
    await tx.set(C.role_assignments, {
      _id: id,
      userId,
      role: 'resident',
      unitId: grid._id,
      grantedBy: null,
      via: 'residence',
      createdAt: existing && existing.revokedAt === null ? existing.createdAt : ctx.now,
      revokedAt: null,
    })
    await tx.update(C.users, userId, { residenceUnitId: grid._id, householdId })
    return { gridId: grid._id, householdId }
  },
  present: async ({ result, ctx }) => {
    const residence = await ctx.rt.units.ref(result.gridId)
    if (!residence) throw AccountErrors.UNIT_NOT_FOUND()
    return { residence, householdId: result.householdId }
  },
})
