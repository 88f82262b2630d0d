import { patrolContract } from '@shared/patrol/patrol.contract'
import { PatrolRouteSchema } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadRoute, mustBeVillage } from '../patrol.repo'
import { routeView } from '../patrol.views'
import { audit } from '../../_core/audit'

/** A new route of the village, with no checkpoints yet (saveCheckpoint adds them in walking order). */
export const createRoute = defineAction(patrolContract.actions.createRoute, {
  load: async ({ villageId }, ctx) => ({ unitId: villageId, village: await ctx.rt.units.get(villageId) }),
  texts: ({ name }) => [name],
  run: async ({ input: { villageId, name }, loaded, tx, ctx }) => {
    mustBeVillage(loaded.village)
    const route = PatrolRouteSchema.parse({
      _id: ctx.newId('rt'),
      villageId,
      name,
      checkpointIds: [],
      createdAt: ctx.now,
      createdBy: ctx.caller.user._id,
    })
    await tx.insert(C.patrol_routes, route)
    await audit(tx, ctx, { what: 'patrol.route', unitId: villageId, subjectId: route._id, after: route })
    return { routeId: route._id }
  },
  present: async ({ result, ctx }) => routeView(ctx.db, await loadRoute(ctx.db, result.routeId)),
})
