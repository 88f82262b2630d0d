import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { keepAwardsOnAccount } from '../points.open'
import { loadAward, loadObjection, refuseOwnMatter, releaseCap } from '../points.repo'
import { presentObjection } from '../points.views'

/**
 * uphold: the objection does not stand; once no objection is open the award is back in publicity and
 * is credited when its period is over (or at the next settle if it already is).
 * withdraw: the award is withdrawn (never credited, cap room returned); every other open objection on
 * it is closed as accepted too.
 * Decided by another official with the permission in the village: never the one who proposed the award (she would
 * judge her own proposal), who filed the objection, or whose household the award is for.
 */
export const resolveObjection = defineAction(pointsContract.actions.resolveObjection, {
  load: async ({ objectionId }, ctx) => {
    const objection = await loadObjection(ctx.db, objectionId)
    return { unitId: objection.villageId }
  },
  texts: ({ note }) => [note],
  run: async ({ input: { objectionId, decision, note }, tx, ctx }) => {
    const o = await loadObjection(tx, objectionId)
    if (o.status !== 'open') throw PointsErrors.OBJECTION_RESOLVED()
    const a = await loadAward(tx, o.awardId)
    refuseOwnMatter(
      ctx,
      { proposedBy: a.proposedBy, objectorId: o.userId, householdIds: [a.householdId] },
      PointsErrors.OWN_PROPOSAL_OBJECTION,
    )
    const resolved = { resolvedBy: ctx.caller.user._id, resolvedAt: ctx.now, resolutionNote: note }
    if (decision === 'uphold') {
      await tx.set(C.points_objections, { ...o, status: 'rejected', ...resolved })
      const open = a.openObjectionIds.filter((id) => id !== o._id)
      const patch: Pick<PointsAward, 'status' | 'openObjectionIds'> = {
        openObjectionIds: open,
        status: open.length ? 'objected' : 'publicity',
      }
      await tx.update(C.points_awards, a._id, patch)
      if (patch.status !== a.status) await keepAwardsOnAccount(tx, a.householdId, [{ ...a, ...patch }], ctx.now)
      return { objectionId }
    }
    await tx.set(C.points_objections, { ...o, status: 'accepted', ...resolved })
    for (const id of a.openObjectionIds) {
      if (id === o._id) continue
      const other = await tx.get(C.points_objections, id)
      if (other && other.status === 'open')
        await tx.set(C.points_objections, { ...other, status: 'accepted', ...resolved })
    }
    await releaseCap(tx, a, await tx.get(C.points_rules, a.ruleId))
    const patch: Pick<PointsAward, 'status' | 'openObjectionIds' | 'closedAt'> = {
      status: 'withdrawn',
      openObjectionIds: [],
      closedAt: ctx.now,
    }
    await tx.update(C.points_awards, a._id, patch)
    // no longer pending: off the household's account
    await keepAwardsOnAccount(tx, a.householdId, [{ ...a, ...patch }], ctx.now)
    return { objectionId }
  },
  present: ({ result, ctx }) => presentObjection(ctx, result.objectionId),
})
