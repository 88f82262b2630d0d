import {
  HANDLER_LEVELS,
  INCIDENT_ACTIONS,
  INCIDENT_STATUSES,
  TASK_STATUSES,
  type HandlerLevel,
  type TaskStatus,
  type IncidentStatus,
  type TransitionAction,
} from './incident.schema'
import {
  ACTION_ACTOR,
  STATUS_META,
  TASK_ACTIONS,
  TRANSITIONS,
  caseStepAfterTasks,
  nextState,
  nextTaskStatus,
  workPermission,
  type TaskAction,
} from './incident.states'
import { ROLES, ROLE_NAMES, type RoleName } from '../auth/roles'

const TRANSITION_ACTIONS = INCIDENT_ACTIONS.filter((a): a is TransitionAction => a !== 'report')

/**
 * The expected table, written out by hand (status@level → action → status@level). Every cell not listed
 * here must be refused: the test walks every status × level × action.
 */
const EXPECTED: Record<string, Partial<Record<TransitionAction, string>>> = {}
const put = (from: string, action: TransitionAction, to: string) => ((EXPECTED[from] ??= {})[action] = to)
for (const s of ['submitted', 'accepted', 'escalated', 'reopened'] as const) {
  put(`${s}@grid`, 'resolve', 'resolved@grid')
  put(`${s}@grid`, 'escalate', 'escalated@village')
  put(`${s}@grid`, 'auto_escalate', 'escalated@village')
  put(`${s}@grid`, 'reject', 'rejected@grid')
  put(`${s}@village`, 'resolve', 'resolved@village')
  put(`${s}@village`, 'escalate', 'escalated@township')
  put(`${s}@village`, 'auto_escalate', 'escalated@township')
  put(`${s}@village`, 'reject', 'rejected@village')
  put(`${s}@township`, 'reject', 'rejected@township')
  put(`${s}@county`, 'reject', 'rejected@county')
  if (s !== 'accepted') {
    put(`${s}@grid`, 'accept', 'accepted@grid')
    put(`${s}@village`, 'accept', 'accepted@village')
    put(`${s}@township`, 'dispatch', 'dispatched@department')
    put(`${s}@township`, 'close', 'resolved@township')
    // 大事全网联动: a township passes what it cannot solve to the county's 综治中心, which whistles and closes too
    put(`${s}@township`, 'to_county', 'escalated@county')
    put(`${s}@county`, 'dispatch', 'dispatched@department')
    put(`${s}@county`, 'close', 'resolved@county')
  }
}
for (const c of ['township', 'county'] as const) {
  put(`reported_back@${c}`, 'dispatch', 'dispatched@department')
  put(`reported_back@${c}`, 'close', 'resolved@' + c)
  // every department handed it back: the centre dispatches again, closes it itself, or refuses it
  put(`returned@${c}`, 'dispatch', 'dispatched@department')
  put(`returned@${c}`, 'close', 'resolved@' + c)
  put(`returned@${c}`, 'reject', 'rejected@' + c)
}
put('reported_back@township', 'to_county', 'escalated@county')
put('returned@township', 'to_county', 'escalated@county')
// while departments hold it: the last one reports back or hands it back; the centre may add one (协办)
put('dispatched@department', 'feedback', 'reported_back@township')
put('dispatched@department', 'return', 'returned@township')
put('dispatched@department', 'dispatch', 'dispatched@department')
for (const l of ['grid', 'village', 'township', 'county'] as const) {
  put(`resolved@${l}`, 'rate_ok', `confirmed@${l}`)
  put(`resolved@${l}`, 'auto_confirm', `confirmed@${l}`)
  put(`resolved@${l}`, 'rate_unsatisfied', `reopened@${l}`)
}

