import type { Permission } from '../auth/permissions'
import type {
  DeptTask,
  HandlerLevel,
  IncidentAction,
  IncidentStatus,
  RecordKind,
  TaskStatus,
  TransitionAction,
} from './incident.schema'

/**
 * The incident state machine, declared once. A status says whether the case is open (someone must act),
 * whether it counts as closed (办结), and whether it is final; its label is `incident.status.<status>` in the
 * catalogue. "Closed" is not "resolved to the reporter's satisfaction": satisfaction is the separate `rating`,
 * counted separately in every figure.
 */
export interface StatusMeta {
  open: boolean
  /** counts as 办结 (handled), whatever the reporter thinks */
  closed: boolean
  final: boolean
}

export const STATUS_META: Record<IncidentStatus, StatusMeta> = {
  submitted: { open: true, closed: false, final: false },
  accepted: { open: true, closed: false, final: false },
  escalated: { open: true, closed: false, final: false },
  dispatched: { open: true, closed: false, final: false },
  reported_back: { open: true, closed: false, final: false },
  resolved: { open: false, closed: true, final: false },
  confirmed: { open: false, closed: true, final: true },
  rejected: { open: false, closed: false, final: true },
  reopened: { open: true, closed: false, final: false },
  returned: { open: true, closed: false, final: false },
}

/** What a timeline entry records: a transition, the report, or a record that leaves the status alone. */
export type TimelineAction = IncidentAction | RecordKind

/** Who may take an action: a permission in the unit holding the incident, the reporter, or the system. */
export type Actor = Permission | 'reporter' | 'system'

export const ACTION_ACTOR: Record<IncidentAction, Actor> = {
  report: 'incident_create',
  accept: 'incident_accept',
  resolve: 'incident_resolve',
  escalate: 'incident_escalate',
  reject: 'incident_reject',
  dispatch: 'incident_dispatch',
  feedback: 'incident_feedback',
  close: 'incident_close',
  rate_ok: 'reporter',
  rate_unsatisfied: 'reporter',
  auto_confirm: 'system',
  auto_escalate: 'system',
  return: 'incident_feedback',
  to_county: 'incident_dispatch',
}

/**
 * 'next': one level up (grid → village → township); 'resolver': back to whoever resolved it; 'centre': back to
 * the dispatch centre that whistled the departments (township or county).
 */
type LevelChange = HandlerLevel | 'same' | 'next' | 'resolver' | 'centre'

interface Rule {
  from: readonly IncidentStatus[]
  at: readonly HandlerLevel[]
  to: IncidentStatus
  level: LevelChange
}

const WORKING: readonly IncidentStatus[] = ['submitted', 'accepted', 'escalated', 'reopened']
const LOCAL: readonly HandlerLevel[] = ['grid', 'village']
const CENTRE: readonly HandlerLevel[] = ['township', 'county']
/** what a dispatch centre may whistle, close or pass on: new, escalated, reopened, reported back or returned */
const AT_CENTRE: readonly IncidentStatus[] = ['submitted', 'escalated', 'reopened', 'reported_back', 'returned']
const RATED_AT: readonly HandlerLevel[] = ['grid', 'village', 'township', 'county']

/**
 * The transition table. "小事不出村、大事不出镇、大事全网联动": grid and village accept, resolve or escalate; the
 * township dispatch centre whistles departments (one or more at once, each with its part and deadline), closes on
 * their reports (依责销号), or passes what it cannot solve to the county's 综治中心, which does the same with the
 * county's departments. While departments hold a case it stays `dispatched`; it goes back to the centre when the
 * last part is done: reported back if any department reported back, returned if every one handed it back.
 * Dispatching again while departments hold it adds parts (协办).
 */
export const TRANSITIONS: Record<TransitionAction, readonly Rule[]> = {
  accept: [{ from: ['submitted', 'escalated', 'reopened'], at: LOCAL, to: 'accepted', level: 'same' }],
  resolve: [{ from: WORKING, at: LOCAL, to: 'resolved', level: 'same' }],
  escalate: [{ from: WORKING, at: LOCAL, to: 'escalated', level: 'next' }],
  to_county: [{ from: AT_CENTRE, at: ['township'], to: 'escalated', level: 'county' }],
  reject: [
    { from: WORKING, at: ['grid', 'village', 'township', 'county'], to: 'rejected', level: 'same' },
    { from: ['returned'], at: CENTRE, to: 'rejected', level: 'same' },
  ],
  dispatch: [
    { from: AT_CENTRE, at: CENTRE, to: 'dispatched', level: 'department' },
    { from: ['dispatched'], at: ['department'], to: 'dispatched', level: 'department' },
  ],
  feedback: [{ from: ['dispatched'], at: ['department'], to: 'reported_back', level: 'centre' }],
  return: [{ from: ['dispatched'], at: ['department'], to: 'returned', level: 'centre' }],
  close: [{ from: AT_CENTRE, at: CENTRE, to: 'resolved', level: 'same' }],
  rate_ok: [{ from: ['resolved'], at: RATED_AT, to: 'confirmed', level: 'same' }],
  rate_unsatisfied: [{ from: ['resolved'], at: RATED_AT, to: 'reopened', level: 'resolver' }],
  auto_confirm: [{ from: ['resolved'], at: RATED_AT, to: 'confirmed', level: 'same' }],
  auto_escalate: [{ from: WORKING, at: LOCAL, to: 'escalated', level: 'next' }],
}

