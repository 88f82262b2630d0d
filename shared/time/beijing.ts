import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Beijing time without Intl: China has had a fixed UTC+8 offset with no daylight saving since 1991,
 * so a fixed offset is exact and works in every mini-program JS engine (many lack Intl time zones).
 * All timestamps in the system are epoch milliseconds; a "day", "month" or "shift" is always Beijing's.
 */
export const BEIJING_OFFSET_MINUTES = 480
const OFFSET_MS = BEIJING_OFFSET_MINUTES * 60_000

export function bj(ts: number): Dayjs {
  return dayjs(ts).utcOffset(BEIJING_OFFSET_MINUTES)
}

/** `YYYY-MM-DD` of the Beijing day containing ts. */
export function bjDay(ts: number): string {
  return bj(ts).format('YYYY-MM-DD')
}

/** `YYYY-MM` of the Beijing month containing ts. */
export function bjMonth(ts: number): string {
  return bj(ts).format('YYYY-MM')
}

/** `YYYY-Qn` of the Beijing quarter containing ts. */
export function bjQuarter(ts: number): string {
  const d = bj(ts)
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`
}

export function formatBj(ts: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return bj(ts).format(pattern)
}

/** Epoch ms of Beijing midnight that starts `day` (`YYYY-MM-DD`). */
export function bjDayStart(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) throw new Error(`bad day ${day}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - OFFSET_MS
}

/** [start, end) epoch ms of a Beijing month `YYYY-MM`. */
export function bjMonthRange(month: string): [number, number] {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) throw new Error(`bad month ${month}`)
  const y = Number(m[1])
  const mo = Number(m[2]) - 1
  return [Date.UTC(y, mo, 1) - OFFSET_MS, Date.UTC(y, mo + 1, 1) - OFFSET_MS]
}

/** Minutes since Beijing midnight, for shift windows like 08:00–10:00. */
export function bjMinuteOfDay(ts: number): number {
  const d = bj(ts)
  return d.hour() * 60 + d.minute()
}

/** ISO weekday in Beijing: 1 = Monday … 7 = Sunday. */
export function bjIsoWeekday(ts: number): number {
  const w = bj(ts).day()
  return w === 0 ? 7 : w
}
