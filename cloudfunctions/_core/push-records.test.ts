import { testEnv, type TestEnv } from '../../tests/support/harness'
import { cloudbaseNotifier } from './cloudbase-services'
import { portOver } from '../../tests/support/ports'
import { C } from './collections'
import type { OutgoingPush } from './notifier'
import { pushAll } from './wrap'

/** A stand-in for the SDK's app: WeChat's answers to subscribeMessage.send, in the order given. */
function fakeWeChat(answers: Array<{ errcode: number } | Error>) {
  const sent: Array<{ apiName: string; requestData: Record<string, unknown> }> = []
  const app = {
    callWxOpenApi: async (req: { apiName: string; requestData: Record<string, unknown> }) => {
      sent.push(req)
      const a = answers.shift() ?? { errcode: 0 }
      if (a instanceof Error) throw a
      return { result: JSON.stringify(a) }
    },
  }
  return { app: app as never, sent }
}
const quiet = { info: () => undefined, error: () => undefined }
const push = (over: Partial<OutgoingPush> = {}): OutgoingPush => ({
  userId: 'u-zhuoma',
  openid: 'o-zhuoma',
  title: '您上报的事件有新进展：已受理并派到网格员',
  body: '网格员扎西已受理',
  incidentId: 'inc-1',
  at: Date.UTC(2026, 2, 2, 2, 5),
  ...over,
})

describe('the subscribe-message notifier returns what WeChat answered', () => {
  it('sent, refused (43101), failed with its code, failed when the call throws', async () => {
    const refusedByThrow = Object.assign(new Error('errCode: 43101 user refuse to accept the msg'), { errCode: 43101 })
    const { app, sent } = fakeWeChat([
      { errcode: 0 },
      { errcode: 43101 },
      { errcode: 47003 },
      new Error('network down'),
      refusedByThrow,
    ])
    const n = cloudbaseNotifier(app, quiet, 'tpl-1')
    expect(await n.push(push())).toEqual({ status: 'sent' })
    expect(await n.push(push())).toEqual({ status: 'refused', errcode: 43101 })
    expect(await n.push(push())).toEqual({ status: 'failed', errcode: 47003, error: 'errcode 47003' })
    expect(await n.push(push())).toEqual({ status: 'failed', errcode: null, error: 'network down' })
    expect(await n.push(push())).toEqual({ status: 'refused', errcode: 43101 })
    expect(sent[0]).toEqual({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: 'o-zhuoma',
        template_id: 'tpl-1',
        page: 'packages/incident/pages/detail/index?id=inc-1',
        data: {
          thing1: { value: '您上报的事件有新进展：已受理并派到网格员'.slice(0, 20) },
          thing2: { value: '网格员扎西已受理' },
          time3: { value: '2026-03-02 10:05' },
        },
      },
    })
  })

  it('skips without asking WeChat when no template is configured or the person has no WeChat account', async () => {
    const { app, sent } = fakeWeChat([])
    expect(await cloudbaseNotifier(app, quiet, undefined).push(push())).toEqual({
      status: 'skipped',
      reason: 'no_template',
    })
    expect(await cloudbaseNotifier(app, quiet, 'tpl-1').push(push({ openid: null }))).toEqual({
      status: 'skipped',
      reason: 'no_openid',
    })
    expect(sent).toHaveLength(0)
  })
})

describe('send records (push_records), for admins', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await testEnv()
  })
  afterEach(() => env.close())
  const message = (userId: string) => ({
    userId,
    title: '有新的事件',
    body: '请处理',
    incidentId: null,
    at: env.clock.now(),
  })

  it('records each outcome with its code; admins see them newest first, names masked; others may not', async () => {
    const { app } = fakeWeChat([{ errcode: 0 }, { errcode: 43101 }, { errcode: 40037 }])
    env.rt.notifier = cloudbaseNotifier(app, quiet, 'tpl-1')
    // demo users have no OPENID: give two of them one, as WeChat users have
    await env.rt.db.transaction(async (tx) => {
      await tx.update(C.users, 'u-zhuoma', { openid: 'o-zhuoma' })
      await tx.update(C.users, 'u-zhaxi', { openid: 'o-zhaxi' })
      await tx.update(C.users, 'u-zhoumin', { openid: 'o-zhoumin' })
    })
    await pushAll(env.rt, [message('u-zhuoma')])
    env.clock.advance(1000)
    await pushAll(env.rt, [message('u-zhaxi')])
    env.clock.advance(1000)
    await pushAll(env.rt, [message('u-zhoumin')])
    env.clock.advance(1000)
    await pushAll(env.rt, [message('u-wangdeming')])

    const all = await env.ok<{ items: Array<Record<string, unknown>>; total: number }>(
      'account',
      'u-zhangwei',
      'listPushRecords',
      {},
    )
    expect(all.total).toBe(4)
    expect(all.items.map((i) => [i.status, i.errcode, i.reason])).toEqual([
      ['skipped', null, 'no_openid'],
      ['failed', 40037, 'errcode 40037'],
      ['refused', 43101, null],
      ['sent', null, null],
    ])
    expect(all.items.at(-1)).toMatchObject({ userName: '卓*', statusLabel: '已发出', title: '有新的事件' })
    const refused = await env.ok<{ items: unknown[] }>('account', 'u-zhangwei', 'listPushRecords', {
      status: 'refused',
    })
    expect(refused.items).toHaveLength(1)
    expect(await env.call('account', 'u-zhaxi', 'listPushRecords', {})).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
  })

  it('sends every push at once (WeChat answers none until all three are asked) and keeps the answers in one insert', async () => {
    let release = () => undefined as void
    const allAsked = new Promise<void>((r) => (release = r))
    const asked: string[] = []
    const app = {
      callWxOpenApi: async (req: { requestData: { touser: string } }) => {
        asked.push(req.requestData.touser)
        if (asked.length === 3) release()
        await allAsked
        return { result: JSON.stringify({ errcode: req.requestData.touser === 'o-zhaxi' ? 43101 : 0 }) }
      },
    }
    env.rt.notifier = cloudbaseNotifier(app as never, quiet, 'tpl-1')
    await env.rt.db.transaction(async (tx) => {
      for (const u of ['u-zhuoma', 'u-zhaxi', 'u-zhoumin']) await tx.update(C.users, u, { openid: `o-${u.slice(2)}` })
    })
    const inserts: number[] = []
    const db = env.rt.db
    const watched = portOver(db, {
      insert: (c, d) => (inserts.push(1), db.insert(c, d)),
      insertMany: (c, ds) => (inserts.push(ds.length), db.insertMany(c, ds)),
    })
    await pushAll({ ...env.rt, db: watched }, [message('u-zhuoma'), message('u-zhaxi'), message('u-zhoumin')])
    expect(asked.sort()).toEqual(['o-zhaxi', 'o-zhoumin', 'o-zhuoma'])
    expect(inserts).toEqual([3])
    const kept = await db.find(C.push_records, { limit: 10 })
    expect(kept.map((r) => `${r.userId} ${r.status}`).sort()).toEqual([
      'u-zhaxi refused',
      'u-zhoumin sent',
      'u-zhuoma sent',
    ])
  })

  it('the local host has no channel to answer: nothing is recorded', async () => {
    await pushAll(env.rt, [message('u-zhuoma')])
    expect(await env.rt.db.count(C.push_records, {})).toBe(0)
  })
})
