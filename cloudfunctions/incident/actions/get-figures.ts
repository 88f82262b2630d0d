import { incidentContract } from '@shared/incident/incident.contract'
import type { Figures } from '@shared/incident/incident.schema'
import { elapsedDays, figuresOf, monthsOf, rankCompare, sumCounters } from '@shared/incident/incident.rules'
import { defineAction } from '../../_core/wrap'
import { countersOf, gridCountsBelow, summedFromBelow } from '../incident.repo'

/**
 * Figures of a unit and of each unit right below it, ranked (季度通报排名), from the monthly counters: one query
 * for the counters of all of them (a prefecture's own are its counties'), one walk of the subtree for their grid counts (grid-days for 报平安).
 */
export const getFigures = defineAction(incidentContract.actions.getFigures, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, period }, ctx }) => {
    const months = monthsOf(period)
    const unit = await ctx.rt.units.get(unitId)
    const children = await ctx.rt.units.children(unitId)
    const [counters, gridsBelow] = await Promise.all([
      countersOf(
        ctx.rt,
        [unitId, ...children.map((c) => c._id)],
        months,
        // a prefecture's own figures are its counties' summed (it keeps no counters: issue #21)
        summedFromBelow(unit)
          ? new Map([[unitId, children.filter((c) => c.level !== 'department').map((c) => c._id)]])
          : undefined,
      ),
      unit ? gridCountsBelow(ctx.rt, unit) : Promise.resolve(new Map<string, number>()),
    ])
    const days = elapsedDays(period, ctx.now)
    const figuresFor = (id: string, grids: number): Figures =>
      figuresOf(sumCounters(counters.get(id) ?? []), grids ? grids * days : null)
    const ownGrids = unit?.level === 'grid' ? 1 : [...gridsBelow.values()].reduce((a, b) => a + b, 0)
    const figures = figuresFor(unitId, ownGrids)
    const rows = await Promise.all(
      children.map(async (c) => ({
        unit: (await ctx.rt.units.ref(c._id))!,
        figures: figuresFor(c._id, c.level === 'grid' ? 1 : (gridsBelow.get(c._id) ?? 0)),
        dept: c.level === 'department',
      })),
    )
    // departments are ranked after the territorial units, by their own response (一哨一考核)
    const territorial = rows.filter((r) => !r.dept).sort((a, b) => rankCompare(a.figures, b.figures))
    const depts = rows
      .filter((r) => r.dept)
      .sort(
        (a, b) =>
          (b.figures.deptAvgScore ?? -1) - (a.figures.deptAvgScore ?? -1) ||
          b.figures.dispatched - a.figures.dispatched,
      )
    return {
      unit: (await ctx.rt.units.ref(unitId))!,
      period,
      figures,
      children: [...territorial, ...depts].map((r, i) => ({ rank: i + 1, unit: r.unit, figures: r.figures })),
    }
  },
})
