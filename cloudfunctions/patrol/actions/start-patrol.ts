import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { windowAt } from '@shared/patrol/patrol.rules'
import { PatrolSchema, type Patrol } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { bumpStats, C, ids, isActiveMember, loadRoute, loadShift, patrolView, statKeys } from '../store'

/**
 * Starts the patrol of the shift window open now (server clock). The window's patrol has a
 * deterministic id, so team members who start it at once all join the same patrol.
 */
export const startPatrol = legacyAction(patrolContract.actions.startPatrol, {
  scope: async ({ shiftId }, ctx) => (await loadShift(ctx.db, shiftId)).villageId,
  run: async ({ shiftId }, ctx) => {
    const shift = await loadShift(ctx.db, shiftId)
    const me = ctx.caller.user._id
    if (!shift.active) throw PatrolErrors.SHIFT_INACTIVE()
    if (!(await isActiveMember(ctx.db, shift.teamId, me))) throw PatrolErrors.NOT_IN_TEAM()
    const window = windowAt(shift, ctx.now)
    if (!window) throw PatrolErrors.NOT_IN_SHIFT()
    const route = await loadRoute(ctx.db, shift.routeId)
    if (!route.checkpointIds.length) throw PatrolErrors.ROUTE_EMPTY()
    const keys = await statKeys(ctx, shift.villageId, shift.teamId)
    const id = ids.patrol(shift._id, window.day)
    return ctx.transact(async (tx) => {
      const prior = await tx.get<Patrol>(C.patrols, id)
      let patrol: Patrol
      if (prior) {
        if (prior.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
        patrol = prior.participants.includes(me) ? prior : { ...prior, participants: [...prior.participants, me] }
        if (patrol !== prior) await tx.update(C.patrols, id, { participants: patrol.participants })
      } else {
        patrol = PatrolSchema.parse({
          _id: id,
          villageId: shift.villageId,
          teamId: shift.teamId,
          routeId: route._id,
          shiftId: shift._id,
          shiftName: shift.name,
          day: window.day,
          windowStart: window.start,
          windowEnd: window.end,
          status: 'active',
          startedAt: ctx.now,
          startedBy: me,
          participants: [me],
          checkpointIds: route.checkpointIds,
          done: [],
          flaggedCount: 0,
          lastDeviceAt: null,
          hazardCount: 0,
          finishedAt: null,
          finishedBy: null,
          minutes: null,
          missedCheckpointIds: [],
        })
        await tx.insert(C.patrols, patrol)
        await bumpStats(tx, keys, bjMonth(window.start), {
          patrolsStarted: 1,
          checkpointsPlanned: route.checkpointIds.length,
        })
      }
      return patrolView(ctx, patrol)
    })
  },
})
