import { CommonErrors } from '@shared/errors'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { defineAction } from '../../_core/wrap'
import { callerIsMember, loadPatrol } from '../patrol.repo'
import { patrolView } from '../patrol.views'

/** For the team's members, and for whoever may review or see figures in the village. */
export const getPatrol = defineAction(patrolContract.actions.getPatrol, {
  load: async ({ patrolId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const allowed =
      (await callerIsMember(ctx.db, ctx.caller.user, patrol.teamId)) ||
      (await ctx.can('checkin_review', patrol.villageId)) ||
      (await ctx.can('patrol_figures', patrol.villageId))
    if (!allowed) throw CommonErrors.FORBIDDEN()
    return { unitId: patrol.villageId, patrol }
  },
  run: async ({ loaded: { patrol }, ctx }) => patrolView(ctx, patrol),
})
