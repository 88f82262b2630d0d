import { testEnv, T0, type TestEnv } from '../../tests/support/harness'
import { postTask } from '../../tests/support/volunteer'
import { SEED_NEED_ID, SEED_ORG_ID, SEED_TASK_IDS } from '../../seeds/volunteer.seed'
import type { TaskView } from '@shared/volunteer/volunteer.schema'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import { checkinCode } from './volunteer.codes'
import { makeReminders } from './volunteer.timers'

/**
 * Issue #16, as an attacker, a cheater and a nosy neighbour would try it: who may be credited for an
 * organisation's work (item 3), who sees the organiser's phone (item 8), check-ins from home or out of time
 * (item 10) and text others read (item 11).
 */
const HOUR = 3_600_000
const MINUTE = 60_000
const LOC = { lat: 31.6232, lng: 99.9905 }
const ORG_ADMIN = 'u-zhaozhiqiang'
const OFFICIAL = 'u-lixiuying'
const UNSAFE = '六合彩'

let env: TestEnv
let db: DataPort
beforeEach(async () => {
  env = await testEnv()
  db = env.rt.db
})
afterEach(() => env.close())

const codeNow = async (taskId: string): Promise<string> =>
  (await env.ok('volunteer', ORG_ADMIN, 'getTaskCode', { taskId })).code

describe('item 3: only the organisation’s own people are credited for its work', () => {
  async function takenNeed(): Promise<void> {
    await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID })
  }
  const complete = (userId: string, hours = 2) =>
    env.call('volunteer', ORG_ADMIN, 'completeNeed', {
      needId: SEED_NEED_ID,
      outcome: '已换水龙头',
      volunteers: [{ userId, hours }],
    })

  it('refuses a resident of another county, a guessed id and a neighbour who never signed up, alike', async () => {
    await takenNeed()
    // 杨立新 lives in 崆峒区; 王德明 lives in 旭日岭 but never signed up for the team's tasks
    const replies = await Promise.all(['u-yanglixin', 'u-no-such-person', 'u-wangdeming'].map((id) => complete(id, 24)))
    for (const r of replies) expect(r).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_PARTICIPANT' })
    // one answer whether the id exists or not: the reply tells nothing about who is there
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1)
    expect(JSON.stringify(replies)).not.toMatch(/杨立新|王德明/)
    expect(await db.get(C.volunteer_needs, SEED_NEED_ID)).toMatchObject({ status: 'taken', volunteers: [] })
  })

  it('refuses a volunteer whose sign-up was cancelled or only waitlisted, or who moved out of the area', async () => {
    const task = await postTask(env, { slots: 1 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-gesang', 'signup', { taskId: task.id }) // waitlisted
    await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: SEED_TASK_IDS[0] })
    await env.ok('volunteer', 'u-wangdeming', 'cancelSignup', { taskId: SEED_TASK_IDS[0] })
    await env.ok('volunteer', 'u-duoji', 'signup', { taskId: SEED_TASK_IDS[0] })
    await db.transaction((tx) => tx.update(C.users, 'u-duoji', { residenceUnitId: '620802001003-G01' }))
    await takenNeed()
    for (const id of ['u-gesang', 'u-wangdeming', 'u-duoji'])
      expect(await complete(id)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_PARTICIPANT' })
    // 卓玛 holds a place on the team's task; the admin is the team's own
    const done = await env.ok('volunteer', ORG_ADMIN, 'completeNeed', {
      needId: SEED_NEED_ID,
      outcome: '已换水龙头',
      volunteers: [
        { userId: 'u-zhuoma', hours: 1.5 },
        { userId: ORG_ADMIN, hours: 1.5 },
      ],
    })
    expect(done.volunteers.map((v: { name: string }) => v.name).sort()).toEqual(['卓玛', '赵志强'].sort())
  })

  it('one refused name refuses the whole report', async () => {
    await takenNeed()
    const r = await env.call('volunteer', ORG_ADMIN, 'completeNeed', {
      needId: SEED_NEED_ID,
      outcome: '已换水龙头',
      volunteers: [
        { userId: ORG_ADMIN, hours: 1 },
        { userId: 'u-yanglixin', hours: 24 },
      ],
    })
    expect(r).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_PARTICIPANT' })
    expect(await db.get(C.volunteer_needs, SEED_NEED_ID)).toMatchObject({ status: 'taken', volunteers: [] })
  })

  it('an adjustment never confirms more hours than the task lasted', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(4 * HOUR)
    const over = await env.call('volunteer', ORG_ADMIN, 'confirmAttendance', {
      signupId: s.signup.id,
      attended: true,
      hours: 24,
      reason: '全天帮忙',
    })
    expect(over).toMatchObject({ ok: false, code: 'VOLUNTEER.HOURS_OVER_TASK', message: expect.stringContaining('2') })
    expect((await env.ok('volunteer', 'u-zhuoma', 'myHours', {})).totalHours).toBe(0)
    const ok = await env.ok('volunteer', ORG_ADMIN, 'confirmAttendance', {
      signupId: s.signup.id,
      attended: true,
      hours: 2,
      reason: '忘记签到',
    })
    expect(ok.row).toMatchObject({ confirmedHours: 2 })
  })
})

