import type { Category, IncidentSettings } from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { categoriesFor } from './incident.repo'

/**
 * A county's categories and its settings (deadlines, rewards) as a report needs them, kept by a warm instance for
 * `COUNTY_CONFIG_TTL_MS` (issue #21: two reads less per report). They change rarely, by a county admin, and a
 * report filed in the minute after a change may follow the settings before it (another instance's copy); the
 * instance that saved them forgets its copy at once (`forgetCountyConfig`). Nothing that authorises anyone is
 * kept here: grants are always read with the caller.
 */
export const COUNTY_CONFIG_TTL_MS = 60_000

export interface CountyConfig {
  categories: Category[]
  settings: IncidentSettings | null
}

interface Kept {
  at: number
  value: Promise<CountyConfig>
}

/** One copy per data port (a runtime's; tests make a runtime each), by county. */
const kept = new WeakMap<DataPort, Map<string, Kept>>()

function keptOf(rt: Runtime): Map<string, Kept> {
  let m = kept.get(rt.db)
  if (!m) kept.set(rt.db, (m = new Map()))
  return m
}

/** The county's categories and settings, read together (one round trip) unless kept for less than a minute. */
export function countyConfig(rt: Runtime, countyId: string): Promise<CountyConfig> {
  const m = keptOf(rt)
  const now = rt.clock.now()
  const hit = m.get(countyId)
  if (hit && now - hit.at < COUNTY_CONFIG_TTL_MS && now >= hit.at) return hit.value
  const value = Promise.all([categoriesFor(rt, countyId), rt.db.get(C.incident_settings, countyId)]).then(
    ([categories, settings]) => ({ categories, settings }),
  )
  const entry = { at: now, value }
  m.set(countyId, entry)
  // a failed read is not kept
  value.catch(() => {
    if (m.get(countyId) === entry) m.delete(countyId)
  })
  return value
}

/** After this instance saved a county's categories or settings: its next report reads them afresh. */
export function forgetCountyConfig(rt: Runtime, countyId: string): void {
  kept.get(rt.db)?.delete(countyId)
}
