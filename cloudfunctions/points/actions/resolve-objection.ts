import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { PointsAward, PointsObjection, PointsRule } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { objectionView, releaseCap } from '../service'

/**
 * uphold: the objection does not stand; once no objection is open the award is back in publicity and
 * is credited when its period is over (or at the next settle if it already is).
 * withdraw: the award is withdrawn (never credited, cap room returned); every other open objection on
 * it is closed as accepted too.
 */
export const resolveObjection = legacyAction(pointsContract.actions.resolveObjection, {
  scope: async ({ objectionId }, ctx) => {
    const o = await ctx.db.get<PointsObjection>('points_objections', objectionId)
    if (!o) throw PointsErrors.OBJECTION_NOT_FOUND()
    return o.villageId
  },
  run: async ({ objectionId, decision, note }, ctx) => {
    const me = ctx.caller.user
    return ctx.transact(async (tx) => {
      const o = await tx.get<PointsObjection>('points_objections', objectionId)
      if (!o) throw PointsErrors.OBJECTION_NOT_FOUND()
      if (o.status !== 'open') throw PointsErrors.OBJECTION_RESOLVED()
      const a = await tx.get<PointsAward>('points_awards', o.awardId)
      if (!a) throw PointsErrors.AWARD_NOT_FOUND()
      const resolved = { resolvedBy: me._id, resolvedAt: ctx.now, resolutionNote: note }
      let next: PointsObjection
      if (decision === 'uphold') {
        next = { ...o, status: 'rejected', ...resolved }
        await tx.set('points_objections', next)
        const open = a.openObjectionIds.filter((id) => id !== o._id)
        const nextAward = {
          openObjectionIds: open,
          status: open.length ? ('objected' as const) : ('publicity' as const),
        }
        await tx.update('points_awards', a._id, nextAward)
        return objectionView(next, { ...a, ...nextAward })
      }
      next = { ...o, status: 'accepted', ...resolved }
      await tx.set('points_objections', next)
      for (const id of a.openObjectionIds) {
        if (id === o._id) continue
        const other = await tx.get<PointsObjection>('points_objections', id)
        if (other && other.status === 'open')
          await tx.set('points_objections', { ...other, status: 'accepted', ...resolved })
      }
      await releaseCap(tx, a, await tx.get<PointsRule>('points_rules', a.ruleId))
      const nextAward = { status: 'withdrawn' as const, openObjectionIds: [], closedAt: ctx.now }
      await tx.update('points_awards', a._id, nextAward)
      return objectionView(next, { ...a, ...nextAward })
    })
  },
})
