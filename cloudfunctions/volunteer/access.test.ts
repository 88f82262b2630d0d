import { testEnv, T0, type TestEnv } from '../../tests/support/harness'
import { DEMO_USERS } from '../../seeds'
import { SEED_NEED_ID, SEED_ORG_ID, SEED_TASK_IDS } from '../../seeds/volunteer.seed'
import { ROLES } from '@shared/auth/roles'
import type { Permission } from '@shared/auth/permissions'
import { volunteerContract } from '@shared/volunteer/volunteer.contract'

/**
 * Every permissioned action × every seeded person (one or more of each role): the wrapper allows the call
 * exactly when the person holds the permission over 旭日岭社区 (or, for what residents do in their grid —
 * signing up, posting a need — in a unit inside it). Denials are FORBIDDEN (no such permission anywhere)
 * or OUT_OF_SCOPE (only elsewhere).
 */
const VILLAGE = '513328100001'
const HOUR = 3_600_000
const DENIED = new Set(['COMMON.FORBIDDEN', 'COMMON.OUT_OF_SCOPE'])
const RESIDENT_STYLE = new Set(['signup', 'cancelSignup', 'checkIn', 'checkOut'])

let env: TestEnv
let signupId: string
beforeAll(async () => {
  env = await testEnv()
  signupId = (await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: SEED_TASK_IDS[0] })).signup.id
})
afterAll(() => env.close())

function inputs(): Record<string, unknown> {
  const start = T0 + 72 * HOUR
  return {
    registerOrg: {
      name: '测试组织',
      kind: 'social_org',
      unitId: VILLAGE,
      intro: '测试',
      contactName: '测试',
      contactPhone: '13900000000',
    },
    decideOrg: { orgId: 'org-xrl-lnxh', approve: false, note: '测试' },
    listOrgs: { unitId: VILLAGE },
    myOrgs: {},
    publishTask: {
      orgId: SEED_ORG_ID,
      title: '权限测试',
      description: '测试',
      category: 'other',
      placeName: '广场',
      location: { lat: 31.6, lng: 99.9 },
      startAt: start,
      endAt: start + HOUR,
      slots: 2,
      signupDeadline: start - HOUR,
    },
    listOrgTasks: { orgId: SEED_ORG_ID },
    signup: { taskId: SEED_TASK_IDS[1] },
    cancelSignup: { taskId: SEED_TASK_IDS[1] },
    checkIn: { taskId: SEED_TASK_IDS[1], location: { lat: 31.6, lng: 99.9 } },
    checkOut: { taskId: SEED_TASK_IDS[1], location: { lat: 31.6, lng: 99.9 } },
    getTaskCode: { taskId: SEED_TASK_IDS[0] },
    listSignups: { taskId: SEED_TASK_IDS[0] },
    confirmAttendance: { signupId, attended: false },
    createNeed: { title: '权限测试', description: '测试', category: 'other', placeName: '家里' },
    listVillageNeeds: { unitId: VILLAGE },
    reviewNeed: { needId: SEED_NEED_ID, approve: false, note: '测试' },
    verifyNeed: { needId: SEED_NEED_ID, approve: false, note: '测试' },
    listOpenNeeds: { orgId: SEED_ORG_ID },
    takeNeed: { needId: SEED_NEED_ID, orgId: SEED_ORG_ID },
    completeNeed: { needId: SEED_NEED_ID, outcome: '测试', volunteers: [{ userId: 'u-gesang', hours: 1 }] },
    getFigures: { unitId: VILLAGE },
  }
}

async function pathOf(unitId: string): Promise<string[]> {
  return (await env.rt.units.get(unitId))?.path ?? []
}

async function expectedAllowed(
  user: (typeof DEMO_USERS)[number],
  action: string,
  permission: Permission,
): Promise<boolean> {
  const holding = user.roles.filter(([role]) => ROLES[role].permissions.includes(permission))
  if (!holding.length) return false
  const villagePath = await pathOf(VILLAGE)
  if (action === 'myOrgs') return true
  if (action === 'createNeed') {
    const target = user.residence ?? holding[0]![1]
    const targetPath = await pathOf(target)
    return holding.some(([, unit]) => targetPath.includes(unit))
  }
  for (const [, unit] of holding) {
    if (villagePath.includes(unit)) return true
    if (RESIDENT_STYLE.has(action) && (await pathOf(unit)).includes(VILLAGE)) return true
  }
  return false
}

const actions = Object.entries(volunteerContract.actions).filter(([, def]) => def.permission !== null)

describe.each(actions.map(([name, def]) => [name, def.permission as Permission]))('%s (%s)', (action, permission) => {
  it.each(DEMO_USERS.map((u) => [u.id, u.roles.map((r) => r[0]).join('+')]))('as %s (%s)', async (userId) => {
    const user = DEMO_USERS.find((u) => u.id === userId)!
    const res = await env.call('volunteer', userId, action, (inputs() as Record<string, unknown>)[action])
    const denied = !res.ok && DENIED.has(res.code)
    expect({ action, userId, allowed: !denied }).toEqual({
      action,
      userId,
      allowed: await expectedAllowed(user, action, permission),
    })
    if (!res.ok) expect(res.code).not.toBe('COMMON.INTERNAL')
  })
})

it('covers every role', () => {
  const roles = new Set(DEMO_USERS.flatMap((u) => u.roles.map((r) => r[0])))
  expect([...roles].sort()).toEqual(Object.keys(ROLES).sort())
})
