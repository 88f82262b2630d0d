import { testEnv, rid, T0, type TestEnv } from '../../tests/support/harness'
import { postTask } from '../../tests/support/volunteer'
import { startTestHost } from '../../tests/support/host'
import { C } from '../_core/collections'
import type { DataPort, Doc } from '../_core/port'
import { SEED_NEED_ID, SEED_ORG_ID, SEED_TASK_IDS } from '../../seeds/volunteer.seed'
import { makeReminders } from './volunteer.timers'
import type { TaskView } from '@shared/volunteer/volunteer.schema'

const HOUR = 3_600_000
const VILLAGE = '513328100001'
const LOC = { lat: 31.6232, lng: 99.9905 }

let env: TestEnv
/** The store through the typed port (the SQLite adapter's own methods take any collection name). */
let db: DataPort
beforeEach(async () => {
  env = await testEnv()
  db = env.rt.db
})
afterEach(() => env.close())

async function bulkResidents(e: TestEnv, n: number): Promise<string[]> {
  const grids = ['513328100001-G01', '513328100001-G02', '513328100001-G03']
  const users: Doc[] = []
  const roles: Doc[] = []
  for (let i = 0; i < n; i++) {
    const id = `u-bulk-${String(i).padStart(2, '0')}`
    const grid = grids[i % 3]!
    users.push({
      _id: id,
      openid: null,
      name: `居民${i}`,
      phone: null,
      householdId: null,
      residenceUnitId: grid,
      createdAt: T0,
    })
    roles.push({
      _id: `ra-${id}`,
      userId: id,
      role: 'resident',
      unitId: grid,
      grantedBy: null,
      via: 'seed',
      createdAt: T0,
      revokedAt: null,
    })
  }
  e.rt.db.bulkInsert(C.users, users)
  e.rt.db.bulkInsert(C.role_assignments, roles)
  return users.map((u) => u._id)
}

const signupsOf = (e: TestEnv, taskId: string) =>
  (e.rt.db as DataPort).find(C.volunteer_signups, { where: { taskId }, orderBy: [['seq', 'asc']] })

