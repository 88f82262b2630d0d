/** Statuses, declared once with their label and whether they are still open. */
export const PATROL_STATUSES = {
  active: { label: '巡逻中', open: true },
  finished: { label: '已完成', open: false },
} as const
export type PatrolStatus = keyof typeof PATROL_STATUSES
export const PATROL_STATUS_NAMES = Object.keys(PATROL_STATUSES) as [PatrolStatus, ...PatrolStatus[]]

/**
 * A check-in passed every check (ok) or failed a soft one (flagged, waiting for review); a reviewer
 * then accepts or rejects it. Only ok and accepted check-ins count as coverage.
 */
export const CHECKIN_STATUSES = {
  ok: { label: '正常', open: false, counts: true },
  flagged: { label: '待审核', open: true, counts: false },
  accepted: { label: '审核通过', open: false, counts: true },
  rejected: { label: '审核不通过', open: false, counts: false },
} as const
export type CheckinStatus = keyof typeof CHECKIN_STATUSES
export const CHECKIN_STATUS_NAMES = Object.keys(CHECKIN_STATUSES) as [CheckinStatus, ...CheckinStatus[]]

export const REVIEW_DECISIONS = { accept: '通过', reject: '不通过' } as const
export type ReviewDecision = keyof typeof REVIEW_DECISIONS

/** Transitions a review may make: only a flagged check-in is reviewed, and only once. */
export function reviewTarget(status: CheckinStatus, decision: ReviewDecision): CheckinStatus | null {
  if (status !== 'flagged') return null
  return decision === 'accept' ? 'accepted' : 'rejected'
}
