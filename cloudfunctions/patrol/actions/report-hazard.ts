import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolHazardSchema } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { stableId } from '../../_core/ids'
import { defineAction } from '../../_core/wrap'
import { createIncidentInTx, prepareIncident } from '../../incident/incident.api'
import { callerIsMember, loadPatrol } from '../patrol.repo'

/**
 * A hazard seen on patrol becomes a grid report (安全隐患, source "patrol") in the same transaction that
 * records it on the patrol, so the two never disagree. The grid is the one chosen, else the village's first.
 * Without a position fix it is placed at the last checkpoint checked (a checkpoint's own coordinates,
 * never a tracked position of the volunteer).
 */
export const reportHazard = defineAction(patrolContract.actions.reportHazard, {
  load: async ({ patrolId, text, position, gridId }, ctx) => {
    const me = ctx.caller.user
    const patrol = await loadPatrol(ctx.db, patrolId)
    const lastCp = patrol.done.at(-1)?.checkpointId ?? patrol.checkpointIds[0]
    const [member, children, cp, route] = await Promise.all([
      callerIsMember(ctx.db, me, patrol.teamId),
      ctx.rt.units.children(patrol.villageId),
      lastCp ? ctx.db.get(C.patrol_checkpoints, lastCp) : null,
      ctx.db.get(C.patrol_routes, patrol.routeId),
    ])
    const grids = children.filter((g) => g.level === 'grid')
    const grid = (gridId ? grids.find((g) => g._id === gridId) : grids[0]) ?? null
    const where = position ?? (cp ? { lat: cp.location.lat, lng: cp.location.lng } : null)
    // the report's reads (its grid's place, categories, who is told) happen here, before the transaction
    const prepared =
      grid && where
        ? await prepareIncident(ctx.rt, {
            id: ctx.newId('inc'),
            now: ctx.now,
            reporter: { id: me._id, name: me.name, phone: me.phone },
            source: 'patrol',
            category: 'hazard',
            severity: 'normal',
            description: text,
            photos: [],
            location: { lat: where.lat, lng: where.lng, datum: 'gcj02' },
            // names people typed (the same in every language); the report's source says it came from a patrol
            address: [route?.name, cp && !position ? cp.name : null].filter(Boolean).join(' · ').slice(0, 80),
            gridId: grid._id,
            anonymous: false,
            parties: [],
            countsAsDailyReport: false,
          })
        : null
    return { unitId: patrol.villageId, patrol, member, grid, where, prepared }
  },
  texts: ({ text }) => [text],
  run: async ({ input: { patrolId, text }, loaded: { patrol, member, grid, where, prepared }, tx, push, ctx }) => {
    const me = ctx.caller.user._id
    if (!member) throw PatrolErrors.NOT_IN_TEAM()
    if (patrol.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    if (!grid) throw PatrolErrors.UNIT_NOT_FOUND.because('patrol.why.hazard_grid')
    if (!where || !prepared) throw PatrolErrors.CHECKPOINT_NOT_FOUND.because('patrol.why.hazard_place')
    const p = await loadPatrol(tx, patrolId)
    const created = await createIncidentInTx(tx, prepared)
    push(
      ...created.messages.map((m) => ({
        userId: m.userId,
        title: m.title,
        body: m.body,
        incidentId: m.incidentId,
        at: m.at,
      })),
    )
    const hazard = PatrolHazardSchema.parse({
      _id: stableId('hz', patrolId, me, ctx.requestId ?? ''),
      patrolId,
      villageId: patrol.villageId,
      reportedBy: me,
      text,
      location: where,
      at: ctx.now,
      incidentId: created.incident._id,
    })
    await tx.insert(C.patrol_hazards, hazard)
    await tx.update(C.patrols, patrolId, { hazardCount: p.hazardCount + 1 })
    return { id: hazard._id, incidentId: created.incident._id }
  },
})