describe('incident state table', () => {
  const cells: Array<[IncidentStatus, HandlerLevel, TransitionAction]> = []
  for (const s of INCIDENT_STATUSES)
    for (const l of HANDLER_LEVELS) for (const a of TRANSITION_ACTIONS) cells.push([s, l, a])

  it.each(cells)('%s at %s, %s', (status, level, action) => {
    const got = nextState({ status, level, resolvedLevel: level }, action)
    const want = EXPECTED[`${status}@${level}`]?.[action] ?? null
    expect(got ? `${got.status}@${got.level}` : null).toBe(want)
  })

  it('a whistled case goes back to the centre that whistled it: the township or the county', () => {
    for (const c of ['township', 'county'] as const) {
      expect(nextState({ status: 'dispatched', level: 'department', dispatchLevel: c }, 'feedback')).toEqual({
        status: 'reported_back',
        level: c,
      })
      expect(nextState({ status: 'dispatched', level: 'department', dispatchLevel: c }, 'return')).toEqual({
        status: 'returned',
        level: c,
      })
    }
  })

  it('a reopened case goes back to the level that resolved it', () => {
    expect(nextState({ status: 'resolved', level: 'township', resolvedLevel: 'grid' }, 'rate_unsatisfied')).toEqual({
      status: 'reopened',
      level: 'grid',
    })
  })

  it('final statuses allow nothing, open ones allow something, and every status is reachable from submitted', () => {
    for (const s of INCIDENT_STATUSES) {
      const any = HANDLER_LEVELS.some((l) => TRANSITION_ACTIONS.some((a) => nextState({ status: s, level: l }, a)))
      expect(any).toBe(!STATUS_META[s].final)
    }
    const seen = new Set<string>(['submitted@grid', 'submitted@village', 'submitted@township'])
    let grew = true
    while (grew) {
      grew = false
      for (const key of [...seen]) {
        const [s, l] = key.split('@') as [IncidentStatus, HandlerLevel]
        for (const a of TRANSITION_ACTIONS) {
          const n = nextState({ status: s, level: l }, a)
          if (n && !seen.has(`${n.status}@${n.level}`)) {
            seen.add(`${n.status}@${n.level}`)
            grew = true
          }
        }
      }
    }
    for (const s of INCIDENT_STATUSES) expect([...seen].some((k) => k.startsWith(`${s}@`))).toBe(true)
  })

  it('"closed" and "satisfied" are different things: no status means satisfied by itself', () => {
    expect(STATUS_META.resolved.closed).toBe(true)
    expect(STATUS_META.confirmed.closed).toBe(true)
    expect(STATUS_META.rejected.closed).toBe(false)
    for (const s of INCIDENT_STATUSES) expect(STATUS_META[s].open && STATUS_META[s].closed).toBe(false)
  })

  /** Which roles may take which hand-made action (every role × every action). */
  const ROLE_ACTIONS: Record<RoleName, TransitionAction[]> = {
    resident: [],
    grid_worker: ['accept', 'resolve', 'escalate', 'reject'],
    info_collector: [],
    patrol_volunteer: [],
    patrol_captain: [],
    village_official: ['accept', 'resolve', 'escalate', 'reject'],
    store_keeper: [],
    org_admin: [],
    dispatcher: ['reject', 'dispatch', 'close', 'to_county'],
    dept_handler: ['feedback', 'return'],
    system_admin: ['accept', 'resolve', 'escalate', 'reject', 'dispatch', 'feedback', 'return', 'close', 'to_county'],
  }
  it.each(ROLE_NAMES.map((r) => [r]))('role %s may take exactly its actions', (role) => {
    const allowed = TRANSITION_ACTIONS.filter((a) => {
      const actor = ACTION_ACTOR[a]
      return actor !== 'reporter' && actor !== 'system' && ROLES[role].permissions.includes(actor)
    })
    expect(allowed.sort()).toEqual([...ROLE_ACTIONS[role]].sort())
  })

  it("rating is the reporter's and the deadlines are the system's", () => {
    expect(ACTION_ACTOR.rate_ok).toBe('reporter')
    expect(ACTION_ACTOR.rate_unsatisfied).toBe('reporter')
    expect(ACTION_ACTOR.auto_confirm).toBe('system')
    expect(ACTION_ACTOR.auto_escalate).toBe('system')
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TRANSITION_ACTIONS].sort())
  })
})

describe('whose turn it is (who is told of new work)', () => {
  it.each([
    ['submitted', 'grid', 'incident_accept'],
    ['submitted', 'village', 'incident_accept'],
    ['submitted', 'township', 'incident_dispatch'],
    ['escalated', 'village', 'incident_accept'],
    ['escalated', 'township', 'incident_dispatch'],
    ['reopened', 'grid', 'incident_accept'],
    ['reopened', 'township', 'incident_dispatch'],
    ['dispatched', 'department', 'incident_feedback'],
    ['reported_back', 'township', 'incident_close'],
    ['escalated', 'county', 'incident_dispatch'],
    ['reported_back', 'county', 'incident_close'],
    ['returned', 'township', 'incident_dispatch'],
    ['returned', 'county', 'incident_dispatch'],
    ['accepted', 'grid', null],
    ['resolved', 'grid', null],
    ['confirmed', 'township', null],
    ['rejected', 'grid', null],
  ] as const)('%s at %s → %s', (status, level, permission) => {
    expect(workPermission(status, level)).toBe(permission)
  })

  it('every waiting status names a permission some role holds in a unit of that level', () => {
    for (const [status, meta] of Object.entries(STATUS_META)) {
      for (const level of HANDLER_LEVELS) {
        const p = workPermission(status as keyof typeof STATUS_META, level)
        if (p === null) continue
        expect(meta.open).toBe(true)
        const holders = Object.values(ROLES).filter((r) => r.permissions.includes(p) && r !== ROLES.system_admin)
        expect(holders.length).toBeGreaterThan(0)
      }
    }
  })
})

describe("a department's part of a whistled case (every part status × every department step)", () => {
  const EXPECTED_TASK: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus>>> = {
    assigned: { report_in: 'accepted', feedback: 'reported_back', return: 'returned', assist: 'assigned' },
    accepted: { feedback: 'reported_back', return: 'returned', assist: 'accepted' },
    reported_back: {},
    returned: {},
  }
  const cells = TASK_STATUSES.flatMap((s) => TASK_ACTIONS.map((a) => [s, a] as const))
  it.each(cells)('%s, %s', (status, action) => {
    expect(nextTaskStatus(status, action)).toBe(EXPECTED_TASK[status][action] ?? null)
  })

  it('the case moves only when no department holds a part: reported back if any did, returned if all handed it back', () => {
    const t = (...s: TaskStatus[]) => s.map((status) => ({ status }))
    expect(caseStepAfterTasks(t('assigned', 'reported_back'))).toBeNull()
    expect(caseStepAfterTasks(t('accepted'))).toBeNull()
    expect(caseStepAfterTasks(t('returned', 'reported_back'))).toBe('feedback')
    expect(caseStepAfterTasks(t('reported_back', 'reported_back'))).toBe('feedback')
    expect(caseStepAfterTasks(t('returned', 'returned'))).toBe('return')
    expect(caseStepAfterTasks([])).toBeNull()
  })
})
