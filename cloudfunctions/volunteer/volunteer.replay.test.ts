import { createHmac } from 'node:crypto'
import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { postTask } from '../../tests/support/volunteer'
import { SEED_NEED_ID, SEED_ORG_ID } from '../../seeds/volunteer.seed'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import { checkinCode, verifyCheckinCode } from './volunteer.codes'
import { countersFor, ids } from './volunteer.repo'
import { revokeRoleAssignment } from '../_core/grants'

/**
 * Replays of the volunteer writes that move state: a retried request (same caller, same request id) whose target
 * has since moved on, so that a fresh call would now be refused, gets its first answer and writes nothing again;
 * the same request id with another payload is refused.
 */
const HOUR = 3_600_000
const LOC = { lat: 31.6232, lng: 99.9905 }
const ORG_ADMIN = 'u-zhaozhiqiang'

let env: TestEnv
let db: DataPort
beforeEach(async () => {
  env = await testEnv()
  db = env.rt.db
})
afterEach(() => env.close())

/** The seeded organisation's counters, as the figures read them (its part kept in its village's document). */
async function orgCounters() {
  const org = (await db.get(C.volunteer_orgs, SEED_ORG_ID))!
  return (await countersFor(env.rt, db, org.unitId, [org])).orgs[0]
}

/** The org admin loses the role that allowed the first call: a fresh call is now refused before it runs. */
async function revokeOrgAdminRoles(): Promise<void> {
  const roles = await db.find(C.role_assignments, { where: { userId: ORG_ADMIN, revokedAt: null } })
  await db.transaction(async (tx) => {
    for (const r of roles) await revokeRoleAssignment(tx, r._id, env.clock.now())
  })
}

describe('signup', () => {
  it('a retry after the deadline has passed returns the first answer and signs up once', async () => {
    const task = await postTask(env, { inHours: 5 })
    const requestId = rid('su')
    const first = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id }, requestId)
    env.clock.advance(4 * HOUR + 1)
    expect(await env.call('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.SIGNUP_CLOSED',
    })
    expect(await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id }, requestId)).toEqual(first)
    expect(await db.get(C.volunteer_task_counters, task.id)).toMatchObject({ confirmed: 1, nextSeq: 2 })
    expect(await orgCounters()).toMatchObject({ signups: 1 })
  })

  it('a request id reused for another task or another action is refused and writes nothing', async () => {
    const a = await postTask(env)
    const b = await postTask(env)
    const requestId = rid('su')
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: a.id }, requestId)
    for (const [action, data] of [
      ['signup', { taskId: b.id }],
      ['cancelSignup', { taskId: a.id }],
    ] as const) {
      expect(await env.call('volunteer', 'u-zhuoma', action, data, requestId)).toMatchObject({
        ok: false,
        code: 'COMMON.REQUEST_ID_REUSED',
      })
    }
    expect(await db.get(C.volunteer_signups, ids.signup(b.id, 'u-zhuoma'))).toBeNull()
    expect(await db.get(C.volunteer_signups, ids.signup(a.id, 'u-zhuoma'))).toMatchObject({ status: 'confirmed' })
  })
})

describe('checkIn', () => {
  it('a retry after checking in (and even out) returns the first check-in, recorded once', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(HOUR)
    const { code } = await env.ok('volunteer', ORG_ADMIN, 'getTaskCode', { taskId: task.id })
    const requestId = rid('ci')
    const first = await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code }, requestId)
    env.clock.advance(10 * 60_000)
    expect(await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ALREADY_CHECKED_IN',
    })
    expect(await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code }, requestId)).toEqual(first)

    // past the check-in window, the code long expired, and checked out: the retry still answers with the first check-in
    env.clock.advance(2 * HOUR)
    await env.ok('volunteer', 'u-zhuoma', 'checkOut', { taskId: task.id, location: LOC })
    const again = await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code }, requestId)
    expect(again).toMatchObject({ id: first.id, checkInAt: first.checkInAt, checkOutAt: env.clock.now() })
    expect(await db.get(C.volunteer_signups, first.id)).toMatchObject({ checkInAt: first.checkInAt })
  })

  it('the same request id with another proof of presence is refused', async () => {
    const task = await postTask(env, { inHours: 1 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(HOUR)
    const requestId = rid('ci')
    await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: LOC }, requestId)
    const { code } = await env.ok('volunteer', ORG_ADMIN, 'getTaskCode', { taskId: task.id })
    expect(await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
  })
})

