import { testEnv, type TestEnv } from '../../tests/support/harness'
import { SEED_ORG_ID } from '../../seeds/volunteer.seed'
import { pushReminders } from './volunteer.timers'
import { volunteerFunction } from './function'
import { C } from '../_core/collections'

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
