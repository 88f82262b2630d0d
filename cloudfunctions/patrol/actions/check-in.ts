import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { judgeCheckin, parseCode } from '@shared/patrol/patrol.rules'
import { PatrolCheckinSchema, type Patrol, type PatrolCheckin } from '@shared/patrol/patrol.schema'
import { CommonErrors } from '@shared/errors'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { DuplicateKeyError } from '../../_core/port'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { verifySignature } from '../patrol.codes'
import { patrolConfig } from '../patrol.config'
import {
  bumpCounters,
  checkpointsOf,
  counterKeys,
  ids,
  callerIsMember,
  keptCheckpointNames,
  loadCheckin,
  loadPatrol,
  names,
} from '../patrol.repo'
import { checkinView, progressOf, remainingOf, seesPositions } from '../patrol.views'

/** What a fresh check-in hands to its view: the check-in and the patrol as its transaction wrote them. */
interface Written {
  ci: PatrolCheckin
  patrol: Patrol
}

/**
 * One check-in at a checkpoint. Hard checks reject (a code that is not ours, another village's code, a
 * checkpoint off this patrol's route, someone outside the team, a finished patrol). Soft checks
 * (radius, accuracy, speed, shift window, device time) store the check-in flagged for review.
 * Its id comes from patrol and checkpoint (ids.checkin): sent again, from any connection and with any request
 * id, it is stored once and answered as a repeat.
 */
export const checkIn = defineAction(patrolContract.actions.checkIn, {
  // The patrol is read once, in the transaction (two members' check-ins at once each append to its list), so the
  // permission is checked there, in the patrol's village, with the caller's grants of this call (ANYWHERE here
  // only refuses a caller who holds it nowhere). The checkpoint is configuration: kept by a warm instance for a
  // minute (checkpointsOf), and its village's ancestors for the counter come from the unit directory.
  load: async ({ code }, ctx) => {
    const parsed = parseCode(code)
    const checkpoint = parsed
      ? ((await checkpointsOf(ctx.rt, [parsed.checkpointId], ctx.now)).get(parsed.checkpointId) ?? null)
      : null
    const keys = checkpoint ? await counterKeys(ctx.rt.units, checkpoint.villageId, '') : null
    return { unitId: ANYWHERE, signature: parsed?.signature ?? null, checkpoint, keys }
  },
  run: async ({ input, loaded: { signature, checkpoint: cp, keys }, tx, ctx, handOn }) => {
    const me = ctx.caller.user._id
    const p = await loadPatrol(tx, input.patrolId)
    if (!(await ctx.can('checkin_create', p.villageId))) throw CommonErrors.OUT_OF_SCOPE()
    if (!(await callerIsMember(tx, ctx.caller.user, p.teamId))) throw PatrolErrors.NOT_IN_TEAM()
    if (!signature || !cp || !verifySignature(patrolConfig(ctx.rt).codeKey, cp._id, cp.villageId, signature))
      throw PatrolErrors.BAD_CODE()
    if (cp.villageId !== p.villageId) throw PatrolErrors.WRONG_VILLAGE()
    if (!p.checkpointIds.includes(cp._id)) throw PatrolErrors.NOT_ON_ROUTE()
    if (p.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    // The patrol lists its check-ins (written in the same transactions), so only a repeat reads one: a lookup
    // of an id not yet stored costs a random read in a table of millions.
    const known = p.done.find((d) => d.checkpointId === cp._id)
    if (known && (await tx.get(C.patrol_checkins, known.checkinId))) return { checkinId: known.checkinId, repeat: true }
    // the earlier check-ins' places and times, from the patrol's list (entries from before it kept them: read)
    const others: Array<{ lat: number; lng: number; at: number }> = []
    for (const d of p.done) {
      if (d.lat !== undefined && d.lng !== undefined) {
        others.push({ lat: d.lat, lng: d.lng, at: d.at })
        continue
      }
      const o = await tx.get(C.patrol_checkins, d.checkinId)
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
    const id = ids.checkin(p, cp._id)
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
    try {
      await tx.insert(C.patrol_checkins, ci)
    } catch (err) {
      // Another transaction stored it after this one read the patrol; nothing is written here yet, so answer
      // with what it stored. (A database that ends the transaction on a failed insert refuses the commit
      // instead: this call fails, and a rescan, reading the patrol that now lists it, is answered as a repeat.)
      if (err instanceof DuplicateKeyError && (await tx.get(C.patrol_checkins, id)))
        return { checkinId: id, repeat: true }
      throw err
    }
    const patch = {
      done: [...p.done, { checkpointId: cp._id, checkinId: id, at: ci.at, lat: ci.location.lat, lng: ci.location.lng }],
      flaggedCount: p.flaggedCount + (flagged ? 1 : 0),
      lastDeviceAt: Math.max(p.lastDeviceAt ?? 0, input.deviceAt),
      participants: p.participants.includes(me) ? p.participants : [...p.participants, me],
    }
    await tx.update(C.patrols, p._id, patch)
    await bumpCounters(tx, { ...keys!, teamId: p.teamId }, bjMonth(p.windowStart), {
      checkins: 1,
      flagged: flagged ? 1 : 0,
    })
    handOn({ ci, patrol: { ...p, ...patch } } satisfies Written)
    return { checkinId: id, repeat: false }
  },
  present: async ({ result, ctx, handed }) => {
    // a fresh check-in: the check-in and the patrol as the transaction wrote them, made by the caller; else read
    const written = handed as Written | undefined
    const ci = written?.ci ?? (await loadCheckin(ctx.db, result.checkinId))
    const patrol = written?.patrol ?? (await loadPatrol(ctx.db, ci.patrolId))
    const [cpNames, by, showPosition] = await Promise.all([
      keptCheckpointNames(ctx.rt, [ci.checkpointId, ...remainingOf(patrol)], ctx.now, ctx.lang),
      written ? new Map([[ci.userId, ctx.caller.user.name]]) : names(ctx.db, [ci.userId], ctx.lang),
      seesPositions(ctx, patrol.villageId),
    ])
    return {
      checkin: checkinView(ci, cpNames.get(ci.checkpointId) ?? '', by.get(ci.userId) ?? '', showPosition, ctx.lang),
      repeat: result.repeat,
      progress: progressOf(patrol, cpNames),
    }
  },
})
