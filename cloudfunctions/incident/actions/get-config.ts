import { incidentContract } from '@shared/incident/incident.contract'
import { categoryLabel, severityLabel } from '@shared/incident/incident.labels'
import { SEVERITIES } from '@shared/incident/incident.schema'
import { defineAction } from '../../_core/wrap'
import { categoriesFor } from '../incident.repo'

/** What the report form offers: the county's categories, the severities and the caller's own grid. */
export const getConfig = defineAction(incidentContract.actions.getConfig, {
  run: async ({ input: { gridId }, ctx }) => {
    const grid = gridId ?? ctx.caller.user.residenceUnitId
    const unit = grid ? await ctx.rt.units.get(grid) : null
    // the county is the second element of a grid's path; the default list serves callers with no grid yet
    const countyId = unit?.path[1] ?? null
    const categories = await categoriesFor(ctx.rt, countyId ?? '-')
    return {
      categories: categories.map((c) => ({ key: c.key, label: categoryLabel(c.key, c.label, ctx.lang) })),
      severities: SEVERITIES.map((key) => ({ key, label: severityLabel(key, ctx.lang) })),
      defaultGrid: unit && unit.level === 'grid' ? await ctx.rt.units.ref(unit._id) : null,
    }
  },
})