export function nextLevel(level: HandlerLevel): HandlerLevel | null {
  if (level === 'grid') return 'village'
  if (level === 'village') return 'township'
  return null
}

export interface StatePoint {
  status: IncidentStatus
  level: HandlerLevel
  /** level that resolved it last (where a reopened case goes back to) */
  resolvedLevel?: HandlerLevel | null
  /** level of the centre that whistled the departments (cases dispatched before the county level: township) */
  dispatchLevel?: HandlerLevel | null
}

/** The state after `action`, or null when the action is not allowed there. */
export function nextState(
  from: StatePoint,
  action: TransitionAction,
): { status: IncidentStatus; level: HandlerLevel } | null {
  for (const rule of TRANSITIONS[action]) {
    if (!rule.from.includes(from.status) || !rule.at.includes(from.level)) continue
    let level: HandlerLevel | null
    if (rule.level === 'same') level = from.level
    else if (rule.level === 'next') level = nextLevel(from.level)
    else if (rule.level === 'resolver') level = from.resolvedLevel ?? from.level
    else if (rule.level === 'centre') level = from.dispatchLevel ?? 'township'
    else level = rule.level
    if (!level) return null
    return { status: rule.to, level }
  }
  return null
}

export function canTransition(from: StatePoint, action: TransitionAction): boolean {
  return nextState(from, action) !== null
}

/**
 * Whose turn it is: the permission the next transition needs when an incident waits in a status at a level.
 * The people holding it in the handler unit are told of new work; null means nobody waits to act
 * (accepted: the handler already has it; resolved: the reporter rates; final states).
 */
export function workPermission(status: IncidentStatus, level: HandlerLevel): Permission | null {
  switch (status) {
    case 'submitted':
    case 'escalated':
    case 'reopened':
      if (level === 'department') return 'incident_feedback'
      return level === 'township' || level === 'county' ? 'incident_dispatch' : 'incident_accept'
    case 'dispatched':
      return 'incident_feedback'
    case 'reported_back':
      return 'incident_close'
    case 'returned':
      return 'incident_dispatch'
    default:
      return null
  }
}

// ---- a department's part of a whistled case ----

/** What a department does on its part: 报到, report back, hand it back as not theirs, ask for 协办. */
export const TASK_ACTIONS = ['report_in', 'feedback', 'return', 'assist'] as const
export type TaskAction = (typeof TASK_ACTIONS)[number]

/** A part is the department's until it reports back or hands it back. */
export const TASK_OPEN: Record<TaskStatus, boolean> = {
  assigned: true,
  accepted: true,
  reported_back: false,
  returned: false,
}

const TASK_TABLE: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus | 'same' }> = {
  report_in: { from: ['assigned'], to: 'accepted' },
  feedback: { from: ['assigned', 'accepted'], to: 'reported_back' },
  return: { from: ['assigned', 'accepted'], to: 'returned' },
  assist: { from: ['assigned', 'accepted'], to: 'same' },
}

/** The status of a part after `action`, or null when the action is not allowed there. */
export function nextTaskStatus(from: TaskStatus, action: TaskAction): TaskStatus | null {
  const rule = TASK_TABLE[action]
  if (!rule.from.includes(from)) return null
  return rule.to === 'same' ? from : rule.to
}

/**
 * What the case does once its parts are as given: nothing while a department still holds one (the step is a
 * record on the timeline); back to the centre when none does: `feedback` (ready to close) if any department reported
 * back, `return` (to dispatch again) if every one handed it back. "Ready to close only when every department has
 * reported back": a part handed back is no longer that department's.
 */
export function caseStepAfterTasks(tasks: ReadonlyArray<Pick<DeptTask, 'status'>>): 'feedback' | 'return' | null {
  if (!tasks.length || tasks.some((t) => TASK_OPEN[t.status])) return null
  return tasks.some((t) => t.status === 'reported_back') ? 'feedback' : 'return'
}
