import { pointsContract } from '@shared/points/points.contract'
import type { PointsAward, PointsObjection } from '@shared/points/points.schema'
import { maskName } from '@shared/mask'
import { AWARD_STATUSES } from '@shared/points/points.states'
import { bjMonth } from '@shared/time/beijing'
import { legacyAction } from '../../_core/wrap'
import { pointsKeys } from '../keys'
import { paged, requireVillageMember, settleDue, villageName } from '../service'

/**
 * The village's publicity list (公示) for a month: approved awards with names masked. Awards whose
 * publicity is over are credited first (lazily), so the list never shows a stale "公示中".
 */
export const publicity = legacyAction(pointsContract.actions.publicity, {
  run: async ({ villageId, month, page, pageSize }, ctx) => {
    await requireVillageMember(ctx, villageId)
    const m = month ?? bjMonth(ctx.now)
    const due = await ctx.db.find<PointsAward>('points_awards', {
      where: { villageId, status: 'publicity', publicUntil: { $lte: ctx.now } },
      limit: 200,
    })
    if (due.length)
      await settleDue(
        ctx,
        due.map((a) => a._id),
      )
    const where = { villageId, month: m, status: { $in: ['publicity', 'objected', 'credited', 'withdrawn'] } }
    const p = await paged<PointsAward>(ctx.db, 'points_awards', where, [['proposedAt', 'desc']], page, pageSize)
    const me = ctx.caller.user
    const canObjectAnywhere = ctx.scopeRoots('points_object').length > 0
    const items = await Promise.all(
      p.rows.map(async (a) => {
        const mine = await ctx.db.get<PointsObjection>('points_objections', pointsKeys.objection(a._id, me._id))
        const open = (a.status === 'publicity' || a.status === 'objected') && (a.publicUntil ?? 0) > ctx.now
        return {
          id: a._id,
          headNameMasked: maskName(a.headName),
          memberNameMasked: a.memberName ? maskName(a.memberName) : null,
          ruleName: a.ruleName,
          category: a.category,
          delta: a.delta,
          note: a.note,
          status: a.status,
          statusLabel: AWARD_STATUSES[a.status].label,
          approvedAt: a.approvedAt,
          publicUntil: a.publicUntil,
          objections: a.objections,
          mine: a.householdId === me.householdId,
          myObjection: mine?.status ?? null,
          canObject: open && canObjectAnywhere && !mine,
        }
      }),
    )
    return {
      items,
      page,
      pageSize,
      total: p.total,
      hasMore: p.hasMore,
      month: m,
      villageName: await villageName(ctx, villageId),
    }
  },
})
