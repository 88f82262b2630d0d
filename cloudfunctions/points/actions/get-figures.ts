import { pointsContract } from '@shared/points/points.contract'
import { say } from '@shared/points/points.messages'
import { categoryCode, RULE_CATEGORIES } from '@shared/points/points.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { pointsKeys, villageName } from '../points.repo'

/** Figures for a village-month, from counters kept in the writing transactions and indexed counts. */
export const getFigures = defineAction(pointsContract.actions.getFigures, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, month }, ctx }) => {
    const [s, households, pendingBatches, openObjections, goods] = await Promise.all([
      ctx.db.get(C.points_village_months, pointsKeys.villageMonth(villageId, month)),
      ctx.db.count(C.households, { villageId }),
      ctx.db.count(C.points_batches, { villageId, status: 'pending' }),
      ctx.db.count(C.points_objections, { villageId, status: 'open' }),
      ctx.db.find(C.points_goods, { where: { villageId }, orderBy: [['sort', 'asc']], limit: 200 }),
    ])
    // by category code; counters of older months may be keyed by the Chinese names, which fall into the same code
    const list = (m: Record<string, number> | undefined) => {
      const by = new Map<string, number>()
      for (const [key, points] of Object.entries(m ?? {})) {
        const code = categoryCode(key) ?? 'other'
        by.set(code, (by.get(code) ?? 0) + points)
      }
      return RULE_CATEGORIES.filter((c) => by.has(c))
        .map((category) => ({
          category,
          categoryLabel: say(`points.category.${category}`, ctx.lang),
          points: by.get(category)!,
        }))
        .sort((a, b) => b.points - a.points)
    }
    const given = list(s?.givenByCategory)
    const deducted = list(s?.deductedByCategory)
    return {
      villageId,
      villageName: await villageName(ctx.rt, villageId),
      month,
      given,
      deducted,
      givenTotal: given.reduce((t, x) => t + x.points, 0),
      deductedTotal: deducted.reduce((t, x) => t + x.points, 0),
      activeHouseholds: s?.activeHouseholds ?? 0,
      households,
      redemptions: s?.redemptions ?? 0,
      redeemedPoints: s?.redeemedPoints ?? 0,
      fulfilled: s?.fulfilled ?? 0,
      cancelled: s?.cancelled ?? 0,
      expired: s?.expired ?? 0,
      pendingBatches,
      openObjections,
      stock: goods.map((g) => ({ goodsId: g._id, name: g.name, stock: g.stock, active: g.active })),
    }
  },
})
