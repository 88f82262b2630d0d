import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { REDEMPTION_STATUSES } from '@shared/points/points.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../points.export'
import { villageName } from '../points.repo'

/** The redemptions of one village-month (bounded), each with who handed it over or closed it. */
export const exportRedemptions = defineAction(pointsContract.actions.exportRedemptions, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, month, format }, ctx }) => {
    const where = { villageId, month }
    if ((await ctx.db.count(C.points_redemptions, where)) > EXPORT_MAX_ROWS) throw PointsErrors.EXPORT_TOO_LARGE()
    const rows = await ctx.db.find(C.points_redemptions, {
      where,
      orderBy: [['createdAt', 'asc']],
      limit: EXPORT_MAX_ROWS,
    })
    // the keepers named in it, by a few queries of 100 ids
    const users = await getMany(
      ctx.db,
      C.users,
      rows.map((r) => r.closedBy).filter((id): id is string => !!id),
    )
    const nameOf = (id: string | null) => (id ? (users.get(id)?.name ?? id) : '')
    const out: Array<Array<string | number>> = rows.map((r) => [
      formatBj(r.createdAt),
      r.householdId,
      r.userName,
      r.goodsName,
      r.quantity,
      r.points,
      REDEMPTION_STATUSES[r.status].label,
      r.closedAt ? formatBj(r.closedAt) : '',
      nameOf(r.closedBy),
      formatBj(r.expiresAt),
      r._id,
    ])
    const header = [
      '兑换时间',
      '户编号',
      '兑换人',
      '商品',
      '数量',
      '积分',
      '状态',
      '办结时间',
      '经办人',
      '领取截止',
      '兑换单号',
    ]
    return toFile(format, `兑换台账-${await villageName(ctx.rt, villageId)}-${month}`, `兑换台账 ${month}`, header, out)
  },
})