describe('item 8: the organiser’s phone in full only for those signed up, the team and officials over it', () => {
  it('by role on getTask and on the task lists', async () => {
    const task = await postTask(env, { slots: 1 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-gesang', 'signup', { taskId: task.id }) // waitlisted: signed up too
    await env.ok('volunteer', 'u-duoji', 'signup', { taskId: SEED_TASK_IDS[0] })
    await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-wangdeming', 'cancelSignup', { taskId: task.id })
    const seen = async (userId: string) => {
      const t = await env.ok<TaskView>('volunteer', userId, 'getTask', { taskId: task.id })
      return [t.contactPhone, t.contactPhoneMasked]
    }
    const full = ['13908361240', false]
    const masked = ['139****1240', true]
    expect(await seen('u-zhuoma')).toEqual(full) // signed up
    expect(await seen('u-gesang')).toEqual(full) // waitlisted
    expect(await seen(ORG_ADMIN)).toEqual(full) // the team's admin
    expect(await seen(OFFICIAL)).toEqual(full) // the village official
    expect(await seen('u-zhoumin')).toEqual(full) // the township's dispatcher
    expect(await seen('u-wangdeming')).toEqual(masked) // cancelled
    expect(await seen('u-duoji')).toEqual(masked) // signed up for another task
    expect(await seen('u-zhaxi')).toEqual(masked) // a neighbour
    expect(await seen('u-ciren')).toEqual(masked) // a grid worker of another village
    expect(await seen('u-yanglixin')).toEqual(masked) // a resident of another county
    expect(await seen('u-sunli')).toEqual(masked) // a dispatcher of another county

    const card = async (userId: string) =>
      (await env.ok('volunteer', userId, 'listTasks', { pageSize: 50 })).items.find((t: TaskView) => t.id === task.id)
        .contactPhone
    expect(await card('u-zhuoma')).toBe('13908361240')
    expect(await card('u-zhaxi')).toBe('139****1240')
    const own = await env.ok('volunteer', ORG_ADMIN, 'listOrgTasks', { orgId: SEED_ORG_ID })
    expect(own.items.find((t: TaskView) => t.id === task.id).contactPhone).toBe('13908361240')
  })

  it('a sign-up reply shows the phone; the reply to a cancellation no longer does', async () => {
    const task = await postTask(env)
    expect((await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })).task.contactPhone).toBe('13908361240')
    expect((await env.ok('volunteer', 'u-zhuoma', 'cancelSignup', { taskId: task.id })).task.contactPhone).toBe(
      '139****1240',
    )
  })

  it('a public need shows no names and no notes; its poster and the village see both', async () => {
    await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID })
    await env.ok('volunteer', ORG_ADMIN, 'completeNeed', {
      needId: SEED_NEED_ID,
      outcome: '已换水龙头',
      volunteers: [{ userId: ORG_ADMIN, hours: 1 }],
    })
    await env.ok('volunteer', 'u-wangdeming', 'confirmNeed', { needId: SEED_NEED_ID, note: '李桂芳老人很满意' })
    await env.ok('volunteer', OFFICIAL, 'verifyNeed', { needId: SEED_NEED_ID, approve: true })
    const pub = (await env.ok('volunteer', 'u-zhuoma', 'listPublicNeeds', {})).items[0]
    expect(pub).toMatchObject({ posterName: '王*明', volunteers: [{ name: '赵*强', hours: 1 }] })
    expect(pub.transitions.every((t: { note: string | null }) => t.note === null)).toBe(true)
    const mine = (await env.ok('volunteer', 'u-wangdeming', 'myNeeds', {})).items[0]
    expect(mine.transitions.find((t: { transition: string }) => t.transition === 'confirm').note).toBe(
      '李桂芳老人很满意',
    )
  })
})

