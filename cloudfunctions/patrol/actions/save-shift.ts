import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { PatrolShiftSchema, type PatrolShift } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { C, loadRoute, loadTeam, shiftView } from '../store'
import { assertVillage } from './village'

export const saveShift = legacyAction(patrolContract.actions.saveShift, {
  scope: async ({ villageId }) => villageId,
  run: async (input, ctx) => {
    const { villageId, shiftId } = input
    await assertVillage(ctx, villageId)
    const [team, route] = await Promise.all([loadTeam(ctx.db, input.teamId), loadRoute(ctx.db, input.routeId)])
    if (team.villageId !== villageId) throw PatrolErrors.TEAM_NOT_FOUND()
    if (route.villageId !== villageId) throw PatrolErrors.ROUTE_NOT_FOUND()
    if (input.active && route.checkpointIds.length === 0) throw PatrolErrors.ROUTE_EMPTY()
    const prior = shiftId ? await ctx.db.get<PatrolShift>(C.shifts, shiftId) : null
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
    return ctx.transact(async (tx) => {
      await tx.set(C.shifts, shift)
      return shiftView(shift, team.name, route.name)
    })
  },
})
