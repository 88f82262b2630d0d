import { patrolContract } from '@shared/patrol/patrol.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { currentSettings, mustBeVillage, names, patrollersOf } from '../patrol.repo'
import { routeView, settingsView, shiftView, teamView } from '../patrol.views'

/** A village's rules, teams, routes with their checkpoints, shifts, and the people who may join a team. */
export const getSetup = defineAction(patrolContract.actions.getSetup, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId }, ctx }) => {
    const village = mustBeVillage(await ctx.rt.units.get(villageId))
    const [teams, routes, shifts, candidateIds, settings] = await Promise.all([
      ctx.db.find(C.patrol_teams, { where: { villageId }, orderBy: [['name', 'asc']], limit: 200 }),
      ctx.db.find(C.patrol_routes, { where: { villageId }, orderBy: [['name', 'asc']], limit: 200 }),
      ctx.db.find(C.patrol_shifts, { where: { villageId }, orderBy: [['startMinute', 'asc']], limit: 500 }),
      patrollersOf(ctx.db, ctx.rt.units, villageId),
      currentSettings(ctx.db, villageId),
    ])
    const teamName = new Map(teams.map((t) => [t._id, t.name]))
    const routeName = new Map(routes.map((r) => [r._id, r.name]))
    const people = await names(ctx.db, candidateIds, ctx.lang)
    return {
      village: (await ctx.rt.units.ref(village._id))!,
      settings: await settingsView(ctx.db, settings, ctx.lang),
      teams: await Promise.all(teams.map((t) => teamView(ctx.db, t, ctx.lang))),
      routes: await Promise.all(routes.map((r) => routeView(ctx.db, r))),
      shifts: shifts.map((s) => shiftView(s, teamName.get(s.teamId) ?? '', routeName.get(s.routeId) ?? '')),
      candidates: candidateIds
        .map((id) => ({ id, name: people.get(id) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    }
  },
})
