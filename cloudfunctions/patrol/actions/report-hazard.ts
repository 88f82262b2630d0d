import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolHazardSchema, type Patrol, type PatrolCheckpoint, type PatrolRoute } from '@shared/patrol/patrol.schema'
import { IncidentErrors } from '@shared/incident/incident.contract'
import { stableId } from '../../_core/ids'
import type { PushMessage } from '../../_core/notifier'
import { legacyAction, pushAll } from '../../_core/wrap'
import { createIncidentInTx, prepareIncident } from '../../incident/incident.api'
import { C, isActiveMember, loadPatrol } from '../store'

/**
 * A hazard seen on patrol becomes a grid report (安全隐患, source "patrol") in the same transaction that
 * records it on the patrol, so the two never disagree. The grid is the one chosen, else the village's first.
 * Without a position fix it is placed at the last checkpoint checked (a checkpoint's own coordinates,
 * never a tracked position of the volunteer).
 */
export const reportHazard = legacyAction(patrolContract.actions.reportHazard, {
  scope: async ({ patrolId }, ctx) => (await loadPatrol(ctx.db, patrolId)).villageId,
  run: async ({ patrolId, text, position, gridId }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const me = ctx.caller.user
    if (!(await isActiveMember(ctx.db, patrol.teamId, me._id))) throw PatrolErrors.NOT_IN_TEAM()
    if (patrol.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    if (text.trim() && !(await ctx.rt.contentSafety.check(text, me.openid)).pass) throw IncidentErrors.CONTENT_UNSAFE()
    const grids = (await ctx.rt.units.children(patrol.villageId)).filter((g) => g.level === 'grid')
    const grid = gridId ? grids.find((g) => g._id === gridId) : grids[0]
    if (!grid) throw PatrolErrors.UNIT_NOT_FOUND('请选择隐患所在的网格')
    const lastCp = patrol.done.at(-1)?.checkpointId ?? patrol.checkpointIds[0]
    const cp = lastCp ? await ctx.db.get<PatrolCheckpoint>(C.checkpoints, lastCp) : null
    const where = position ?? (cp ? { lat: cp.location.lat, lng: cp.location.lng } : null)
    if (!where) throw PatrolErrors.CHECKPOINT_NOT_FOUND('定不到隐患的位置，请打开定位后再报')
    const route = await ctx.db.get<PatrolRoute>(C.routes, patrol.routeId)
    const prepared = await prepareIncident(ctx.rt, {
      id: ctx.newId('inc'),
      now: ctx.now,
      reporter: { id: me._id, name: me.name, phone: me.phone },
      source: 'patrol',
      category: 'hazard',
      severity: 'normal',
      description: text,
      photos: [],
      location: { lat: where.lat, lng: where.lng, datum: 'gcj02' },
      address: `${route?.name ?? ''}${cp && !position ? ` ${cp.name}附近` : ''}（巡逻发现）`.slice(0, 80),
      gridId: grid._id,
      anonymous: false,
      parties: [],
      countsAsDailyReport: false,
    })
    const hazard = PatrolHazardSchema.parse({
      _id: stableId('hz', patrolId, me._id, ctx.requestId ?? ''),
      patrolId,
      villageId: patrol.villageId,
      reportedBy: me._id,
      text,
      location: where,
      at: ctx.now,
      incidentId: prepared.draft.id,
    })
    let messages: PushMessage[] = []
    const out = await ctx.transact(async (tx) => {
      const p = (await tx.get<Patrol>(C.patrols, patrolId))!
      const created = await createIncidentInTx(tx, prepared)
      messages = created.messages
      await tx.insert(C.hazards, hazard)
      await tx.update(C.patrols, patrolId, { hazardCount: p.hazardCount + 1 })
      return { id: hazard._id, incidentId: created.incident._id }
    })
    await pushAll(ctx.rt, messages)
    return out
  },
})