describe('item 10: check-in codes change every minute; check-ins only around the task’s time', () => {
  it('a code from the minute before is taken, one from two minutes before is refused', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    for (const u of ['u-zhuoma', 'u-wangdeming']) await env.ok('volunteer', u, 'signup', { taskId: task.id })
    env.clock.advance(HOUR)
    const old = await codeNow(task.id)
    env.clock.advance(MINUTE)
    const recent = await codeNow(task.id)
    expect(recent).not.toBe(old)
    env.clock.advance(MINUTE)
    // now: `recent` is last minute's, `old` two minutes old (a photo passed around the group chat)
    expect(await env.call('volunteer', 'u-wangdeming', 'checkIn', { taskId: task.id, code: old })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.BAD_CODE',
    })
    expect(await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code: recent })).toMatchObject({
      checkInAt: env.clock.now(),
    })
    const t = await db.get(C.volunteer_tasks, task.id)
    // the code the organiser's page shows now checks the other one in; the old fixed format opens nothing
    expect(
      await env.call('volunteer', 'u-wangdeming', 'checkIn', { taskId: task.id, code: `LLVT1.${task.id}.abc` }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.BAD_CODE' })
    const scanned = checkinCode(t!, env.clock.now()).payload
    expect(await env.ok('volunteer', 'u-wangdeming', 'checkIn', { taskId: task.id, code: scanned })).toMatchObject({
      checkInAt: env.clock.now(),
    })
  })

  it('check-in from half an hour before the start to the end; check-out from the start to two hours after', async () => {
    const task = await postTask(env, { inHours: 2, hours: 2 })
    const start = task.startAt
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    env.clock.set(start - 31 * MINUTE)
    const early = await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: LOC })
    expect(early).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKIN_NOT_OPEN' })
    if (!early.ok) expect(early.message).toMatch(/签到时间是 2026年3月2日 11:30 到 2026年3月2日 14:00/)
    // the code does not open the window either
    expect(
      await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code: await codeNow(task.id) }),
    ).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKIN_NOT_OPEN' })
    env.clock.set(start - 30 * MINUTE)
    await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: LOC })
    // checked in early: still no check-out before the task began
    env.clock.set(start - MINUTE)
    const before = await env.call('volunteer', 'u-zhuoma', 'checkOut', {
      taskId: task.id,
      code: await codeNow(task.id),
    })
    expect(before).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKOUT_NOT_OPEN' })
    if (!before.ok) expect(before.message).toMatch(/签退时间是 2026年3月2日 12:00 到 2026年3月2日 16:00/)
    // after the end nobody checks in any more
    env.clock.set(task.endAt + MINUTE)
    expect(await env.call('volunteer', 'u-wangdeming', 'checkIn', { taskId: task.id, location: LOC })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CHECKIN_NOT_OPEN',
    })
    // two hours after the end is the last moment to check out
    env.clock.set(task.endAt + 2 * HOUR + 1)
    expect(await env.call('volunteer', 'u-zhuoma', 'checkOut', { taskId: task.id, location: LOC })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CHECKOUT_NOT_OPEN',
    })
    env.clock.set(task.endAt + 2 * HOUR)
    await env.ok('volunteer', 'u-zhuoma', 'checkOut', { taskId: task.id, location: LOC })
  })

  it('the organiser’s code says how many seconds it has left', async () => {
    const task = await postTask(env)
    env.clock.set(Math.floor(env.clock.now() / MINUTE) * MINUTE + 45_000)
    expect(await env.ok('volunteer', ORG_ADMIN, 'getTaskCode', { taskId: task.id })).toMatchObject({
      taskId: task.id,
      secondsLeft: 15,
      payload: expect.stringMatching(new RegExp(`^LLVT2\\.${task.id}\\.[0-9A-Za-z]{8}$`)),
    })
  })
})

