import { patrolContract } from '@shared/patrol/patrol.contract'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { checkpointNames, names } from '../patrol.repo'
import { checkinView } from '../patrol.views'

/** Flagged check-ins of a village waiting for a decision, oldest first, with positions (reviewers only). */
export const listReviews = defineAction(patrolContract.actions.listReviews, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, page, pageSize }, ctx }) => {
    const where = { villageId, status: 'flagged' }
    const [rows, total] = await Promise.all([
      ctx.db.find(C.patrol_checkins, {
        where,
        orderBy: [['at', 'asc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count(C.patrol_checkins, where),
    ])
    const [cpNames, people, patrols, teams, routes] = await Promise.all([
      checkpointNames(
        ctx.db,
        rows.map((r) => r.checkpointId),
        ctx.lang,
      ),
      names(
        ctx.db,
        rows.map((r) => r.userId),
        ctx.lang,
      ),
      getMany(
        ctx.db,
        C.patrols,
        rows.map((r) => r.patrolId),
      ),
      getMany(
        ctx.db,
        C.patrol_teams,
        rows.map((r) => r.teamId),
      ),
      getMany(
        ctx.db,
        C.patrol_routes,
        rows.map((r) => r.routeId),
      ),
    ])
    const items = rows.map((ci) => {
      const patrol = patrols.get(ci.patrolId)
      return {
        ...checkinView(ci, cpNames.get(ci.checkpointId) ?? '', people.get(ci.userId) ?? '', true, ctx.lang),
        patrolId: ci.patrolId,
        teamName: teams.get(ci.teamId)?.name ?? '',
        routeName: routes.get(ci.routeId)?.name ?? '',
        shiftName: patrol?.shiftName ?? '',
        day: patrol?.day ?? '1970-01-01',
      }
    })
    return { items, page, pageSize, total, hasMore: page * pageSize < total }
  },
})
