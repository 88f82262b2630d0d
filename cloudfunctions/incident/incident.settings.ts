import type { UnitRef } from '@shared/account/account.schema'
import type { Lang } from '@shared/i18n/i18n'
import { categoryLabel } from '@shared/incident/incident.labels'
import { countyDeadlineRule } from '@shared/incident/incident.rules'
import {
  DEFAULT_APPRAISAL_WEIGHT,
  SEVERITIES,
  type Category,
  type IncidentSettings,
} from '@shared/incident/incident.schema'
import type { z } from 'zod'
import type { SettingsOutputSchema } from '@shared/incident/incident.schema'

/** A county's settings as the page shows them: every category × severity and every category's reward, filled in. */
export function settingsView(
  county: UnitRef,
  categories: readonly Category[],
  doc: IncidentSettings | null,
  lang: Lang,
): z.infer<typeof SettingsOutputSchema> {
  return {
    county,
    categories: categories.map((c) => ({ key: c.key, label: categoryLabel(c.key, c.label, lang) })),
    deadlines: categories.flatMap((c) =>
      SEVERITIES.map((severity) => {
        const r = countyDeadlineRule(doc?.deadlines, c.key, severity)
        return { category: c.key, severity, acceptHours: r.acceptHours, resolveDays: r.resolveDays }
      }),
    ),
    appraisalWeight: doc?.appraisalWeight ?? DEFAULT_APPRAISAL_WEIGHT,
    rewards: categories.map((c) => ({
      category: c.key,
      points: doc?.rewards.find((r) => r.category === c.key)?.points ?? 0,
    })),
    version: doc?.version ?? 0,
    updatedAt: doc?.updatedAt ?? null,
    updatedByName: doc?.updatedByName ?? null,
  }
}
