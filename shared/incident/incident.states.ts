import type { Permission } from '../auth/permissions'
import type { HandlerLevel, IncidentAction, IncidentStatus, TransitionAction } from './incident.schema'

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
}

/** What a timeline entry records: a transition, the report, or a record that leaves the status alone. */
export type TimelineAction = IncidentAction | 'join' | 'mediate' | 'rate_dept' | 'overdue'

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
}

/** 'next': one level up (grid → village → township); 'resolver': back to whoever resolved it. */
type LevelChange = HandlerLevel | 'same' | 'next' | 'resolver'

interface Rule {
  from: readonly IncidentStatus[]
  at: readonly HandlerLevel[]
  to: IncidentStatus
  level: LevelChange
}

const WORKING: readonly IncidentStatus[] = ['submitted', 'accepted', 'escalated', 'reopened']
const LOCAL: readonly HandlerLevel[] = ['grid', 'village']

/**
 * The transition table. "小事不出村、大事不出镇": grid and village accept, resolve or escalate; the
 * township dispatch centre dispatches to a department with a deadline and closes on its report (依责销号).
 */
export const TRANSITIONS: Record<TransitionAction, readonly Rule[]> = {
  accept: [{ from: ['submitted', 'escalated', 'reopened'], at: LOCAL, to: 'accepted', level: 'same' }],
  resolve: [{ from: WORKING, at: LOCAL, to: 'resolved', level: 'same' }],
  escalate: [{ from: WORKING, at: LOCAL, to: 'escalated', level: 'next' }],
  reject: [{ from: WORKING, at: ['grid', 'village', 'township'], to: 'rejected', level: 'same' }],
  dispatch: [
    {
      from: ['submitted', 'escalated', 'reopened', 'reported_back'],
      at: ['township'],
      to: 'dispatched',
      level: 'department',
    },
  ],
  feedback: [{ from: ['dispatched'], at: ['department'], to: 'reported_back', level: 'township' }],
  close: [
    { from: ['submitted', 'escalated', 'reopened', 'reported_back'], at: ['township'], to: 'resolved', level: 'same' },
  ],
  rate_ok: [{ from: ['resolved'], at: ['grid', 'village', 'township'], to: 'confirmed', level: 'same' }],
  rate_unsatisfied: [{ from: ['resolved'], at: ['grid', 'village', 'township'], to: 'reopened', level: 'resolver' }],
  auto_confirm: [{ from: ['resolved'], at: ['grid', 'village', 'township'], to: 'confirmed', level: 'same' }],
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
      return level === 'township' ? 'incident_dispatch' : 'incident_accept'
    case 'dispatched':
      return 'incident_feedback'
    case 'reported_back':
      return 'incident_close'
    default:
      return null
  }
}
