import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { DEFAULT_CATEGORY_KEYS, type Category, type IncidentConfig } from '@shared/incident/incident.schema'
import { C } from '../../_core/collections'
import { defineAction, type WriteContext } from '../../_core/wrap'
import { forgetCountyConfig } from '../incident.county-config'
import { loadCounty } from '../incident.repo'
import { categoriesView } from '../incident.views'
import { audit } from '../../_core/audit'

/** Letters only (category keys are `[a-z_]`): a new category's key, never reused. */
function newKey(ctx: WriteContext): string {
  return `c_${ctx
    .newId('k')
    .slice(2)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`
}

/**
 * Renames, reorders, adds and removes categories. Existing keys stay (a key is what incidents and
 * deadline rules refer to); an incident already filed keeps the category name it was filed under.
 */
export const saveCategories = defineAction(incidentContract.actions.saveCategories, {
  load: async ({ countyId }, ctx) => ({ unitId: (await loadCounty(ctx.rt, countyId))._id }),
  // every resident of the county reads them on the report form
  texts: ({ categories }) => categories.map((c) => c.label),
  run: async ({ input: { countyId, categories: wanted }, tx, ctx }) => {
    const prior = await tx.get(C.incident_configs, countyId)
    const known = new Set<string>([...(prior?.categories ?? []).map((c) => c.key), ...DEFAULT_CATEGORY_KEYS])
    const next: Category[] = wanted.map((c) => {
      if (c.key && !known.has(c.key)) throw IncidentErrors.UNKNOWN_CATEGORY_KEY()
      return { key: c.key ?? newKey(ctx), label: c.label }
    })
    const doc: IncidentConfig = {
      _id: countyId,
      categories: next,
      version: (prior?.version ?? 0) + 1,
      updatedAt: ctx.now,
      updatedBy: ctx.caller.user._id,
      updatedByName: ctx.caller.user.name,
    }
    await tx.set(C.incident_configs, doc)
    await audit(tx, ctx, {
      what: 'incident.categories',
      unitId: countyId,
      subjectId: countyId,
      before: prior?.categories ?? null,
      after: next,
    })
    // the saved list is the result (a replay shows what this request saved, not a later save)
    return doc
  },
  present: async ({ result, ctx }) => {
    forgetCountyConfig(ctx.rt, result._id) // this instance's next report reads the new list (others' within a minute)
    return categoriesView((await ctx.rt.units.ref(result._id))!, result)
  },
})
