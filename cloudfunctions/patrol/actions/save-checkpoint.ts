import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolCheckpointSchema } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { newCheckpointId } from '../patrol.codes'
import { forgetCheckpoints, loadCheckpoint, loadRoute } from '../patrol.repo'
import { checkpointView, routeView } from '../patrol.views'
import { audit } from '../../_core/audit'

/**
 * Adds a checkpoint at the end of the route, or edits one. Retiring (active: false) takes it off the
 * route for patrols that start later; the document stays so past check-ins keep their name.
 */
export const saveCheckpoint = defineAction(patrolContract.actions.saveCheckpoint, {
  load: async ({ routeId, checkpointId }, ctx) => {
    const [route, prior] = await Promise.all([
      loadRoute(ctx.db, routeId),
      checkpointId ? ctx.db.get(C.patrol_checkpoints, checkpointId) : null,
    ])
    return { unitId: route.villageId, route, prior }
  },
  texts: ({ name }) => [name],
  run: async ({ input, loaded: { route, prior }, tx, ctx }) => {
    const { routeId, checkpointId, active } = input
    if (checkpointId && (!prior || prior.routeId !== routeId)) throw PatrolErrors.CHECKPOINT_NOT_FOUND()
    const cp = PatrolCheckpointSchema.parse({
      _id: prior?._id ?? newCheckpointId(),
      routeId,
      villageId: route.villageId,
      name: input.name,
      location: input.location,
      radiusM: input.radiusM,
      active,
      createdAt: prior?.createdAt ?? ctx.now,
    })
    const fresh = await loadRoute(tx, routeId)
    const order = fresh.checkpointIds.filter((id) => id !== cp._id || active)
    if (active && !order.includes(cp._id)) order.push(cp._id)
    if (prior) await tx.set(C.patrol_checkpoints, cp)
    else await tx.insert(C.patrol_checkpoints, cp)
    await tx.update(C.patrol_routes, routeId, { checkpointIds: order })
    await audit(tx, ctx, {
      what: 'patrol.checkpoint',
      unitId: route.villageId,
      subjectId: cp._id,
      before: prior,
      after: cp,
    })
    return { routeId, checkpointId: cp._id }
  },
  present: async ({ result, ctx }) => {
    // committed: this instance's kept checkpoints are read again (others' within a minute: CONFIG_TTL_MS)
    forgetCheckpoints(ctx.rt)
    const [route, cp] = await Promise.all([
      loadRoute(ctx.db, result.routeId),
      loadCheckpoint(ctx.db, result.checkpointId),
    ])
    return { route: await routeView(ctx.db, route), checkpoint: checkpointView(cp) }
  },
})
