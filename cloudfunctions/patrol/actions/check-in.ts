import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { judgeCheckin, parseCode } from '@shared/patrol/patrol.rules'
import { PatrolCheckinSchema, type CheckInOutput, type Patrol, type PatrolCheckin } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { DuplicateKeyError } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { patrolConfig } from '../config'
import { verifySignature } from '../signing'
import {
  bumpStats,
  C,
  checkinView,
  checkpointNames,
  ids,
  isActiveMember,
  loadPatrol,
  names,
  progressOf,
  seesPositions,
  statKeys,
} from '../store'

/**
 * One check-in at a checkpoint. Hard checks reject (a code that is not ours, another village's code, a
 * checkpoint off this patrol's route, someone outside the team, a finished patrol). Soft checks
 * (radius, accuracy, speed, shift window, device time) store the check-in flagged for review.
 * Its id comes from patrol and checkpoint (ids.checkin): sent again, from any connection, it is stored once.
 */
export const checkIn = legacyAction(patrolContract.actions.checkIn, {
  scope: async ({ patrolId }, ctx) => (await loadPatrol(ctx.db, patrolId)).villageId,
  run: async (input, ctx) => {
    const patrol = await loadPatrol(ctx.db, input.patrolId)
    const me = ctx.caller.user._id
    if (!(await isActiveMember(ctx.db, patrol.teamId, me))) throw PatrolErrors.NOT_IN_TEAM()
    const parsed = parseCode(input.code)
    if (!parsed) throw PatrolErrors.BAD_CODE()
    const cp = await ctx.db.get<{
      _id: string
      villageId: string
      name: string
      location: { lat: number; lng: number }
      radiusM: number
    }>(C.checkpoints, parsed.checkpointId)
    if (!cp || !verifySignature(patrolConfig(ctx.rt).codeKey, cp._id, cp.villageId, parsed.signature))
      throw PatrolErrors.BAD_CODE()
    if (cp.villageId !== patrol.villageId) throw PatrolErrors.WRONG_VILLAGE()
    if (!patrol.checkpointIds.includes(cp._id)) throw PatrolErrors.NOT_ON_ROUTE()
    if (patrol.status === 'finished') throw PatrolErrors.PATROL_FINISHED()

    const id = ids.checkin(patrol, cp._id)
    const [cpNames, people, showPosition, keys] = await Promise.all([
      checkpointNames(ctx.db, patrol.checkpointIds),
      names(ctx.db, [me]),
      seesPositions(ctx, patrol.villageId),
      statKeys(ctx, patrol.villageId, patrol.teamId),
    ])
    const view = async (ci: PatrolCheckin, p: Patrol, repeat: boolean): Promise<CheckInOutput> => {
      const by = ci.userId === me ? people : await names(ctx.db, [ci.userId])
      return {
        checkin: checkinView(ci, cp.name, by.get(ci.userId) ?? '', showPosition),
        repeat,
        progress: progressOf(p, cpNames),
      }
    }
    try {
      return await ctx.transact(async (tx) => {
        const p = (await tx.get<Patrol>(C.patrols, patrol._id))!
        if (p.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
        // The patrol lists its check-ins (written in the same transactions), so only a repeat reads one: a lookup
        // of an id not yet stored costs a random read in a table of millions. A race past this is the insert's
        // duplicate below.
        const known = p.done.find((d) => d.checkpointId === cp._id)
        if (known) {
          const existing = await tx.get<PatrolCheckin>(C.checkins, known.checkinId)
          if (existing) return view(existing, p, true)
        }
        const others: Array<{ lat: number; lng: number; at: number }> = []
        for (const d of p.done) {
          const o = await tx.get<PatrolCheckin>(C.checkins, d.checkinId)
          if (o) others.push({ ...o.location, at: o.at })
        }
        const verdict = judgeCheckin({
          now: ctx.now,
          deviceAt: input.deviceAt,
          position: input.position,
          accuracyM: input.accuracyM,
          checkpoint: { ...cp.location, radiusM: cp.radiusM },
          window: { start: p.windowStart, end: p.windowEnd },
          lastDeviceAt: p.lastDeviceAt,
          others,
        })
        const flagged = verdict.flags.length > 0
        const ci = PatrolCheckinSchema.parse({
          _id: id,
          patrolId: p._id,
          villageId: p.villageId,
          teamId: p.teamId,
          routeId: p.routeId,
          checkpointId: cp._id,
          userId: me,
          deviceAt: input.deviceAt,
          receivedAt: ctx.now,
          at: verdict.at,
          late: verdict.late,
          location: { lat: input.position.lat, lng: input.position.lng },
          accuracyM: input.accuracyM,
          distanceM: verdict.distanceM,
          speedMps: verdict.speedMps,
          flags: verdict.flags,
          status: flagged ? 'flagged' : 'ok',
        })
        await tx.insert(C.checkins, ci)
        const next: Patrol = {
          ...p,
          done: [...p.done, { checkpointId: cp._id, checkinId: id, at: ci.at }],
          flaggedCount: p.flaggedCount + (flagged ? 1 : 0),
          lastDeviceAt: Math.max(p.lastDeviceAt ?? 0, input.deviceAt),
          participants: p.participants.includes(me) ? p.participants : [...p.participants, me],
        }
        await tx.update(C.patrols, p._id, {
          done: next.done,
          flaggedCount: next.flaggedCount,
          lastDeviceAt: next.lastDeviceAt,
          participants: next.participants,
        })
        await bumpStats(tx, keys, bjMonth(p.windowStart), { checkins: 1, flagged: flagged ? 1 : 0 })
        return view(ci, next, false)
      })
    } catch (err) {
      // Two connections raced past the read above: the other one stored it; answer with what it stored.
      if (err instanceof DuplicateKeyError && err.collection === C.checkins) {
        const [ci, p] = await Promise.all([ctx.db.get<PatrolCheckin>(C.checkins, id), loadPatrol(ctx.db, patrol._id)])
        if (ci) return view(ci, p, true)
      }
      throw err
    }
  },
})
