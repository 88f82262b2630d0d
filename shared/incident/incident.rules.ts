import { bjMonthRange } from '../time/beijing'
import type {
  CategoryKey,
  CounterField,
  DeadlineSetting,
  Figures,
  HandlerLevel,
  IncidentCounter,
  NearbyStep,
  Severity,
} from './incident.schema'
import { COUNTER_FIELDS } from './incident.keys'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Deadlines ("明确受理、处置的时限"): accept within N hours, resolve within N days, by severity; some
 * categories are tightened. The first handler follows severity: "小事一格解决、中事多元参与、大事全网联动".
 */
export interface DeadlineRule {
  acceptHours: number
  resolveDays: number
  firstLevel: HandlerLevel
}

export const SEVERITY_RULES: Record<Severity, DeadlineRule> = {
  normal: { acceptHours: 24, resolveDays: 7, firstLevel: 'grid' },
  major: { acceptHours: 8, resolveDays: 3, firstLevel: 'village' },
  serious: { acceptHours: 2, resolveDays: 1, firstLevel: 'township' },
}

/** Categories that need a faster answer than their severity alone gives. */
export const CATEGORY_TIGHTENING: Partial<Record<CategoryKey, Partial<DeadlineRule>>> = {
  hazard: { acceptHours: 4 },
  public_order: { acceptHours: 4 },
  dispute: { resolveDays: 5 },
}

/** A reporter who does not answer within this many days: closed, unrated (never "satisfied"). */
export const CONFIRM_DAYS = 7
/** The dispatch centre must close (销号) within this many days of a department's report. */
export const CLOSE_AFTER_FEEDBACK_DAYS = 2
/**
 * "我也遇到": open reports of the same category and at most this many days old are offered when they lie in the
 * probe's cell or one of its eight neighbours (every point within NEARBY_RADIUS_M of the probe is in one of them).
 */
export const NEARBY_RADIUS_M = 100
export const NEARBY_DAYS = 7

export function deadlineRule(category: CategoryKey, severity: Severity): DeadlineRule {
  const base = SEVERITY_RULES[severity]
  const t = CATEGORY_TIGHTENING[category] ?? {}
  return {
    acceptHours: Math.min(base.acceptHours, t.acceptHours ?? Infinity),
    resolveDays: Math.min(base.resolveDays, t.resolveDays ?? Infinity),
    firstLevel: base.firstLevel,
  }
}

/**
 * The rule a county set for one category × severity (its cell of the settings), else the rule in code. The first
 * handler still follows severity alone.
 */
export function countyDeadlineRule(
  settings: readonly DeadlineSetting[] | null | undefined,
  category: CategoryKey,
  severity: Severity,
): DeadlineRule {
  const base = deadlineRule(category, severity)
  const cell = settings?.find((d) => d.category === category && d.severity === severity)
  return cell ? { ...base, acceptHours: cell.acceptHours, resolveDays: cell.resolveDays } : base
}

/** 进度预警: a stage is warned of when this share of its time has passed. */
export const WARN_SHARE = 0.75

/** When a stage entered at `from` with deadline `due` is warned of; null without a deadline still ahead. */
export function warnTime(from: number, due: number | null): number | null {
  if (due === null || due <= from) return null
  return from + Math.floor((due - from) * WARN_SHARE)
}

/**
 * 一哨一考核 score of a department, 0–100: half its on-time rate, half its average rating out of 5 (either alone
 * when the other is unknown; null when neither is).
 */
export function appraisalScore(onTimeRate: number | null, avgScore: number | null): number | null {
  const parts = [onTimeRate, avgScore === null ? null : avgScore / 5].filter((x): x is number => x !== null)
  if (!parts.length) return null
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 10
}

export function acceptDue(rule: DeadlineRule, from: number): number {
  return from + rule.acceptHours * HOUR
}
export function resolveDue(rule: DeadlineRule, from: number): number {
  return from + rule.resolveDays * DAY
}
export function daysFrom(from: number, days: number): number {
  return from + days * DAY
}

// ---- geohash: a coarse cell for the indexed nearby query ----

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz'
export const CELL_PRECISION = 7

export function geohash(lat: number, lng: number, precision = CELL_PRECISION): string {
  let latLo = -90,
    latHi = 90,
    lngLo = -180,
    lngHi = 180
  let out = ''
  let bit = 0,
    ch = 0,
    even = true
  while (out.length < precision) {
    if (even) {
      const mid = (lngLo + lngHi) / 2
      if (lng >= mid) {
        ch = (ch << 1) | 1
        lngLo = mid
      } else {
        ch <<= 1
        lngHi = mid
      }
    } else {
      const mid = (latLo + latHi) / 2
      if (lat >= mid) {
        ch = (ch << 1) | 1
        latLo = mid
      } else {
        ch <<= 1
        latHi = mid
      }
    }
    even = !even
    if (++bit === 5) {
      out += BASE32[ch]
      bit = 0
      ch = 0
    }
  }
  return out
}

/** Size in degrees of a cell at `precision` (lat, lng). */
export function cellSize(precision = CELL_PRECISION): { dLat: number; dLng: number } {
  const bits = precision * 5
  const lngBits = Math.ceil(bits / 2)
  const latBits = Math.floor(bits / 2)
  return { dLat: 180 / 2 ** latBits, dLng: 360 / 2 ** lngBits }
}

/**
 * The cell of a point and its eight neighbours: every point within NEARBY_RADIUS_M lies in one of them
 * (a precision-7 cell is ~150 m × ~150 m at these latitudes, larger than the radius).
 */
