import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)

/**
 * Beijing time without Intl: China has had a fixed UTC+8 offset with no daylight saving since 1991,
 * so a fixed offset is exact and works in every mini-program JS engine (many lack Intl time zones).
 * All timestamps in the system are epoch milliseconds; a "day", "month" or "shift" is always Beijing's.
 */
export const BEIJING_OFFSET_MINUTES = 480
const OFFSET_MS = BEIJING_OFFSET_MINUTES * 60_000

/**
 * A dayjs in UTC mode whose fields are the Beijing wall clock of ts (for formatting, in Chinese). Not
 * `dayjs(ts).utcOffset(480)`: that goes through the server's own zone and is an hour off next to a daylight
 * saving change there (1999-10-30T18:00Z gave 01:00 instead of 02:00 under America/New_York).
 */
export function bj(ts: number): Dayjs {
  return dayjs.utc(ts + OFFSET_MS).locale('zh-cn')
}

/**
 * The Beijing wall clock of ts as a UTC Date (read it with getUTC…). The helpers below use it rather than a
 * dayjs object: they run several times in every write (days, months, codes, messages) and this is ~50× cheaper.
 */
function wall(ts: number): Date {
  return new Date(ts + OFFSET_MS)
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** `YYYY-MM-DD` of the Beijing day containing ts. */
export function bjDay(ts: number): string {
  const d = wall(ts)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** `YYYY-MM` of the Beijing month containing ts. */
export function bjMonth(ts: number): string {
  const d = wall(ts)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`
}

/** `YYYY-Qn` of the Beijing quarter containing ts. */
export function bjQuarter(ts: number): string {
  const d = wall(ts)
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}

/** Beijing time in a dayjs pattern; the default `YYYY-MM-DD HH:mm` without dayjs. */
export function formatBj(ts: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (pattern !== 'YYYY-MM-DD HH:mm') return bj(ts).format(pattern)
  const d = wall(ts)
  return `${bjDay(ts)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
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
  const d = wall(ts)
  return d.getUTCHours() * 60 + d.getUTCMinutes()
}

/** ISO weekday in Beijing: 1 = Monday … 7 = Sunday. */
export function bjIsoWeekday(ts: number): number {
  const w = wall(ts).getUTCDay()
  return w === 0 ? 7 : w
}
