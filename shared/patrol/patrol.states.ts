/**
 * Statuses, declared once with whether they are still open; each one's label is `patrol.status.<name>` /
 * `patrol.checkin.<name>` in patrol.messages.ts (rendered in the reader's language).
 */
export const PATROL_STATUSES = {
  active: { open: true },
  finished: { open: false },
} as const
export type PatrolStatus = keyof typeof PATROL_STATUSES
export const PATROL_STATUS_NAMES = Object.keys(PATROL_STATUSES) as [PatrolStatus, ...PatrolStatus[]]

/**
 * A check-in passed every check (ok) or failed a soft one (flagged, waiting for review); a reviewer
 * then accepts or rejects it. Only ok and accepted check-ins count as coverage.
 */
export const CHECKIN_STATUSES = {
  ok: { open: false, counts: true },
  flagged: { open: true, counts: false },
  accepted: { open: false, counts: true },
  rejected: { open: false, counts: false },
} as const
export type CheckinStatus = keyof typeof CHECKIN_STATUSES
export const CHECKIN_STATUS_NAMES = Object.keys(CHECKIN_STATUSES) as [CheckinStatus, ...CheckinStatus[]]

/** A review's decision; its label is `patrol.decision.<name>`. */
export const REVIEW_DECISIONS = ['accept', 'reject'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** Transitions a review may make: only a flagged check-in is reviewed, and only once. */
export function reviewTarget(status: CheckinStatus, decision: ReviewDecision): CheckinStatus | null {
  if (status !== 'flagged') return null
  return decision === 'accept' ? 'accepted' : 'rejected'
}