export function cellsAround(lat: number, lng: number, precision = CELL_PRECISION): string[] {
  const { dLat, dLng } = cellSize(precision)
  const out = new Set<string>()
  for (const a of [-1, 0, 1])
    for (const b of [-1, 0, 1]) {
      const la = Math.max(-89.999999, Math.min(89.999999, lat + a * dLat))
      let ln = lng + b * dLng
      if (ln >= 180) ln -= 360
      if (ln < -180) ln += 360
      out.add(geohash(la, ln, precision))
    }
  return [...out]
}

/** The bounds of a geohash cell, in degrees. */
export function cellBounds(hash: string): { latLo: number; latHi: number; lngLo: number; lngHi: number } {
  let latLo = -90,
    latHi = 90,
    lngLo = -180,
    lngHi = 180
  let even = true
  for (const c of hash) {
    const v = BASE32.indexOf(c)
    if (v < 0) throw new Error(`bad geohash ${hash}`)
    for (let bit = 4; bit >= 0; bit--) {
      const on = (v >> bit) & 1
      if (even) {
        const mid = (lngLo + lngHi) / 2
        if (on) lngLo = mid
        else lngHi = mid
      } else {
        const mid = (latLo + latHi) / 2
        if (on) latLo = mid
        else latHi = mid
      }
      even = !even
    }
  }
  return { latLo, latHi, lngLo, lngHi }
}

/** The centre of a geohash cell. */
export function cellCentre(hash: string): { lat: number; lng: number } {
  const b = cellBounds(hash)
  return { lat: (b.latLo + b.latHi) / 2, lng: (b.lngLo + b.lngHi) / 2 }
}

/**
 * How near an open case is, in the only steps "我也遇到" tells: in the same precision-7 cell as the probe
 * (both points in one ~150 m × ~130 m cell: within about 200 m), or in one of its eight neighbours (within
 * about 400 m). It is a function of the two cells alone, never of the exact points (see listNearbyOpen).
 */
export function nearbyStep(probeCell: string, caseCell: string): NearbyStep | null {
  if (probeCell === caseCell) return 'same_cell'
  const centre = cellCentre(probeCell)
  return cellsAround(centre.lat, centre.lng, probeCell.length).includes(caseCell) ? 'next_cell' : null
}

/** Great-circle distance in metres (GCJ-02 offsets are locally uniform, so distances hold). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

// ---- periods and figures ----

/** The months of a period `YYYY-MM` or `YYYY-Qn`. */
export function monthsOf(period: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) {
    const start = (Number(q[2]) - 1) * 3 + 1
    return [0, 1, 2].map((i) => `${q[1]}-${String(start + i).padStart(2, '0')}`)
  }
  if (/^\d{4}-\d{2}$/.test(period)) return [period]
  throw new Error(`bad period ${period}`)
}

/** Beijing days of the period up to `now` (for the safe-report rate). */
export function elapsedDays(period: string, now: number): number {
  let days = 0
  for (const m of monthsOf(period)) {
    const [start, end] = bjMonthRange(m)
    const until = Math.min(end, now)
    if (until > start) days += Math.ceil((until - start) / DAY)
  }
  return days
}

export function emptyCounters(): Record<CounterField, number> {
  return Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Record<CounterField, number>
}

export function sumCounters(docs: ReadonlyArray<Partial<IncidentCounter> | null>): Record<CounterField, number> {
  const out = emptyCounters()
  for (const d of docs) if (d) for (const f of COUNTER_FIELDS) out[f] += Number(d[f] ?? 0)
  return out
}

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null)

/** Figures from counters. `gridDays` = grids × elapsed days (null when the unit has no grids). */
export function figuresOf(c: Record<CounterField, number>, gridDays: number | null): Figures {
  return {
    found: c.found,
    closed: c.closed,
    resolvedSatisfied: c.resolvedSatisfied,
    rejected: c.rejected,
    reopened: c.reopened,
    closedUnrated: c.closedUnrated,
    overdue: c.overdue,
    resolutionRate: ratio(c.closed, c.found - c.rejected),
    onTimeRate: ratio(c.closedOnTime, c.closed),
    avgHoursToClose: c.closed > 0 ? Math.round((c.closeHoursSum / c.closed) * 10) / 10 : null,
    satisfactionRate: ratio(c.satisfied + c.basic, c.rated),
    rated: c.rated,
    safeReportRate: gridDays ? ratio(Math.min(c.safeDays, gridDays), gridDays) : null,
    dispatched: c.dispatched,
    reportedBackOnTimeRate: ratio(c.reportedBackOnTime, c.reportedBack),
    deptAvgScore: c.deptRatingCount > 0 ? Math.round((c.deptRatingSum / c.deptRatingCount) * 10) / 10 : null,
    countyEscalated: c.countyEscalated,
    countyDispatched: c.countyDispatched,
    countyClosed: c.countyClosed,
  }
}

/** 季度通报排名: by 排查量, then 化解率, then on-time rate (missing rates rank last). */
export function rankCompare(a: Figures, b: Figures): number {
  if (b.found !== a.found) return b.found - a.found
  const r = (b.resolutionRate ?? -1) - (a.resolutionRate ?? -1)
  if (r !== 0) return r
  return (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1)
}

/** 编号 as people read it: SJ + Beijing date + 4 characters of the id. */
export function incidentCode(day: string, id: string): string {
  return `SJ${day.replace(/-/g, '')}-${id.slice(-4).toUpperCase()}`
}