describe('item 11: text others read passes the content check', () => {
  const start = T0 + 72 * HOUR
  const task = {
    orgId: SEED_ORG_ID,
    title: '河道清理',
    description: '清理垃圾',
    category: 'environment',
    placeName: '河边',
    location: LOC,
    startAt: start,
    endAt: start + HOUR,
    slots: 2,
    signupDeadline: start - HOUR,
    requirements: '',
    contactName: '赵志强',
  }
  const org = {
    name: '测试组织',
    kind: 'social_org',
    unitId: '513328100001',
    intro: '测试',
    contactName: '测试',
    contactPhone: '13900000000',
  }
  const need = { title: '借轮椅', description: '借一周', category: 'other', placeName: '家里' }
  type Case = [as: string, action: string, field: string, data: Record<string, unknown>]
  const cases: Case[] = [
    ...['name', 'intro', 'contactName'].map(
      (f) => [ORG_ADMIN, 'registerOrg', f, { ...org, [f]: `${UNSAFE}团队` }] as Case,
    ),
    [OFFICIAL, 'decideOrg', 'note', { orgId: 'org-xrl-lnxh', approve: false, note: UNSAFE }],
    ...['title', 'description', 'placeName', 'requirements', 'contactName'].map(
      (f) => [ORG_ADMIN, 'publishTask', f, { ...task, [f]: `${UNSAFE}点` }] as Case,
    ),
    ...['title', 'description', 'placeName'].map(
      (f) => ['u-zhuoma', 'createNeed', f, { ...need, [f]: `${UNSAFE}点` }] as Case,
    ),
    [OFFICIAL, 'reviewNeed', 'note', { needId: 'NEW', approve: false, note: UNSAFE }],
    ['u-zhuoma', 'withdrawNeed', 'note', { needId: 'NEW', note: UNSAFE }],
  ]

  it.each(cases)('%s %s: %s', async (as, action, _field, data) => {
    const posted = await env.ok('volunteer', 'u-zhuoma', 'createNeed', need)
    const input = data.needId === 'NEW' ? { ...data, needId: posted.id } : data
    const before = await db.count(C.requests, {})
    expect(await env.call('volunteer', as, action, input)).toMatchObject({ ok: false, code: 'COMMON.CONTENT_UNSAFE' })
    expect(await db.count(C.requests, {})).toBe(before)
  })

  it('the outcome of a job, the resident’s confirmation, the village’s verdict and an adjustment’s reason', async () => {
    await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID })
    const done = { needId: SEED_NEED_ID, outcome: UNSAFE, volunteers: [{ userId: ORG_ADMIN, hours: 1 }] }
    expect(await env.call('volunteer', ORG_ADMIN, 'completeNeed', done)).toMatchObject({
      code: 'COMMON.CONTENT_UNSAFE',
    })
    await env.ok('volunteer', ORG_ADMIN, 'completeNeed', { ...done, outcome: '已换好' })
    expect(
      await env.call('volunteer', 'u-wangdeming', 'confirmNeed', { needId: SEED_NEED_ID, note: UNSAFE }),
    ).toMatchObject({ code: 'COMMON.CONTENT_UNSAFE' })
    await env.ok('volunteer', 'u-wangdeming', 'confirmNeed', { needId: SEED_NEED_ID })
    expect(
      await env.call('volunteer', OFFICIAL, 'verifyNeed', { needId: SEED_NEED_ID, approve: false, note: UNSAFE }),
    ).toMatchObject({ code: 'COMMON.CONTENT_UNSAFE' })

    const t = await postTask(env, { inHours: 1, hours: 2 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: t.id })
    env.clock.advance(4 * HOUR)
    expect(
      await env.call('volunteer', ORG_ADMIN, 'confirmAttendance', {
        signupId: s.signup.id,
        attended: true,
        hours: 1,
        reason: UNSAFE,
      }),
    ).toMatchObject({ code: 'COMMON.CONTENT_UNSAFE' })
    expect(await db.get(C.volunteer_signups, s.signup.id)).toMatchObject({ attendance: 'pending' })
  })
})

