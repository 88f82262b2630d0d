import { testEnv, type TestEnv } from '../../tests/support/harness'
import { SEED_ORG_ID } from '../../seeds/volunteer.seed'
import { makeReminders, pushReminders } from './volunteer.timers'
import { volunteerFunction } from './function'
import { C } from '../_core/collections'
import { reminderOf } from './volunteer.repo'

const HOUR = 3_600_000
let env: TestEnv
const pushed: Array<{ userId: string; title: string }> = []
beforeEach(async () => {
  env = await testEnv()
  pushed.length = 0
  env.rt.notifier = { push: async (m) => void pushed.push({ userId: m.userId, title: m.title }) }
})
afterEach(() => env.close())

async function taskIn72Hours() {
  const start = env.clock.now() + 72 * HOUR
  const task = await env.ok('volunteer', 'u-zhaozhiqiang', 'publishTask', {
    orgId: SEED_ORG_ID,
    title: '敬老院陪护',
    description: '陪老人聊天、打扫房间',
    category: 'elderly',
    placeName: '县敬老院',
    location: { lat: 31.6232, lng: 99.9905 },
    radiusM: 200,
    startAt: start,
    endAt: start + 2 * HOUR,
    slots: 5,
    signupDeadline: start - HOUR,
    requirements: '',
    contactName: '赵志强',
    contactPhone: '13908361240',
    pointsRule: { earnsPoints: false, maxHours: 2 },
  })
  return task
}

it("pushes each sign-up's reminder once, a day before the task, and not for cancelled sign-ups", async () => {
  const task = await taskIn72Hours()
  await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
  await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
  await env.ok('volunteer', 'u-wangdeming', 'cancelSignup', { taskId: task.id })

  // two days before: nothing is due yet
  expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 0 })
  // a day before: 卓玛's reminder goes out; 王德明 cancelled, so his is void
  env.clock.advance(49 * HOUR)
  expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 1 })
  expect(pushed).toEqual([{ userId: 'u-zhuoma', title: expect.stringContaining('敬老院陪护') }])
  // the timer firing again sends nothing twice
  expect(await volunteerFunction.timers.pushReminders!.run(env.rt, env.clock.now())).toEqual({ pushed: 0 })
  expect(pushed).toHaveLength(1)
})

it('keeps what WeChat answered for each reminder, as for every other push (the people told read in one query)', async () => {
  env.rt.notifier = {
    push: async (m) =>
      m.userId === 'u-zhuoma' ? { status: 'sent' } : { status: 'failed', errcode: 43101, error: '用户拒绝接受消息' },
  }
  const task = await taskIn72Hours()
  await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
  await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
  env.clock.advance(49 * HOUR)
  expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 2 })
  const records = await env.rt.db.find(C.push_records, { where: { at: env.clock.now() } })
  expect(records.map((r) => [r.userId, r.status, r.errcode]).sort()).toEqual([
    ['u-wangdeming', 'failed', 43101],
    ['u-zhuoma', 'sent', null],
  ])
  expect(records[0]!.title).toContain('敬老院陪护')
})

describe('reminders made by the timer (issue #21: a sign-up writes none of its own)', () => {
  const reminders = (userId: string) =>
    env.rt.db.find(C.volunteer_inbox, { where: { userId, kind: 'reminder' }, limit: 50 })

  it('a sign-up writes no reminder; the run a day before makes it for who holds a slot then, once', async () => {
    const task = await taskIn72Hours()
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    expect(await reminders('u-zhuoma')).toEqual([])
    // two days before: nothing is due
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 0 })
    env.clock.advance(48 * HOUR)
    // two runs at once make it once
    const runs = await Promise.all([makeReminders(env.rt, env.clock.now()), makeReminders(env.rt, env.clock.now())])
    expect(runs.reduce((n, r) => n + r.made, 0)).toBe(1)
    const [made] = await reminders('u-zhuoma')
    expect(made).toMatchObject({ taskId: task.id, showAt: env.clock.now(), voidedAt: null, pushedAt: null })
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 0 })
    expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 1 })
  })

  it('cancelled before: none; signed up again after a cancel that voided one: a fresh one', async () => {
    const task = await taskIn72Hours()
    await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    await env.ok('volunteer', 'u-wangdeming', 'cancelSignup', { taskId: task.id })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(48 * HOUR)
    expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 1 })
    expect(pushed.map((p) => p.userId)).toEqual(['u-zhuoma'])
    expect(await reminders('u-wangdeming')).toEqual([])
    // 卓玛 cancels (her reminder is voided), then signs up again: the next run makes it afresh and pushes it
    await env.ok('volunteer', 'u-zhuoma', 'cancelSignup', { taskId: task.id })
    expect((await reminders('u-zhuoma'))[0]!.voidedAt).not.toBeNull()
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(HOUR)
    expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 1 })
    const [again] = await reminders('u-zhuoma')
    expect(again).toMatchObject({ voidedAt: null, pushedAt: env.clock.now() })
    expect(pushed.map((p) => p.userId)).toEqual(['u-zhuoma', 'u-zhuoma'])
  })

  it('moved up from the waitlist within the day: reminded in the next run; a task already started: none', async () => {
    const task = await taskIn72Hours()
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    await env.rt.db.transaction(async (tx) => {
      const c = (await tx.get(C.volunteer_task_counters, task.id))!
      await tx.set(C.volunteer_task_counters, { ...c, slots: 1 })
    })
    await env.rt.db.transaction(async (tx) => {
      const t = (await tx.get(C.volunteer_tasks, task.id))!
      await tx.set(C.volunteer_tasks, { ...t, slots: 1 })
    })
    const waiting = await env.ok('volunteer', 'u-wangdeming', 'signup', { taskId: task.id })
    expect(waiting.signup.status).toBe('waitlisted')
    env.clock.advance(60 * HOUR)
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 1 }) // 卓玛's only
    await env.ok('volunteer', 'u-zhuoma', 'cancelSignup', { taskId: task.id })
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 1 }) // 王德明, moved up
    expect((await reminders('u-wangdeming'))[0]).toMatchObject({ voidedAt: null, showAt: env.clock.now() })

    // a sign-up whose task has started by the time the timer runs (it was down) is taken off the list, unreminded
    const other = await taskIn72Hours()
    await env.ok('volunteer', 'u-duoji', 'signup', { taskId: other.id })
    env.clock.advance(73 * HOUR)
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 0 })
    expect(await reminders('u-duoji')).toEqual([])
    const s = await env.rt.db.find(C.volunteer_signups, { where: { taskId: other.id } })
    expect(s[0]!.remindAt).toBeNull()
  })

  it('a sign-up from before (no remindAt, its reminder written with it) is not reminded again', async () => {
    const task = await taskIn72Hours()
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    const [s] = await env.rt.db.find(C.volunteer_signups, { where: { taskId: task.id } })
    const { remindAt: _r, ...old } = s!
    await env.rt.db.transaction(async (tx) => {
      await tx.set(C.volunteer_signups, old)
      await tx.set(C.volunteer_inbox, {
        ...reminderOf((await tx.get(C.volunteer_tasks, task.id))!, s!._id, 'u-zhuoma', env.clock.now()),
        pushedAt: null,
      } as never)
    })
    env.clock.advance(49 * HOUR)
    expect(await makeReminders(env.rt, env.clock.now())).toEqual({ made: 0 })
    expect(await pushReminders(env.rt, env.clock.now())).toEqual({ pushed: 1 })
    expect(await reminders('u-zhuoma')).toHaveLength(1)
  })
})
