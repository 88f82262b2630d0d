import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolShiftSchema } from '@shared/patrol/patrol.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadRoute, loadShift, loadTeam, mustBeVillage } from '../patrol.repo'
import { shiftView } from '../patrol.views'
import { audit } from '../../_core/audit'

/** Creates or edits a shift: which team walks which route of the village, when (Beijing time), on which days. */
export const saveShift = defineAction(patrolContract.actions.saveShift, {
  load: async ({ villageId, shiftId, teamId, routeId }, ctx) => {
    const [village, team, route, prior] = await Promise.all([
      ctx.rt.units.get(villageId),
      ctx.db.get(C.patrol_teams, teamId),
      ctx.db.get(C.patrol_routes, routeId),
      shiftId ? ctx.db.get(C.patrol_shifts, shiftId) : null,
    ])
    return { unitId: villageId, village, team, route, prior }
  },
  texts: ({ name }) => [name],
  run: async ({ input, loaded: { village, team, route, prior }, tx, ctx }) => {
    const { villageId, shiftId } = input
    mustBeVillage(village)
    if (!team || team.villageId !== villageId) throw PatrolErrors.TEAM_NOT_FOUND()
    if (!route || route.villageId !== villageId) throw PatrolErrors.ROUTE_NOT_FOUND()
    if (input.active && route.checkpointIds.length === 0) throw PatrolErrors.ROUTE_EMPTY()
    if (shiftId && (!prior || prior.villageId !== villageId)) throw PatrolErrors.SHIFT_NOT_FOUND()
    const shift = PatrolShiftSchema.parse({
      _id: prior?._id ?? ctx.newId('sh'),
      villageId,
      name: input.name,
      teamId: team._id,
      routeId: route._id,
      startMinute: input.startMinute,
      durationMinutes: input.durationMinutes,
      weekdays: input.weekdays,
      active: input.active,
      createdAt: prior?.createdAt ?? ctx.now,
      retiredAt: input.active ? null : (prior?.retiredAt ?? ctx.now),
    })
    await tx.set(C.patrol_shifts, shift)
    await audit(tx, ctx, { what: 'patrol.shift', unitId: villageId, subjectId: shift._id, before: prior, after: shift })
    return { shiftId: shift._id }
  },
  present: async ({ result, ctx }) => {
    const shift = await loadShift(ctx.db, result.shiftId)
    const [team, route] = await Promise.all([loadTeam(ctx.db, shift.teamId), loadRoute(ctx.db, shift.routeId)])
    return shiftView(shift, team.name, route.name)
  },
})
