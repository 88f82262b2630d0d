import { patrolContract } from '@shared/patrol/patrol.contract'
import { windowAt, windowsBetween } from '@shared/patrol/patrol.rules'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { callerTeams, checkpointNames, coveragePctOf, currentSettings, ids } from '../patrol.repo'
import { patrolWords, shiftView } from '../patrol.views'

const WEEK = 7 * 86_400_000

/**
 * The shifts of my teams: the window open now, or the next one, and the patrol of that window; with the route's
 * checkpoints and the village's coverage rule, so a phone that keeps this answer can start and walk a patrol with
 * no signal.
 */
export const myShifts = defineAction(patrolContract.actions.myShifts, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ ctx }) => {
    const teamIds = await callerTeams(ctx.db, ctx.caller.user)
    if (!teamIds.length) return { items: [] }
    const shifts = await ctx.db.find(C.patrol_shifts, {
      where: { teamId: { $in: teamIds }, active: true },
      limit: 200,
    })
    const items = []
    for (const s of shifts) {
      const open = windowAt(s, ctx.now)
      const next = open ?? windowsBetween(s, ctx.now, ctx.now + WEEK)[0]
      if (!next) continue
      const [team, route, patrol, settings] = await Promise.all([
        ctx.db.get(C.patrol_teams, s.teamId),
        ctx.db.get(C.patrol_routes, s.routeId),
        ctx.db.get(C.patrols, ids.patrol(s._id, next.day)),
        currentSettings(ctx.db, s.villageId),
      ])
      const cpIds = route?.checkpointIds ?? []
      const cpNames = await checkpointNames(ctx.db, cpIds, ctx.lang)
      items.push({
        shift: shiftView(s, team?.name ?? '', route?.name ?? ''),
        village: (await ctx.rt.units.ref(s.villageId))!,
        window: next,
        open: !!open,
        checkpoints: cpIds.map((id) => ({ id, name: cpNames.get(id) ?? '' })),
        coveragePct: coveragePctOf(settings),
        patrol: patrol
          ? {
              id: patrol._id,
              status: patrol.status,
              statusLabel: patrolWords(ctx.lang)(`patrol.status.${patrol.status}`),
              done: patrol.done.length,
              total: patrol.checkpointIds.length,
            }
          : null,
      })
    }
    items.sort((a, b) => Number(b.open) - Number(a.open) || a.window.start - b.window.start)
    return { items }
  },
})
