/**
 * Statuses of the volunteer domain, each declared once with whether it counts as open; its label is
 * `volunteer.<kind>_status.<status>` in volunteer.messages.ts (both languages).
 * A need that is `verified` was checked by the village; `closed` (rejected/withdrawn) is not "done".
 */
export interface StatusSpec {
  open: boolean
}

export const ORG_STATUSES = {
  pending: { open: true },
  approved: { open: true },
  rejected: { open: false },
} as const satisfies Record<string, StatusSpec>
export type OrgStatus = keyof typeof ORG_STATUSES
export const ORG_STATUS_NAMES = Object.keys(ORG_STATUSES) as [OrgStatus, ...OrgStatus[]]

export const TASK_STATUSES = {
  open: { open: true },
  cancelled: { open: false },
} as const satisfies Record<string, StatusSpec>
export type TaskStatus = keyof typeof TASK_STATUSES
export const TASK_STATUS_NAMES = Object.keys(TASK_STATUSES) as [TaskStatus, ...TaskStatus[]]

/** A sign-up holds a slot (`confirmed`), waits for one (`waitlisted`) or was given up (`cancelled`). */
export const SIGNUP_STATUSES = {
  confirmed: { open: true },
  waitlisted: { open: true },
  cancelled: { open: false },
} as const satisfies Record<string, StatusSpec>
export type SignupStatus = keyof typeof SIGNUP_STATUSES
export const SIGNUP_STATUS_NAMES = Object.keys(SIGNUP_STATUSES) as [SignupStatus, ...SignupStatus[]]

/** The organiser's decision on one volunteer's attendance; `pending` until confirmed (then final). */
export const ATTENDANCE_STATUSES = {
  pending: { open: true },
  attended: { open: false },
  absent: { open: false },
} as const satisfies Record<string, StatusSpec>
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES
export const ATTENDANCE_STATUS_NAMES = Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus, ...AttendanceStatus[]]

/**
 * A need (群众点单): posted → published by the village → taken by an organisation → done → confirmed by the
 * resident → verified by the village.
 */
export const NEED_STATUSES = {
  submitted: { open: true },
  published: { open: true },
  taken: { open: true },
  done: { open: true },
  confirmed: { open: true },
  verified: { open: false },
  rejected: { open: false },
  withdrawn: { open: false },
} as const satisfies Record<string, StatusSpec>
export type NeedStatus = keyof typeof NEED_STATUSES
export const NEED_STATUS_NAMES = Object.keys(NEED_STATUSES) as [NeedStatus, ...NeedStatus[]]

/** The transitions of a need: from which statuses each is allowed, and who may make it (permission, or the poster). */
export const NEED_TRANSITIONS = {
  publish: { from: ['submitted'], by: 'need_verify' },
  reject: { from: ['submitted'], by: 'need_verify' },
  withdraw: { from: ['submitted', 'published'], by: 'poster' },
  take: { from: ['published'], by: 'need_take' },
  complete: { from: ['taken'], by: 'need_take' },
  confirm: { from: ['done'], by: 'poster' },
  verify: { from: ['confirmed'], by: 'need_verify' },
  /** verification failed: back to the organisation to finish the job */
  rework: { from: ['confirmed'], by: 'need_verify' },
} as const satisfies Record<string, { from: readonly NeedStatus[]; by: string }>
export type NeedTransition = keyof typeof NEED_TRANSITIONS

export const NEED_TRANSITION_TARGET: Record<NeedTransition, NeedStatus> = {
  publish: 'published',
  reject: 'rejected',
  withdraw: 'withdrawn',
  take: 'taken',
  complete: 'done',
  confirm: 'confirmed',
  verify: 'verified',
  rework: 'taken',
}

export function canTransition(transition: NeedTransition, status: NeedStatus): boolean {
  return (NEED_TRANSITIONS[transition].from as readonly NeedStatus[]).includes(status)
}
