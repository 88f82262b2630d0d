import type { GeoPoint } from '../common.schema'

/**
 * Pure rules of the volunteer domain. Hours are kept as whole minutes everywhere (sums stay exact);
 * hours are only a display unit.
 */

/**
 * When the server takes a check-in and a check-out (issue #16: a code or a position counts only around the task's
 * time): check-in from half an hour before the start until the end; check-out from the start until two hours after
 * the end (and after one's own check-in). Before the task begins nobody checks out.
 */
export const CHECKIN_EARLY_MS = 30 * 60_000
export const CHECKOUT_LATE_MS = 2 * 60 * 60_000
/** The organiser's check-in code changes every minute; the code of the minute before still counts. */
export const CODE_STEP_MS = 60_000
/** Reminders appear in the inbox this long before a task starts. */
export const REMINDER_LEAD_MS = 24 * 60 * 60_000
/** The longest a single task (and so a single confirmation) can count. */
export const MAX_TASK_MINUTES = 24 * 60

export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100
}

export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60)
}

/**
 * Minutes a volunteer was present inside the task window: the overlap of [checkIn, checkOut] with
 * [start, end], rounded down to whole minutes, never negative. Without both clock times it is 0.
 */
export function measuredMinutes(
  checkInAt: number | null,
  checkOutAt: number | null,
  startAt: number,
  endAt: number,
): number {
  if (checkInAt === null || checkOutAt === null) return 0
  const from = Math.max(checkInAt, startAt)
  const to = Math.min(checkOutAt, endAt)
  return to > from ? Math.floor((to - from) / 60_000) : 0
}

export interface TaskPointsRule {
  earnsPoints: boolean
  /** the most hours of one task that count for points */
  maxHours: number
}

/**
 * Hours of a confirmation that count for household points: whole half hours, capped by the task's
 * maximum; 0 when the task earns no points. The points per hour are the village rule's (points domain).
 */
export function pointsHours(minutes: number, rule: TaskPointsRule): number {
  if (!rule.earnsPoints || minutes <= 0 || rule.maxHours <= 0) return 0
  return Math.min(rule.maxHours, Math.floor(minutes / 30) / 2)
}

/** Great-circle distance in metres (GCJ-02 is locally close enough to WGS-84 for radius checks). */
export function distanceMeters(a: Pick<GeoPoint, 'lat' | 'lng'>, b: Pick<GeoPoint, 'lat' | 'lng'>): number {
  const R = 6_371_000
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface Window {
  from: number
  to: number
}

export function checkInWindow(startAt: number, endAt: number): Window {
  return { from: startAt - CHECKIN_EARLY_MS, to: endAt }
}

export function checkOutWindow(startAt: number, endAt: number): Window {
  return { from: startAt, to: endAt + CHECKOUT_LATE_MS }
}

export function inWindow(now: number, w: Window): boolean {
  return now >= w.from && now <= w.to
}

/** Attendance rate in per cent with one decimal, or null before anyone's attendance was decided. */
export function attendanceRate(attended: number, absent: number): number | null {
  const decided = attended + absent
  return decided === 0 ? null : Math.round((attended / decided) * 1000) / 10
}
