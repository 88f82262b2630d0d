import { patrolContract } from '@shared/patrol/patrol.contract'
import { PatrolRouteSchema } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { C } from '../store'
import { assertVillage } from './village'

export const createRoute = legacyAction(patrolContract.actions.createRoute, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, name }, ctx) => {
    await assertVillage(ctx, villageId)
    const route = PatrolRouteSchema.parse({
      _id: ctx.newId('rt'),
      villageId,
      name,
      checkpointIds: [],
      createdAt: ctx.now,
      createdBy: ctx.caller.user._id,
    })
    return ctx.transact(async (tx) => {
      await tx.insert(C.routes, route)
      return { id: route._id, name: route.name, checkpoints: [] }
    })
  },
})
