import { patrolContract } from '@shared/patrol/patrol.contract'
import type { PatrolRoute, PatrolShift, PatrolTeam } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { C, names, routeView, shiftView, teamView } from '../store'
import { assertVillage, patrollersOf } from './village'

export const setup = legacyAction(patrolContract.actions.setup, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId }, ctx) => {
    await assertVillage(ctx, villageId)
    const [teams, routes, shifts, candidateIds] = await Promise.all([
      ctx.db.find<PatrolTeam>(C.teams, { where: { villageId }, orderBy: [['name', 'asc']], limit: 200 }),
      ctx.db.find<PatrolRoute>(C.routes, { where: { villageId }, orderBy: [['name', 'asc']], limit: 200 }),
      ctx.db.find<PatrolShift>(C.shifts, { where: { villageId }, orderBy: [['startMinute', 'asc']], limit: 500 }),
      patrollersOf(ctx, villageId),
    ])
    const teamName = new Map(teams.map((t) => [t._id, t.name]))
    const routeName = new Map(routes.map((r) => [r._id, r.name]))
    const people = await names(ctx.db, candidateIds)
    return {
      village: (await ctx.rt.units.ref(villageId))!,
      teams: await Promise.all(teams.map((t) => teamView(ctx.db, t))),
      routes: await Promise.all(routes.map((r) => routeView(ctx.db, r))),
      shifts: shifts.map((s) => shiftView(s, teamName.get(s.teamId) ?? '', routeName.get(s.routeId) ?? '')),
      candidates: candidateIds
        .map((id) => ({ id, name: people.get(id) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    }
  },
})
