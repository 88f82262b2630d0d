import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PATROL_LIMITS, startOf } from '@shared/patrol/patrol.rules'
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
  callerIsMember,
  loadPatrol,
  loadShift,
} from '../patrol.repo'
import { patrolView } from '../patrol.views'

/**
 * Starts the patrol of the shift window open when the person tapped 开始: the phone's time (`deviceAt`), which
 * arrives later when the start was made with no signal, within honest bounds (patrol.rules.ts startOf): not
 * ahead of the server's clock by more than two minutes, inside a window of the shift, and sent no later than a
 * day after that window's end. The patrol keeps both times (`startedAt` the phone's, which its month's figures
 * and its minutes count from; `startReceivedAt` the server's). The window's patrol has a deterministic id, so team
 * members who start it at once, online or not, all join the same patrol. It keeps the village's coverage
 * threshold of the moment: the rule a patrol is walked under is the one it is judged by.
 */
export const startPatrol = defineAction(patrolContract.actions.startPatrol, {
  load: async ({ shiftId }, ctx) => {
    const shift = await loadShift(ctx.db, shiftId)
    const [member, route, keys, settings] = await Promise.all([
      callerIsMember(ctx.db, ctx.caller.user, shift.teamId),
      ctx.db.get(C.patrol_routes, shift.routeId),
      counterKeys(ctx.rt.units, shift.villageId, shift.teamId),
      currentSettings(ctx.db, shift.villageId),
    ])
    return { unitId: shift.villageId, shift, member, route, keys, coveragePct: coveragePctOf(settings) }
  },
  run: async ({ input, loaded: { shift, member, route, keys, coveragePct }, tx, ctx }) => {
    const me = ctx.caller.user._id
    if (!shift.active) throw PatrolErrors.SHIFT_INACTIVE()
    if (!member) throw PatrolErrors.NOT_IN_TEAM()
    const start = startOf(shift, { now: ctx.now, deviceAt: input.deviceAt })
    if ('refused' in start) {
      if (start.refused === 'future') throw PatrolErrors.START_IN_FUTURE()
      if (start.refused === 'too_old') throw PatrolErrors.START_TOO_OLD()
      // a start sent at once is told it is not shift time now; one made earlier, that its time was not
      const sentLate = input.deviceAt !== undefined && ctx.now - input.deviceAt > PATROL_LIMITS.lateAfterMs
      throw sentLate ? PatrolErrors.START_OUTSIDE_SHIFT() : PatrolErrors.NOT_IN_SHIFT()
    }
    const { window } = start
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
      startedAt: start.at,
      startReceivedAt: ctx.now,
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