describe('in Tibetan', () => {
  const BO = { lang: 'bo' as const }
  const TIBETAN = /[\u0F00-\u0FFF]/
  const CJK = /[\u3400-\u9fff]/

  it('refusals, with their parameters, and input checks naming fields by their Tibetan labels', async () => {
    await env.ok('volunteer', ORG_ADMIN, 'takeNeed', { needId: SEED_NEED_ID, orgId: SEED_ORG_ID })
    const r = await env.call(
      'volunteer',
      ORG_ADMIN,
      'completeNeed',
      { needId: SEED_NEED_ID, outcome: 'x', volunteers: [{ userId: 'u-yanglixin', hours: 1 }] },
      undefined,
      BO,
    )
    expect(r).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_PARTICIPANT', message: expect.stringMatching(TIBETAN) })

    const task = await postTask(env, { inHours: 2 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    const early = await env.call('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, location: LOC }, undefined, BO)
    expect(early).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKIN_NOT_OPEN' })
    if (!early.ok) {
      expect(early.message).toContain('སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 11:30')
      expect(early.message).not.toMatch(CJK)
    }
    const bad = await env.call('volunteer', 'u-zhuoma', 'createNeed', { title: '', category: 'x' }, undefined, BO)
    expect(bad).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' })
    if (!bad.ok) {
      expect(bad.message).toContain('འགོ་བརྗོད') // the title's label
      expect(bad.message).not.toMatch(CJK)
    }
  })

  it('views, the inbox and the hours record', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    const s = await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id }, undefined, BO)
    expect(s.task).toMatchObject({ statusLabel: 'མིང་འགོད་བཞིན་པ།', categoryLabel: 'ཁོར་ཡུག་གཙང་སྦྲ།' })
    expect(s.signup).toMatchObject({ statusLabel: 'མིང་འགོད་ཟིན།', attendanceLabel: 'གཏན་འཁེལ་སྒུག་བཞིན་པ།' })
    // the task starts within the day: the reminder timer's next run makes the reminder
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 1 })
    const inbox = await env.ok('volunteer', 'u-zhuoma', 'myInbox', {}, null, BO)
    expect(inbox.items[0].title).toBe('དང་བླངས་ཞབས་ཞུའི་དྲན་སྐུལ། 河道垃圾清理')
    expect(inbox.items[0].body).toContain('སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 11:00')
    // the same entry in Chinese for a Chinese reader
    expect((await env.ok('volunteer', 'u-zhuoma', 'myInbox', {})).items[0].title).toBe('志愿服务提醒：河道垃圾清理')

    env.clock.advance(3 * HOUR)
    await env.ok('volunteer', ORG_ADMIN, 'confirmAttendance', {
      signupId: s.signup.id,
      attended: true,
      hours: 2,
      reason: '忘记签到',
    })
    const hours = await env.ok('volunteer', 'u-zhuoma', 'myHours', {}, null, BO)
    expect(hours.entries.items[0]).toMatchObject({
      sourceLabel: 'དང་བླངས་ཞབས་ཞུའི་ལས་འགན།',
      note: '河道垃圾清理 (སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2, 旭日岭社区志愿服务队)',
    })
    const orgs = await env.ok('volunteer', ORG_ADMIN, 'myOrgs', {}, null, BO)
    expect(orgs.items[0]).toMatchObject({ kindLabel: 'དང་བླངས་ཞབས་ཞུ་རུ་ཁག', statusLabel: 'ཆོག་མཆན་ཐོབ་ཟིན།' })
    const need = (await env.ok('volunteer', 'u-wangdeming', 'myNeeds', {}, null, BO)).items[0]
    expect(need).toMatchObject({ statusLabel: 'ལེན་མཁན་སྒུག་བཞིན་པ།' })
    expect(need.transitions.map((t: { label: string }) => t.label)).toEqual(['དགོས་མཁོ་བཏོན།', 'གྲོང་ཚོས་གསལ་བསྒྲགས་བྱས།'])
  })

  it('a reminder is pushed in the recipient’s own language; old plain-text entries show as they are', async () => {
    const pushed: Array<{ title: string; body: string }> = []
    env.rt.notifier = { push: async (m) => void pushed.push({ title: m.title, body: m.body }) }
    await db.transaction((tx) => tx.update(C.users, 'u-zhuoma', { lang: 'bo' }))
    const task = await postTask(env, { inHours: 2 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await db.transaction((tx) =>
      tx.insert(C.volunteer_inbox, {
        _id: 'vi-legacy',
        userId: 'u-wangdeming',
        kind: 'reminder',
        title: '志愿服务提醒：旧任务',
        body: '明天 9 点在社区广场',
        taskId: null,
        needId: null,
        showAt: T0,
        createdAt: T0,
        voidedAt: null,
        pushedAt: null,
      }),
    )
    const { pushReminders } = await import('./volunteer.timers')
    expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 2 })
    expect(pushed).toEqual(
      expect.arrayContaining([
        { title: 'དང་བླངས་ཞབས་ཞུའི་དྲན་སྐུལ། 河道垃圾清理', body: expect.stringMatching(/^སྤྱི་ལོ་2026/) },
        { title: '志愿服务提醒：旧任务', body: '明天 9 点在社区广场' },
      ]),
    )
    expect((await env.ok('volunteer', 'u-wangdeming', 'myInbox', {}, null, BO)).items[0].title).toBe(
      '志愿服务提醒：旧任务',
    )
  })
})
