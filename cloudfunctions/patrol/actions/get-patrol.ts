import { CommonErrors } from '@shared/errors'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { legacyAction } from '../../_core/wrap'
import { isActiveMember, loadPatrol, patrolView } from '../store'

/** For the team's members, and for whoever may review or see figures in the village. */
export const getPatrol = legacyAction(patrolContract.actions.getPatrol, {
  run: async ({ patrolId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const allowed =
      (await isActiveMember(ctx.db, patrol.teamId, ctx.caller.user._id)) ||
      (await ctx.can('checkin_review', patrol.villageId)) ||
      (await ctx.can('patrol_stats', patrol.villageId))
    if (!allowed) throw CommonErrors.FORBIDDEN()
    return patrolView(ctx, patrol)
  },
})
