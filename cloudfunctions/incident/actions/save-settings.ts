import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import type { IncidentSettings } from '@shared/incident/incident.schema'
import { audit } from '../../_core/audit'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { forgetCountyConfig } from '../incident.county-config'
import { categoriesFor, loadCounty } from '../incident.repo'
import { settingsView } from '../incident.settings'

/**
 * Saves a county's settings as a new version (who, when). Cases already filed keep the deadlines they were filed
 * under; new reports and new dispatches follow these. A category the county does not have is refused.
 */
export const saveSettings = defineAction(incidentContract.actions.saveSettings, {
  load: async ({ countyId }, ctx) => {
    const county = await loadCounty(ctx.rt, countyId)
    return { unitId: county._id, keys: (await categoriesFor(ctx.rt, countyId)).map((c) => c.key) }
  },
  run: async ({ input, loaded, tx, ctx }) => {
    const known = new Set(loaded.keys)
    const cells = new Set<string>()
    for (const d of input.deadlines) {
      if (!known.has(d.category)) throw IncidentErrors.UNKNOWN_CATEGORY()
      cells.add(`${d.category}:${d.severity}`)
    }
    if (cells.size !== input.deadlines.length) throw IncidentErrors.UNKNOWN_CATEGORY_KEY()
    for (const r of input.rewards) if (!known.has(r.category)) throw IncidentErrors.UNKNOWN_CATEGORY()
    const prior = await tx.get(C.incident_settings, input.countyId)
    const doc: IncidentSettings = {
      _id: input.countyId,
      deadlines: input.deadlines,
      appraisalWeight: input.appraisalWeight,
      rewards: input.rewards.filter((r) => r.points > 0),
      version: (prior?.version ?? 0) + 1,
      updatedAt: ctx.now,
      updatedBy: ctx.caller.user._id,
      updatedByName: ctx.caller.user.name,
    }
    await tx.set(C.incident_settings, doc)
    await audit(tx, ctx, {
      what: 'incident.settings',
      unitId: input.countyId,
      subjectId: input.countyId,
      before: prior
        ? { deadlines: prior.deadlines, appraisalWeight: prior.appraisalWeight, rewards: prior.rewards }
        : null,
      after: { deadlines: doc.deadlines, appraisalWeight: doc.appraisalWeight, rewards: doc.rewards },
    })
    return doc
  },
  present: async ({ result, ctx }) => {
    forgetCountyConfig(ctx.rt, result._id) // this instance's next report follows them (others' within a minute)
    return settingsView(
      (await ctx.rt.units.ref(result._id))!,
      await categoriesFor(ctx.rt, result._id),
      result,
      ctx.lang,
    )
  },
})
