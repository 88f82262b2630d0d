import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadCounty } from '../incident.repo'
import { categoriesView } from '../incident.views'

/** A county's categories as its settings page shows them. */
export const listCategories = defineAction(incidentContract.actions.listCategories, {
  load: async ({ countyId }, ctx) => ({ unitId: (await loadCounty(ctx.rt, countyId))._id }),
  run: async ({ input: { countyId }, ctx }) =>
    categoriesView((await ctx.rt.units.ref(countyId))!, await ctx.db.get(C.incident_configs, countyId)),
})
