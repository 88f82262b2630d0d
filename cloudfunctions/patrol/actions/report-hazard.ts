import { patrolContract, PatrolErrors } from '../../../shared/patrol/patrol.contract'
import { PatrolHazardSchema, type Patrol } from '../../../shared/patrol/patrol.schema'
import { stableId } from '../../_core/ids'
import { defineAction } from '../../_core/wrap'
import { C, isActiveMember, loadPatrol } from '../store'

/** A hazard seen on patrol, kept with the patrol. */
export const reportHazard = defineAction(patrolContract.actions.reportHazard, {
  scope: async ({ patrolId }, ctx) => (await loadPatrol(ctx.db, patrolId)).villageId,
  run: async ({ patrolId, text, position }, ctx) => {
    const patrol = await loadPatrol(ctx.db, patrolId)
    const me = ctx.caller.user._id
    if (!(await isActiveMember(ctx.db, patrol.teamId, me))) throw PatrolErrors.NOT_IN_TEAM()
    if (patrol.status === 'finished') throw PatrolErrors.PATROL_FINISHED()
    const hazard = PatrolHazardSchema.parse({
      _id: stableId('hz', patrolId, me, ctx.requestId ?? ''), patrolId, villageId: patrol.villageId, reportedBy: me,
      text, location: position, at: ctx.now, incidentId: null,
    })
    return ctx.transact(async (tx) => {
      const p = (await tx.get<Patrol>(C.patrols, patrolId))!
      await tx.insert(C.hazards, hazard)
      await tx.update(C.patrols, patrolId, { hazardCount: p.hazardCount + 1 })
      return { id: hazard._id, incidentId: hazard.incidentId }
    })
  },
})
