import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { windowAt } from '@shared/patrol/patrol.rules'
import { PatrolSchema } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import {
  bumpCounters,
  counterKeys,
  coveragePctOf,
  currentSettings,
  ids,
  isActiveMember,
  loadPatrol,
  loadShift,
} from '../patrol.repo'
import { patrolView } from '../patrol.views'

/**
 * Starts the patrol of the shift window open now (server clock). The window's patrol has a
 * deterministic id, so team members who start it at once all join the same patrol. It keeps the village's
 * coverage threshold of the moment: the rule a patrol is walked under is the one it is judged by.
 */
export const startPatrol = defineAction(patrolContract.actions.startPatrol, {
  load: async ({ shiftId }, ctx) => {
    const shift = await loadShift(ctx.db, shiftId)
    const [member, route, keys, settings] = await Promise.all([
      isActiveMember(ctx.db, shift.teamId, ctx.caller.user._id),
      ctx.db.get(C.patrol_routes, shift.routeId),
      counterKeys(ctx.rt.units, shift.villageId, shift.teamId),
      currentSettings(ctx.db, shift.villageId),
    ])
    return { unitId: shift.villageId, shift, member, route, keys, coveragePct: coveragePctOf(settings) }
  },
  run: async ({ loaded: { shift, member, route, keys, coveragePct }, tx, ctx }) => {
    const me = ctx.caller.user._id
    if (!shift.active) throw PatrolErrors.SHIFT_INACTIVE()
    if (!member) throw PatrolErrors.NOT_IN_TEAM()
    const window = windowAt(shift, ctx.now)
    if (!window) throw PatrolErrors.NOT_IN_SHIFT()
    if (!route) throw PatrolErrors.ROUTE_NOT_FOUND()
    if (!route.checkpointIds.length) throw PatrolErrors.ROUTE_EMPTY()
    const id = ids.patrol(shift._id, window.day)
    const prior = await tx.get(C.patrols, id)
    if (prior) {
      if (prior.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
      if (!prior.participants.includes(me))
        await tx.update(C.patrols, id, { participants: [...prior.participants, me] })
      return { patrolId: id }
    }
    const patrol = PatrolSchema.parse({
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
      coveragePct,
      credit: null,
    })
    await tx.insert(C.patrols, patrol)
    await bumpCounters(tx, keys, bjMonth(window.start), {
      patrolsStarted: 1,
      checkpointsPlanned: route.checkpointIds.length,
    })
    return { patrolId: id }
  },
  present: async ({ result, ctx }) => patrolView(ctx, await loadPatrol(ctx.db, result.patrolId)),
})
