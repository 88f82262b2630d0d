import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { categoriesFor, loadCounty } from '../incident.repo'
import { settingsView } from '../incident.settings'

/** A county's deadlines, appraisal weight and rewards, every cell filled in (the rules in code where unset). */
export const getSettings = defineAction(incidentContract.actions.getSettings, {
  load: async ({ countyId }, ctx) => ({ unitId: (await loadCounty(ctx.rt, countyId))._id }),
  run: async ({ input: { countyId }, ctx }) =>
    settingsView(
      (await ctx.rt.units.ref(countyId))!,
      await categoriesFor(ctx.rt, countyId),
      await ctx.db.get(C.incident_settings, countyId),
      ctx.lang,
    ),
})