describe('sign-up, waitlist and cancellation', () => {
  it('fills the slots, then waitlists in order; a cancellation moves the first waiting person up', async () => {
    const task = await postTask(env, { slots: 2 })
    const a = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    const b = await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    const c = await env.ok('volunteer', 'u-gesang', 'signup', { taskId: task.id })
    const d = await env.ok('volunteer', 'u-duoji', 'signup', { taskId: task.id })
    expect([a, b, c, d].map((r) => r.signup.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    expect([c.signup.waitPosition, d.signup.waitPosition]).toEqual([1, 2])
    expect(d.task).toMatchObject({ confirmed: 2, waitlisted: 2 })

    const again = await env.call('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    expect(again).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_SIGNED_UP' })

    const cancelled = await env.ok('volunteer', 'u-zhuoma', 'cancelSignup', { taskId: task.id })
    expect(cancelled.signup.status).toBe('cancelled')
    expect(cancelled.task).toMatchObject({ confirmed: 2, waitlisted: 1 })
    const gesang = await env.ok<TaskView>('volunteer', 'u-gesang', 'getTask', { taskId: task.id })
    expect(gesang.mySignup).toMatchObject({ status: 'confirmed', waitPosition: null })
    const duoji = await env.ok<TaskView>('volunteer', 'u-duoji', 'getTask', { taskId: task.id })
    expect(duoji.mySignup).toMatchObject({ status: 'waitlisted', waitPosition: 1 })
    // the promoted volunteer hears about it at once; the reminder shows a day before
    const inbox = await env.ok('volunteer', 'u-gesang', 'myInbox', {})
    expect(inbox.items.map((i: { kind: string }) => i.kind)).toEqual(['promoted'])
    env.clock.advance(25 * HOUR)
    // the reminder timer makes the reminders of those holding a slot then: 格桑 (moved up) and 王德明
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 2 })
    const later = await env.ok('volunteer', 'u-gesang', 'myInbox', {})
    expect(later.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['promoted', 'reminder'])
    // the one who cancelled and the one still waiting have none
    expect((await env.ok('volunteer', 'u-zhuoma', 'myInbox', {})).total).toBe(0)
    expect((await env.ok('volunteer', 'u-duoji', 'myInbox', {})).total).toBe(0)

    // a waitlisted person cancelling frees no slot
    await env.ok('volunteer', 'u-duoji', 'cancelSignup', { taskId: task.id })
    const counter = await db.get(C.volunteer_task_counters, task.id)
    expect(counter).toMatchObject({ confirmed: 2, waitlisted: 0, nextSeq: 5 })

    // signing up again after cancelling goes to the end of the line
    const back = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    expect(back.signup).toMatchObject({ status: 'waitlisted', waitPosition: 1 })
  })

  it('closes sign-up and cancellation at the deadline', async () => {
    const task = await postTask(env, { inHours: 5 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(4 * HOUR + 1)
    expect(await env.call('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.SIGNUP_CLOSED',
    })
    expect(await env.call('volunteer', 'u-zhuoma', 'cancelSignup', { taskId: task.id })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CANCEL_CLOSED',
    })
  })

  it('a repeated sign-up request returns the first answer and writes once', async () => {
    const task = await postTask(env)
    const requestId = rid('su')
    const a = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id }, requestId)
    const b = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id }, requestId)
    expect(b).toEqual(a)
    expect(await db.get(C.volunteer_task_counters, task.id)).toMatchObject({ confirmed: 1, nextSeq: 2 })
  })

  it('lists tasks near my residence, soonest first, paged; others see none of 旭日岭', async () => {
    const page = await env.ok('volunteer', 'u-zhuoma', 'listTasks', { pageSize: 2 })
    expect(page.total).toBe(3)
    expect(page.items).toHaveLength(2)
    expect(page.hasMore).toBe(true)
    expect(page.items[0].startAt).toBeLessThanOrEqual(page.items[1].startAt)
    expect((await env.ok('volunteer', 'u-yangjin', 'listTasks', {})).total).toBe(0)
    // a resident of another village cannot sign up here
    expect(await env.call('volunteer', 'u-yangjin', 'signup', { taskId: SEED_TASK_IDS[0] })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
  })
})

describe('concurrency', () => {
  it('30 residents sign up for 10 slots at once: exactly 10 confirmed, 20 waitlisted in arrival order', async () => {
    const task = await postTask(env, { slots: 10 })
    const users = await bulkResidents(env, 30)
    const results = await Promise.all(users.map((u) => env.call('volunteer', u, 'signup', { taskId: task.id })))
    expect(results.every((r) => r.ok)).toBe(true)
    const rows = await signupsOf(env, task.id)
    expect(rows).toHaveLength(30)
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(10)
    const waiting = rows.filter((r) => r.status === 'waitlisted')
    expect(waiting).toHaveLength(20)
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    // every confirmed arrived before every waitlisted one
    expect(rows.slice(0, 10).every((r) => r.status === 'confirmed')).toBe(true)
    expect(await db.get(C.volunteer_task_counters, task.id)).toMatchObject({
      confirmed: 10,
      waitlisted: 20,
      nextSeq: 31,
    })
    const list = await env.ok('volunteer', 'u-zhaozhiqiang', 'listSignups', {
      taskId: task.id,
      status: 'waitlisted',
      pageSize: 50,
    })
    expect(list.items.map((r: { waitPosition: number }) => r.waitPosition)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )

    // 5 confirmed cancel at once while 5 more sign up: never more than 10 confirmed, the waitlist moves in order
    const more = await bulkResidents2(env)
    const confirmed = rows.slice(0, 5).map((r) => r.userId)
    await Promise.all([
      ...confirmed.map((u) => env.call('volunteer', u, 'cancelSignup', { taskId: task.id })),
      ...more.map((u) => env.call('volunteer', u, 'signup', { taskId: task.id })),
    ])
    const after = await signupsOf(env, task.id)
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(10)
    const promoted = after.filter((r) => r.promotedAt !== null).map((r) => r.seq)
    expect(promoted).toEqual([11, 12, 13, 14, 15])
  })

  it('through the HTTP host: concurrent and duplicate sign-ups never overfill', async () => {
    const host = await startTestHost()
    try {
      const users = await bulkResidents({ rt: host.rt } as TestEnv, 12)
      const org = await host.token('u-zhaozhiqiang')
      const start = T0 + 48 * HOUR
      const created = await host.post(
        '/api/fn/volunteer',
        {
          action: 'publishTask',
          requestId: rid('pt'),
          data: {
            orgId: SEED_ORG_ID,
            title: '并发测试任务',
            description: '测试',
            category: 'other',
            placeName: '广场',
            location: LOC,
            startAt: start,
            endAt: start + 2 * HOUR,
            slots: 4,
            signupDeadline: start - HOUR,
          },
        },
        org,
      )
      expect(created.json.ok).toBe(true)
      const taskId = created.json.data.id
      const tokens = await Promise.all(users.map((u) => host.token(u)))
      // every resident sends the sign-up twice with different request ids (a double tap)
      const replies = await Promise.all(
        tokens.flatMap((t) =>
          [0, 1].map(() =>
            host.post('/api/fn/volunteer', { action: 'signup', requestId: rid('su'), data: { taskId } }, t),
          ),
        ),
      )
      expect(replies.filter((r) => r.json.ok)).toHaveLength(12)
      expect(replies.filter((r) => !r.json.ok).every((r) => r.json.code === 'VOLUNTEER.ALREADY_SIGNED_UP')).toBe(true)
      const rows = await (host.rt.db as DataPort).find(C.volunteer_signups, { where: { taskId } })
      expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(4)
      expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(8)
    } finally {
      await host.close()
    }
  })
})

