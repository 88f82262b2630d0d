import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { say } from '@shared/points/points.messages'
import { REDEMPTION_STATUSES } from '@shared/points/points.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../points.export'
import { villageName } from '../points.repo'

/**
 * The redemptions of one village-month (bounded), each with who handed it over or closed it; headers and statuses
 * in the caller's language.
 */
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
    const lang = ctx.lang
    const out: Array<Array<string | number>> = rows.map((r) => [
      formatBj(r.createdAt),
      r.householdId,
      r.userName,
      r.goodsName,
      r.quantity,
      r.points,
      say(REDEMPTION_STATUSES[r.status].label, lang),
      r.closedAt ? formatBj(r.closedAt) : '',
      nameOf(r.closedBy),
      formatBj(r.expiresAt),
      r._id,
    ])
    const header = (
      [
        'points.col.redeemed_at',
        'points.col.household',
        'points.col.redeemer',
        'points.col.goods',
        'points.col.quantity',
        'points.col.points',
        'points.col.status',
        'points.col.closed_at',
        'points.col.closed_by',
        'points.col.expires_at',
        'points.col.redemption',
      ] as const
    ).map((k) => say(k, lang))
    const village = await villageName(ctx.rt, villageId)
    return toFile(
      format,
      say('points.export.redemptions_file', lang, { village, month }),
      say('points.export.redemptions_sheet', lang, { month }),
      header,
      out,
    )
  },
})