describe('confirmAttendance', () => {
  it('a retry after the attendance was confirmed (and the organiser lost the role) returns the first answer, crediting once', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(3 * HOUR)
    const input = { signupId: s.signup.id, attended: true, hours: 2, reason: '组织者现场见到' }
    const requestId = rid('ca')
    const first = await env.ok('volunteer', ORG_ADMIN, 'confirmAttendance', input, requestId)
    expect(first.row).toMatchObject({ attendance: 'attended', confirmedHours: 2 })
    expect(await env.call('volunteer', ORG_ADMIN, 'confirmAttendance', input)).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ALREADY_CONFIRMED',
    })
    await revokeOrgAdminRoles()
    expect(await env.call('volunteer', ORG_ADMIN, 'confirmAttendance', input)).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    expect(await env.ok('volunteer', ORG_ADMIN, 'confirmAttendance', input, requestId)).toEqual(first)
    expect((await env.ok('volunteer', 'u-zhuoma', 'myHours', {})).totalHours).toBe(2)
    expect(await orgCounters()).toMatchObject({ attended: 1 })
  })

  it('the same request id with another decision is refused', async () => {
    const task = await postTask(env, { inHours: 1 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(5 * HOUR)
    const requestId = rid('ca')
    await env.ok('volunteer', ORG_ADMIN, 'confirmAttendance', { signupId: s.signup.id, attended: false }, requestId)
    expect(
      await env.call(
        'volunteer',
        ORG_ADMIN,
        'confirmAttendance',
        { signupId: s.signup.id, attended: true, hours: 3, reason: '改了' },
        requestId,
      ),
    ).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED' })
    expect(await db.get(C.volunteer_signups, s.signup.id)).toMatchObject({ attendance: 'absent' })
  })
})

describe('takeNeed', () => {
  it('a retry after the need was taken and completed returns the need it took, taking it once', async () => {
    const requestId = rid('tk')
    const first = await env.ok(
      'volunteer',
      ORG_ADMIN,
      'takeNeed',
      { needId: SEED_NEED_ID, orgId: SEED_ORG_ID },
      requestId,
    )
    expect(first).toMatchObject({ id: SEED_NEED_ID, status: 'taken', takenByOrgName: '旭日岭社区志愿服务队' })
    expect(
      await env.call('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.NEED_WRONG_STATE' })
    expect(
      await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID }, requestId),
    ).toEqual(first)

    // the job moves on, and the organiser loses the role: the retry is still told it took the need
    await env.ok('volunteer', ORG_ADMIN, 'completeNeed', {
      needId: SEED_NEED_ID,
      outcome: '已换水龙头',
      volunteers: [{ userId: ORG_ADMIN, hours: 1 }],
    })
    await revokeOrgAdminRoles()
    const again = await env.ok(
      'volunteer',
      ORG_ADMIN,
      'takeNeed',
      { needId: SEED_NEED_ID, orgId: SEED_ORG_ID },
      requestId,
    )
    expect(again).toMatchObject({ id: SEED_NEED_ID, takenByOrgName: first.takenByOrgName, takenAt: first.takenAt })
    const need = await db.get(C.volunteer_needs, SEED_NEED_ID)
    expect(need?.transitions.filter((t) => t.transition === 'take')).toHaveLength(1)
    expect(await orgCounters()).toMatchObject({ needsTaken: 1 })
  })

  it('the same request id for another organisation or another action is refused', async () => {
    const requestId = rid('tk')
    await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID }, requestId)
    expect(
      await env.call('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: 'org-xrl-lnxh' }, requestId),
    ).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED' })
    expect(
      await env.call(
        'volunteer',
        ORG_ADMIN,
        'completeNeed',
        {
          needId: SEED_NEED_ID,
          outcome: 'x',
          volunteers: [{ userId: 'u-gesang', hours: 1 }],
        },
        requestId,
      ),
    ).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED' })
    expect(await db.get(C.volunteer_needs, SEED_NEED_ID)).toMatchObject({ status: 'taken' })
  })
})

describe('check-in codes', () => {
  const task = { _id: 'task-1', codeSecret: '0123456789abcdef0123456789abcdef' }
  const MINUTE = 60_000
  const at = Date.UTC(2026, 2, 2, 2, 0, 30)

  it('are 8 base62 symbols of the minute, scanned as LLVT2.<taskId>.<code>, typed with or without spaces', () => {
    const now = checkinCode(task, at)
    expect(now.code).toMatch(/^[0-9A-Za-z]{8}$/)
    expect(now.payload).toBe(`LLVT2.task-1.${now.code}`)
    expect(now.secondsLeft).toBe(30)
    expect(checkinCode(task, at + 29_000).code).toBe(now.code)
    expect(checkinCode(task, at + 30_000).code).not.toBe(now.code)
    expect(verifyCheckinCode(task, now.payload, at)).toBe(true)
    expect(verifyCheckinCode(task, ` ${now.code.slice(0, 4)} ${now.code.slice(4)}\n`, at)).toBe(true)
    // another task's, another secret's, or a payload naming another task
    expect(verifyCheckinCode({ ...task, _id: 'task-2' }, now.code, at)).toBe(false)
    expect(verifyCheckinCode({ ...task, codeSecret: 'f'.repeat(32) }, now.code, at)).toBe(false)
    expect(verifyCheckinCode(task, `LLVT2.task-2.${now.code}`, at)).toBe(false)
  })

  it('count this minute and the one before, never the one two minutes ago; the old fixed codes no longer work', () => {
    const code = checkinCode(task, at).code
    expect(verifyCheckinCode(task, code, at + MINUTE)).toBe(true)
    expect(verifyCheckinCode(task, code, at + 2 * MINUTE)).toBe(false)
    expect(verifyCheckinCode(task, code, at - MINUTE)).toBe(false)
    const fixed = createHmac('sha256', task.codeSecret).update('checkin:task-1').digest('base64url').slice(0, 16)
    expect(verifyCheckinCode(task, `LLVT1.task-1.${fixed}`, at)).toBe(false)
  })
})