async function bulkResidents2(e: TestEnv): Promise<string[]> {
  const ids = ['u-late-1', 'u-late-2', 'u-late-3', 'u-late-4', 'u-late-5']
  e.rt.db.bulkInsert(
    C.users,
    ids.map((id) => ({
      _id: id,
      openid: null,
      name: id,
      phone: null,
      householdId: null,
      residenceUnitId: '513328100001-G01',
      createdAt: T0,
    })),
  )
  e.rt.db.bulkInsert(
    C.role_assignments,
    ids.map((id) => ({
      _id: `ra-${id}`,
      userId: id,
      role: 'resident',
      unitId: '513328100001-G01',
      grantedBy: null,
      via: 'seed',
      createdAt: T0,
      revokedAt: null,
    })),
  )
  return ids
}

describe('attendance and confirmation', () => {
  async function balance(householdId: string): Promise<number> {
    return (await db.get(C.points_accounts, householdId))?.balance ?? 0
  }

  it('check in by code, check out by location, confirm measured hours: record and household points once', async () => {
    const task = await postTask(env, { inHours: 2, hours: 3 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    // too early
    expect(await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: LOC })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CHECKIN_NOT_OPEN',
    })
    env.clock.advance(2 * HOUR + 10 * 60_000) // 10 minutes late
    // the organiser's phone shows this minute's code; the volunteer scans it
    const { payload: code } = await env.ok('volunteer', 'u-zhaozhiqiang', 'getTaskCode', { taskId: task.id })
    expect(code).toMatch(/^LLVT2\./)
    expect(
      await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code: code.slice(0, -2) + 'xx' }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.BAD_CODE' })
    expect(
      await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: { lat: 31.64, lng: 99.99 } }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.TOO_FAR' })
    const inn = await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code })
    expect(inn.checkInAt).toBe(env.clock.now())
    expect(await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ALREADY_CHECKED_IN',
    })
    env.clock.advance(3 * HOUR) // stays 20 minutes past the end: counts to the end only
    await env.ok('volunteer', 'u-zhuoma', 'checkOut', { taskId: task.id, location: { lat: 31.6235, lng: 99.9907 } })

    const before = await balance('hh-513328100001-G01-01')
    const requestId = rid('ca')
    const confirmed = await env.ok(
      'volunteer',
      'u-zhaozhiqiang',
      'confirmAttendance',
      { signupId: s.signup.id, attended: true },
      requestId,
    )
    expect(confirmed.row).toMatchObject({ attendance: 'attended', confirmedHours: 2.83, measuredHours: 2.83 })
    expect(confirmed.pointsCredited).toBe(true)
    // VOLUNTEER_HOUR in 旭日岭 is 2 points an hour; 2h50m counts as 2.5 hours → 5 points
    expect(confirmed.row.points).toBe(5)
    expect(await balance('hh-513328100001-G01-01')).toBe(before + 5)
    // the same request again, or a second confirmation, changes nothing
    expect(
      await env.ok(
        'volunteer',
        'u-zhaozhiqiang',
        'confirmAttendance',
        { signupId: s.signup.id, attended: true },
        requestId,
      ),
    ).toEqual(confirmed)
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'confirmAttendance', { signupId: s.signup.id, attended: true }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_CONFIRMED' })
    expect(await balance('hh-513328100001-G01-01')).toBe(before + 5)

    const record = await env.ok('volunteer', 'u-zhuoma', 'myHours', {})
    expect(record).toMatchObject({ name: '卓玛', totalHours: 2.83, taskHours: 2.83 })
    expect(record.entries.items).toHaveLength(1)
    expect(record.entries.items[0].note).toContain('河道垃圾清理')
  })

  it('an adjustment needs a reason and is kept; absent volunteers get nothing', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    const a = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    const b = await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'confirmAttendance', { signupId: a.signup.id, attended: true }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.TASK_NOT_STARTED' })
    env.clock.advance(3 * HOUR)
    // 卓玛 forgot to check in; the organiser saw her there for two hours
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'confirmAttendance', {
        signupId: a.signup.id,
        attended: true,
        hours: 2,
      }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.REASON_REQUIRED' })
    const ok = await env.ok('volunteer', 'u-zhaozhiqiang', 'confirmAttendance', {
      signupId: a.signup.id,
      attended: true,
      hours: 2,
      reason: '忘记签到，组织者现场见到',
    })
    expect(ok.row).toMatchObject({ confirmedHours: 2, measuredHours: 0 })
    const adj = await db.find(C.volunteer_adjustments, { where: { signupId: a.signup.id } })
    expect(adj).toEqual([
      expect.objectContaining({
        measuredMinutes: 0,
        confirmedMinutes: 120,
        reason: '忘记签到，组织者现场见到',
        by: 'u-zhaozhiqiang',
      }),
    ])
    const absent = await env.ok('volunteer', 'u-zhaozhiqiang', 'confirmAttendance', {
      signupId: b.signup.id,
      attended: false,
    })
    expect(absent.row).toMatchObject({ attendance: 'absent', confirmedHours: null })
    expect((await env.ok('volunteer', 'u-wangdeming', 'myHours', {})).totalHours).toBe(0)
    const fig = await env.ok('volunteer', 'u-lixiuying', 'getFigures', { unitId: VILLAGE })
    expect(fig.unit).toMatchObject({
      tasks: 4,
      signups: 2,
      attended: 1,
      absent: 1,
      attendanceRate: 50,
      confirmedHours: 2,
    })
    expect(fig.orgs[0]).toMatchObject({ name: '旭日岭社区志愿服务队', tasks: 4, attended: 1, confirmedHours: 2 })
  })

  it('only the organisation’s admins confirm; waitlisted people cannot check in', async () => {
    const task = await postTask(env, { slots: 1, inHours: 2 })
    const a = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    env.clock.advance(2 * HOUR)
    expect(await env.call('volunteer', 'u-wangdeming', 'checkIn', { taskId: task.id, location: LOC })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.NOT_CONFIRMED',
    })
    expect(
      await env.call('volunteer', 'u-lixiuying', 'confirmAttendance', { signupId: a.signup.id, attended: true }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(
      await env.call('volunteer', 'u-zhuoma', 'confirmAttendance', { signupId: a.signup.id, attended: true }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
  })
})

describe('organisations', () => {
  it('an org admin registers a team; an official approves it; then it can post tasks', async () => {
    const org = await env.ok('volunteer', 'u-zhaozhiqiang', 'registerOrg', {
      name: '旭日岭青年突击队',
      kind: 'volunteer_team',
      unitId: VILLAGE,
      intro: '青年志愿者',
      contactName: '赵志强',
      contactPhone: '13908361240',
    })
    expect(org.status).toBe('pending')
    const start = T0 + 48 * HOUR
    const task = {
      orgId: org.id,
      title: '测试',
      description: '测试',
      category: 'other',
      placeName: '广场',
      location: LOC,
      startAt: start,
      endAt: start + HOUR,
      slots: 2,
      signupDeadline: start - HOUR,
    }
    expect(await env.call('volunteer', 'u-zhaozhiqiang', 'publishTask', task)).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ORG_NOT_APPROVED',
    })
    const pending = await env.ok('volunteer', 'u-lixiuying', 'listOrgs', { unitId: VILLAGE, status: 'pending' })
    expect(pending.items.map((o: { name: string }) => o.name)).toEqual(['旭日岭青年突击队', '旭日岭社区老年协会'])
    expect(await env.call('volunteer', 'u-lixiuying', 'decideOrg', { orgId: org.id, approve: false })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.NOTE_REQUIRED',
    })
    expect((await env.ok('volunteer', 'u-lixiuying', 'decideOrg', { orgId: org.id, approve: true })).status).toBe(
      'approved',
    )
    expect(await env.call('volunteer', 'u-lixiuying', 'decideOrg', { orgId: org.id, approve: true })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ORG_ALREADY_DECIDED',
    })
    expect((await env.ok('volunteer', 'u-zhaozhiqiang', 'publishTask', task)).org.name).toBe('旭日岭青年突击队')
    expect((await env.ok('volunteer', 'u-zhaozhiqiang', 'myOrgs')).items).toHaveLength(3)
    // an official of 色西底村 cannot approve in 旭日岭; a dispatcher of the township can see it
    expect(await env.call('volunteer', 'u-ciren', 'listOrgs', { unitId: VILLAGE })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    expect((await env.ok('volunteer', 'u-zhoumin', 'listOrgs', { unitId: '513328100' })).total).toBe(3)
  })
})

