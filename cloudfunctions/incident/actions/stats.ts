import { incidentContract } from '../../../shared/incident/incident.contract'
import type { Figures, IncidentStat } from '../../../shared/incident/incident.schema'
import { elapsedDays, figuresOf, monthsOf, rankCompare, sumCounters } from '../../../shared/incident/incident.rules'
import { stableId } from '../../_core/ids'
import type { Runtime } from '../../_core/runtime'
import { defineAction } from '../../_core/wrap'
import { STATS, gridsUnder } from '../store'

async function figuresFor(rt: Runtime, unitId: string, months: string[], period: string, now: number): Promise<Figures> {
  const docs = await Promise.all(months.map((m) => rt.db.get<IncidentStat>(STATS, stableId('ist', unitId, m))))
  const grids = (await gridsUnder(rt, unitId)).length
  return figuresOf(sumCounters(docs), grids ? grids * elapsedDays(period, now) : null)
}

/** Figures of a unit and of each unit right below it, ranked (季度通报排名), from the monthly counters. */
export const stats = defineAction(incidentContract.actions.stats, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId, period }, ctx) => {
    const months = monthsOf(period)
    const figures = await figuresFor(ctx.rt, unitId, months, period, ctx.now)
    const children = await ctx.rt.units.children(unitId)
    const rows = await Promise.all(children.map(async (c) => ({
      unit: (await ctx.rt.units.ref(c._id))!, figures: await figuresFor(ctx.rt, c._id, months, period, ctx.now), dept: c.level === 'department',
    })))
    // departments are ranked after the territorial units, by their own response (一哨一考核)
    const territorial = rows.filter((r) => !r.dept).sort((a, b) => rankCompare(a.figures, b.figures))
    const depts = rows.filter((r) => r.dept).sort((a, b) => (b.figures.deptAvgScore ?? -1) - (a.figures.deptAvgScore ?? -1) || b.figures.dispatched - a.figures.dispatched)
    return {
      unit: (await ctx.rt.units.ref(unitId))!, period, figures,
      children: [...territorial, ...depts].map((r, i) => ({ rank: i + 1, unit: r.unit, figures: r.figures })),
    }
  },
})
