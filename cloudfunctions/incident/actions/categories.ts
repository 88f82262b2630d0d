import type { UnitRef } from '@shared/account/account.schema'
import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import {
  DEFAULT_CATEGORIES,
  type CategoriesOutput,
  type Category,
  type IncidentConfig,
} from '@shared/incident/incident.schema'
import type { Runtime } from '../../_core/runtime'
import { legacyAction, type ActionContext } from '../../_core/wrap'

export const CONFIGS = 'incident_configs'

/** Categories are set per county (县级): the scope is the county itself. */
async function countyScope({ countyId }: { countyId: string }, ctx: ActionContext): Promise<string> {
  const unit = await ctx.rt.units.get(countyId)
  if (!unit || unit.level !== 'county') throw IncidentErrors.NOT_A_COUNTY()
  return countyId
}

async function countyRef(rt: Runtime, countyId: string): Promise<UnitRef> {
  return (await rt.units.ref(countyId))!
}

function view(county: UnitRef, cfg: IncidentConfig | null): CategoriesOutput {
  return {
    county,
    categories: cfg?.categories ?? DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    isDefault: !cfg,
    updatedAt: cfg?.updatedAt ?? null,
    updatedByName: cfg?.updatedByName ?? null,
  }
}

export const categories = legacyAction(incidentContract.actions.categories, {
  scope: countyScope,
  run: async ({ countyId }, ctx) =>
    view(await countyRef(ctx.rt, countyId), await ctx.db.get<IncidentConfig>(CONFIGS, countyId)),
})

/** Letters only (category keys are `[a-z_]`): a new category's key, never reused. */
function newKey(ctx: ActionContext): string {
  return `c_${ctx
    .newId('k')
    .slice(2)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`
}

/**
 * Renames, reorders, adds and removes categories. Existing keys stay (a key is what incidents and
 * deadline rules refer to); an incident already filed keeps the category name it was filed under.
 */
export const saveCategories = legacyAction(incidentContract.actions.saveCategories, {
  scope: countyScope,
  run: async ({ countyId, categories: wanted }, ctx) => {
    const county = await countyRef(ctx.rt, countyId)
    return ctx.transact(async (tx) => {
      const prior = await tx.get<IncidentConfig>(CONFIGS, countyId)
      const known = new Set([...(prior?.categories ?? []), ...DEFAULT_CATEGORIES].map((c) => c.key))
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
      await tx.set(CONFIGS, doc)
      return view(county, doc)
    })
  },
})