describe('residents’ needs: 点单 → 接单 → 验单', () => {
  it('runs the whole loop, records hours and points for the volunteers, counts time to take', async () => {
    // 格桑 holds a place on one of the team's tasks: one of its volunteers, who may be named on its jobs
    await env.ok('volunteer', 'u-gesang', 'signup', { taskId: SEED_TASK_IDS[0] })
    const need = await env.ok('volunteer', 'u-zhuoma', 'createNeed', {
      title: '帮我家老人理发',
      description: '老人行动不便，想请人上门理发',
      category: 'elderly',
      placeName: '第一网格 1 栋',
    })
    expect(need).toMatchObject({ status: 'submitted', isMine: true, posterName: '卓玛' })
    // not yet visible to organisations
    expect(
      (await env.ok('volunteer', 'u-zhaozhiqiang', 'listOpenNeeds', { orgId: SEED_ORG_ID })).items.map(
        (r: { id: string }) => r.id,
      ),
    ).toEqual([SEED_NEED_ID])
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'takeNeed', { needId: need.id, orgId: SEED_ORG_ID }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.NEED_WRONG_STATE' })
    await env.ok('volunteer', 'u-lixiuying', 'reviewNeed', { needId: need.id, approve: true })
    const open = await env.ok('volunteer', 'u-zhaozhiqiang', 'listOpenNeeds', { orgId: SEED_ORG_ID })
    expect(open.items.find((r: { id: string }) => r.id === need.id).posterName).toBe('卓*')
    env.clock.advance(3 * HOUR)
    const taken = await env.ok('volunteer', 'u-zhaozhiqiang', 'takeNeed', { needId: need.id, orgId: SEED_ORG_ID })
    expect(taken).toMatchObject({ status: 'taken', takenByOrgName: '旭日岭社区志愿服务队' })
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'takeNeed', { needId: need.id, orgId: SEED_ORG_ID }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.NEED_WRONG_STATE' })
    await env.ok('volunteer', 'u-zhaozhiqiang', 'completeNeed', {
      needId: need.id,
      outcome: '已上门理发',
      volunteers: [
        { userId: 'u-gesang', hours: 1.5 },
        { userId: 'u-zhaozhiqiang', hours: 1.5 },
      ],
    })
    // somebody else cannot confirm for the poster
    expect(await env.call('volunteer', 'u-wangdeming', 'confirmNeed', { needId: need.id })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.NOT_MY_NEED',
    })
    await env.ok('volunteer', 'u-zhuoma', 'confirmNeed', { needId: need.id, note: '很满意' })
    // a failed verification sends it back to the organisation with the reason
    const back = await env.ok('volunteer', 'u-lixiuying', 'verifyNeed', {
      needId: need.id,
      approve: false,
      note: '请补充照片',
    })
    expect(back.status).toBe('taken')
    await env.ok('volunteer', 'u-zhaozhiqiang', 'completeNeed', {
      needId: need.id,
      outcome: '已上门理发（补照片）',
      volunteers: [{ userId: 'u-gesang', hours: 1.5 }],
    })
    await env.ok('volunteer', 'u-zhuoma', 'confirmNeed', { needId: need.id })
    const gesangHh = 'hh-513328100001-G03-03'
    const before = (await db.get(C.points_accounts, gesangHh))?.balance ?? 0
    const verified = await env.ok('volunteer', 'u-lixiuying', 'verifyNeed', {
      needId: need.id,
      approve: true,
      awardPoints: true,
    })
    expect(verified).toMatchObject({ status: 'verified', awardsPoints: true })
    expect(verified.transitions.map((t: { transition: string }) => t.transition)).toEqual([
      'create',
      'publish',
      'take',
      'complete',
      'confirm',
      'rework',
      'complete',
      'confirm',
      'verify',
    ])
    expect((await env.ok('volunteer', 'u-gesang', 'myHours', {})).needHours).toBe(1.5)
    expect((await db.get(C.points_accounts, gesangHh))?.balance ?? 0).toBe(before + 3)
    // the outcome is public in the village, names masked
    const pub = await env.ok('volunteer', 'u-wangdeming', 'listPublicNeeds', {})
    expect(pub.items).toEqual([
      expect.objectContaining({ id: need.id, posterName: '卓*', volunteers: [{ name: '格*', hours: 1.5 }] }),
    ])
    const fig = await env.ok('volunteer', 'u-lixiuying', 'getFigures', { unitId: VILLAGE })
    expect(fig.unit).toMatchObject({ needsPosted: 2, needsTaken: 1, needsVerified: 1, avgTakeHours: 3 })
    expect(fig.orgs[0]).toMatchObject({ needsTaken: 1, needsVerified: 1 })
  })

  it('a poster can withdraw before it is taken; an official can turn a need down with a reason', async () => {
    const a = await env.ok('volunteer', 'u-zhuoma', 'createNeed', {
      title: '借轮椅',
      description: '借一周',
      category: 'other',
      placeName: '家里',
    })
    expect((await env.ok('volunteer', 'u-zhuoma', 'withdrawNeed', { needId: a.id })).status).toBe('withdrawn')
    env.clock.advance(60_000)
    const b = await env.ok('volunteer', 'u-zhuoma', 'createNeed', {
      title: '帮忙搬家',
      description: '搬到县城',
      category: 'other',
      placeName: '家里',
    })
    expect(await env.call('volunteer', 'u-lixiuying', 'reviewNeed', { needId: b.id, approve: false })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.NOTE_REQUIRED',
    })
    expect(
      (
        await env.ok('volunteer', 'u-lixiuying', 'reviewNeed', {
          needId: b.id,
          approve: false,
          note: '请找搬家公司',
        })
      ).status,
    ).toBe('rejected')
    const mine = await env.ok('volunteer', 'u-zhuoma', 'myNeeds', {})
    expect(mine.items.map((r: { status: string }) => r.status)).toEqual(['rejected', 'withdrawn'])
    // an org admin without residence cannot post a need
    expect(
      await env.call('volunteer', 'u-zhaozhiqiang', 'createNeed', {
        title: '测试需求',
        description: 'x',
        category: 'other',
        placeName: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
  })
})
