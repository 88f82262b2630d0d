import { incidentContract } from '@shared/incident/incident.contract'
import { defineAction } from '../../_core/wrap'
import { appraisalOf } from '../incident.appraisal'
import { loadCounty } from '../incident.repo'

/** 一哨一考核季度表 of a county, checked in the county (its dispatchers and above). */
export const getAppraisal = defineAction(incidentContract.actions.getAppraisal, {
  load: async ({ countyId }, ctx) => ({ unitId: (await loadCounty(ctx.rt, countyId))._id }),
  run: async ({ input: { countyId, quarter }, ctx }) => {
    const { weight, rows } = await appraisalOf(ctx.rt, countyId, quarter)
    return { county: (await ctx.rt.units.ref(countyId))!, quarter, weight, rows }
  },
})
