import {
  HANDLER_LEVELS,
  INCIDENT_ACTIONS,
  INCIDENT_STATUSES,
  type HandlerLevel,
  type IncidentStatus,
  type TransitionAction,
} from './incident.schema'
import { ACTION_ACTOR, STATUS_META, TRANSITIONS, nextState, workPermission } from './incident.states'
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
  if (s !== 'accepted') {
    put(`${s}@grid`, 'accept', 'accepted@grid')
    put(`${s}@village`, 'accept', 'accepted@village')
    put(`${s}@township`, 'dispatch', 'dispatched@department')
    put(`${s}@township`, 'close', 'resolved@township')
  }
}
put('reported_back@township', 'dispatch', 'dispatched@department')
put('reported_back@township', 'close', 'resolved@township')
put('dispatched@department', 'feedback', 'reported_back@township')
for (const l of ['grid', 'village', 'township'] as const) {
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
    dispatcher: ['reject', 'dispatch', 'close'],
    dept_handler: ['feedback'],
    system_admin: ['accept', 'resolve', 'escalate', 'reject', 'dispatch', 'feedback', 'close'],
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
    ['accepted', 'grid', null],
    ['resolved', 'grid', null],
    ['confirmed', 'township', null],
    ['rejected', 'grid', null],
  ] as const)('%s at %s → %s', (status, level, permission) => {
    expect(workPermission(status, level)).toBe(permission)
  })

  it('every waiting status names a permission some role holds in a unit of that level', () => {
    for (const [status, meta] of Object.entries(STATUS_META)) {
      for (const level of ['grid', 'village', 'township', 'department'] as const) {
        const p = workPermission(status as keyof typeof STATUS_META, level)
        if (p === null) continue
        expect(meta.open).toBe(true)
        const holders = Object.values(ROLES).filter((r) => r.permissions.includes(p) && r !== ROLES.system_admin)
        expect(holders.length).toBeGreaterThan(0)
      }
    }
  })
})
