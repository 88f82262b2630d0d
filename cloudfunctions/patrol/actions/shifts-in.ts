import { windowsBetween, type ShiftWindow } from '@shared/patrol/patrol.rules'
import type { PatrolShift } from '@shared/patrol/patrol.schema'

/** Windows the shift was scheduled for in [from, to): only while it existed and was active. */
export function plannedWindows(shift: PatrolShift, from: number, to: number): ShiftWindow[] {
  const start = Math.max(from, shift.createdAt)
  const end = Math.min(to, shift.retiredAt ?? to)
  return windowsBetween(shift, start, end)
}
