import { patrolContract } from '@shared/patrol/patrol.contract'
import type { Patrol, PatrolCheckin, PatrolRoute, PatrolTeam } from '@shared/patrol/patrol.schema'
import { legacyAction } from '../../_core/wrap'
import { C, checkinView, checkpointNames, names } from '../store'

/** Flagged check-ins of a village waiting for a decision, oldest first, with positions (reviewers only). */
export const reviewQueue = legacyAction(patrolContract.actions.reviewQueue, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, page, pageSize }, ctx) => {
    const where = { villageId, status: 'flagged' }
    const [rows, total] = await Promise.all([
      ctx.db.find<PatrolCheckin>(C.checkins, {
        where,
        orderBy: [['at', 'asc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count(C.checkins, where),
    ])
    const cpNames = await checkpointNames(
      ctx.db,
      rows.map((r) => r.checkpointId),
    )
    const people = await names(
      ctx.db,
      rows.map((r) => r.userId),
    )
    const items = await Promise.all(
      rows.map(async (ci) => {
        const [patrol, team, route] = await Promise.all([
          ctx.db.get<Patrol>(C.patrols, ci.patrolId),
          ctx.db.get<PatrolTeam>(C.teams, ci.teamId),
          ctx.db.get<PatrolRoute>(C.routes, ci.routeId),
        ])
        return {
          ...checkinView(ci, cpNames.get(ci.checkpointId) ?? '', people.get(ci.userId) ?? '', true),
          patrolId: ci.patrolId,
          teamName: team?.name ?? '',
          routeName: route?.name ?? '',
          shiftName: patrol?.shiftName ?? '',
          day: patrol?.day ?? '1970-01-01',
        }
      }),
    )
    return { items, page, pageSize, total, hasMore: page * pageSize < total }
  },
})
