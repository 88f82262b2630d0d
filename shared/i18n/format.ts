import { bjDayStart } from '../time/beijing'
import { COMMON } from './common.messages'
import { textOf, type Lang } from './i18n'

/**
 * Dates, times and numbers per language, in Beijing time, without Intl (many mini-program engines lack it).
 * Chinese: 2026年3月2日 10:05, 3月2日, 2026年3月, 1,234. Tibetan, in the order its readers use and with Arabic
 * digits as Tibetan phones and forms in the region do: སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 10:05, ཟླ་3 ཚེས་2, སྤྱི་ལོ་2026 ཟླ་3, 1,234.
 */
const OFFSET_MS = 8 * 3_600_000
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

function parts(ts: number): { y: number; m: number; d: number; hh: string; mm: string } {
  const w = new Date(ts + OFFSET_MS)
  return {
    y: w.getUTCFullYear(),
    m: w.getUTCMonth() + 1,
    d: w.getUTCDate(),
    hh: pad2(w.getUTCHours()),
    mm: pad2(w.getUTCMinutes()),
  }
}

/** 2026年3月2日 / སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 */
export function formatDate(ts: number, lang: Lang): string {
  const { y, m, d } = parts(ts)
  return textOf(COMMON['fmt.date'], lang, { y, m, d })
}

/** 3月2日 / ཟླ་3 ཚེས་2 (within the current year) */
export function formatShortDate(ts: number, lang: Lang): string {
  const { m, d } = parts(ts)
  return textOf(COMMON['fmt.short_date'], lang, { m, d })
}

/** 2026年3月2日 10:05 / སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 10:05 */
export function formatDateTime(ts: number, lang: Lang): string {
  const { hh, mm } = parts(ts)
  return `${formatDate(ts, lang)} ${hh}:${mm}`
}

/** 10:05 */
export function formatTime(ts: number): string {
  const { hh, mm } = parts(ts)
  return `${hh}:${mm}`
}

/** A Beijing day `YYYY-MM-DD` as a date. */
export function formatDay(day: string, lang: Lang): string {
  return formatDate(bjDayStart(day), lang)
}

/** A Beijing month `YYYY-MM`: 2026年3月 / སྤྱི་ལོ་2026 ཟླ་3 */
export function formatMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return textOf(COMMON['fmt.month'], lang, { y, m })
}

/** 1234567.5 → 1,234,567.5 (both languages group by thousands with Arabic digits). */
export function formatNumber(n: number, _lang: Lang, maxFraction = 1): string {
  const sign = n < 0 ? '-' : ''
  const factor = 10 ** maxFraction
  const rounded = Math.round(Math.abs(n) * factor) / factor
  const [int, frac] = String(rounded).split('.') as [string, string | undefined]
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`
}

/** 0.996 → 99.6% */
export function formatPercent(ratio: number, lang: Lang): string {
  return `${formatNumber(ratio * 100, lang, 1)}%`
}
