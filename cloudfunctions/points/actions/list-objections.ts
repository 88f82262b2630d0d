import { pointsContract } from '@shared/points/points.contract'
import type { PointsAward, PointsObjection } from '@shared/points/points.schema'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { objectionView, paged } from '../service'

export const listObjections = legacyAction(pointsContract.actions.listObjections, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, status, page, pageSize }, ctx) => {
    const where: Filter = status ? { villageId, status } : { villageId }
    const p = await paged<PointsObjection>(ctx.db, 'points_objections', where, [['createdAt', 'desc']], page, pageSize)
    const awards = await Promise.all(p.rows.map((o) => ctx.db.get<PointsAward>('points_awards', o.awardId)))
    const items = p.rows.flatMap((o, i) => (awards[i] ? [objectionView(o, awards[i]!)] : []))
    return { items, page, pageSize, total: p.total, hasMore: p.hasMore }
  },
})
