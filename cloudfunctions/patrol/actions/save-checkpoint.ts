import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolCheckpointSchema, type PatrolCheckpoint, type PatrolRoute } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { newCheckpointId } from '../signing'
import { C, checkpointView, loadRoute } from '../store'

/**
 * Adds a checkpoint at the end of the route, or edits one. Retiring (active: false) takes it off the
 * route for patrols that start later; the document stays so past check-ins keep their name.
 */
export const saveCheckpoint = legacyAction(patrolContract.actions.saveCheckpoint, {
  scope: async ({ routeId }, ctx) => (await loadRoute(ctx.db, routeId)).villageId,
  run: async ({ routeId, checkpointId, name, location, radiusM, active }, ctx) => {
    const route = await loadRoute(ctx.db, routeId)
    const prior = checkpointId ? await ctx.db.get<PatrolCheckpoint>(C.checkpoints, checkpointId) : null
    if (checkpointId && (!prior || prior.routeId !== routeId)) throw PatrolErrors.CHECKPOINT_NOT_FOUND()
    const cp = PatrolCheckpointSchema.parse({
      _id: prior?._id ?? newCheckpointId(),
      routeId,
      villageId: route.villageId,
      name,
      location,
      radiusM,
      active,
      createdAt: prior?.createdAt ?? ctx.now,
    })
    const all = await ctx.db.find<PatrolCheckpoint>(C.checkpoints, { where: { routeId }, limit: 200 })
    return ctx.transact(async (tx) => {
      const fresh = (await tx.get<PatrolRoute>(C.routes, routeId))!
      const order = fresh.checkpointIds.filter((id) => id !== cp._id || active)
      if (active && !order.includes(cp._id)) order.push(cp._id)
      if (prior) await tx.set(C.checkpoints, cp)
      else await tx.insert(C.checkpoints, cp)
      await tx.update(C.routes, routeId, { checkpointIds: order })
      const byId = new Map([...all, cp].map((c) => [c._id, c]))
      const retired = [...byId.values()].filter((c) => !order.includes(c._id))
      const checkpoints = [...order.map((id) => byId.get(id)).filter((c): c is PatrolCheckpoint => !!c), ...retired]
      return {
        route: { id: route._id, name: route.name, checkpoints: checkpoints.map(checkpointView) },
        checkpoint: checkpointView(cp),
      }
    })
  },
})
