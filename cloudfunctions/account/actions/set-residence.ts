import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { revokeRoleAssignment, saveRoleAssignment } from '../../_core/grants'
import { leaveHousehold } from '../../_core/membership'
import { defineAction } from '../../_core/wrap'
import { membershipRecord, takeStep } from '../account.joins'
import { assignmentId, loadGrid, meIn, membershipOf, pendingRequestOf, residencesElsewhere } from '../account.repo'
import { unitRefOr } from '../account.views'

/**
 * A resident says which grid they live in. This makes them a resident of that grid (they may report, sign up,
 * ask to join a household there); a previous residence's resident role is revoked (kept, with the time). It never
 * makes anyone a member of a household: that takes a join request someone approves (issue #16). Moving to another
 * grid ends the household membership and withdraws a join request there, each recorded as a step of its own.
 */
export const setResidence = defineAction(accountContract.actions.setResidence, {
  load: async ({ gridId }, ctx) => {
    const grid = await loadGrid(ctx.rt, gridId)
    const { user } = ctx.caller
    const household = user.householdId ? await ctx.db.get(C.households, user.householdId) : null
    const leaving = household && household.gridId !== grid._id ? household : null
    const pending = await pendingRequestOf(ctx.db, user._id)
    return {
      grid,
      previous: residencesElsewhere(ctx.caller, grid._id),
      leaving,
      membership: leaving ? await membershipOf(ctx.db, user._id, leaving._id) : null,
      pendingElsewhere: pending && pending.gridId !== grid._id ? pending : null,
    }
  },
  run: async ({ loaded: { grid, previous, leaving, membership, pendingElsewhere }, ctx, tx }) => {
    const me = await meIn(tx, ctx)
    const step = { by: me._id, at: ctx.now, cause: 'moved' as const }
    for (const p of previous) await revokeRoleAssignment(tx, p._id, ctx.now)
    const id = assignmentId(me._id, 'resident', grid._id)
    const existing = await tx.get(C.role_assignments, id)
    await saveRoleAssignment(tx, {
      _id: id,
      userId: me._id,
      role: 'resident',
      unitId: grid._id,
      grantedBy: null,
      via: 'residence',
      createdAt: existing && existing.revokedAt === null ? existing.createdAt : ctx.now,
      revokedAt: null,
    })
    if (pendingElsewhere) await takeStep(tx, pendingElsewhere._id, 'withdraw', step)
    let householdId = me.householdId
    if (leaving && me.householdId === leaving._id) {
      await takeStep(tx, await membershipRecord(tx, me, leaving, membership, ctx.now), 'leave', step)
      householdId = null
      await leaveHousehold(tx, leaving._id)
    }
    await tx.update(C.users, me._id, { residenceUnitId: grid._id, householdId })
    return { gridId: grid._id, householdId }
  },
  present: async ({ result, ctx }) => ({
    residence: await unitRefOr(ctx.rt, result.gridId),
    householdId: result.householdId,
  }),
})
