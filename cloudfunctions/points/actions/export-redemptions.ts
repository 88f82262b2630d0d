import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { Redemption } from '@shared/points/points.schema'
import { REDEMPTION_STATUSES } from '@shared/points/points.states'
import { formatBj } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../export'
import { villageName } from '../service'

export const exportRedemptions = legacyAction(pointsContract.actions.exportRedemptions, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, month, format }, ctx) => {
    const where = { villageId, month }
    if ((await ctx.db.count('points_redemptions', where)) > EXPORT_MAX_ROWS) throw PointsErrors.EXPORT_TOO_LARGE()
    const rows = await ctx.db.find<Redemption>('points_redemptions', {
      where,
      orderBy: [['createdAt', 'asc']],
      limit: EXPORT_MAX_ROWS,
    })
    const keepers = new Map<string, string>()
    const nameOf = async (id: string | null) => {
      if (!id) return ''
      if (!keepers.has(id)) keepers.set(id, (await ctx.db.get<{ _id: string; name: string }>('users', id))?.name ?? id)
      return keepers.get(id)!
    }
    const out: Array<Array<string | number>> = []
    for (const r of rows) {
      out.push([
        formatBj(r.createdAt),
        r.householdId,
        r.userName,
        r.goodsName,
        r.quantity,
        r.points,
        REDEMPTION_STATUSES[r.status].label,
        r.closedAt ? formatBj(r.closedAt) : '',
        await nameOf(r.closedBy),
        formatBj(r.expiresAt),
        r._id,
      ])
    }
    const header = [
      '下单时间',
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
    return toFile(format, `兑换台账-${await villageName(ctx, villageId)}-${month}`, `兑换台账 ${month}`, header, out)
  },
})
