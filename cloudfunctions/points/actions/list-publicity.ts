import { pointsContract } from '@shared/points/points.contract'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { settleDue } from '../points.ledger'
import { pointsKeys, requireVillageMember, villageName } from '../points.repo'
import { publicItemView } from '../points.views'

/**
 * The village's publicity list (公示) for a month: approved awards with names masked. Awards whose
 * publicity is over are credited first (lazily), so the list never shows a stale "公示中": a read that
 * writes in small transactions of its own (`settleDue`), each of which credits an award once.
 */
export const listPublicity = defineAction(pointsContract.actions.listPublicity, {
  load: async ({ villageId }, ctx) => {
    await requireVillageMember(ctx, villageId)
    return { unitId: villageId }
  },
  run: async ({ input: { villageId, month, page, pageSize }, ctx }) => {
    const m = month ?? bjMonth(ctx.now)
    const due = await ctx.db.find(C.points_awards, {
      where: { villageId, status: 'publicity', publicUntil: { $lte: ctx.now } },
      limit: 200,
    })
    if (due.length)
      await settleDue(
        ctx.db,
        due.map((a) => a._id),
        ctx.now,
      )
    const where = { villageId, month: m, status: { $in: ['publicity', 'objected', 'credited', 'withdrawn'] } }
    const p = await findPage(ctx.db, C.points_awards, where, [['proposedAt', 'desc']], { page, pageSize })
    const me = ctx.caller.user
    const mine = await getMany(
      ctx.db,
      C.points_objections,
      p.items.map((a) => pointsKeys.objection(a._id, me._id)),
    )
    const canObject = ctx.scopeRoots('points_object').length > 0
    return {
      ...p,
      items: p.items.map((a) =>
        publicItemView(a, me, mine.get(pointsKeys.objection(a._id, me._id)), canObject, ctx.now, ctx.lang),
      ),
      month: m,
      villageName: await villageName(ctx.rt, villageId),
    }
  },
})
