import { consoleLogin, consoleLoginEventOf } from './cloudbase-console-login'
import { CONSOLE_TICKETS_A_MINUTE } from './console-login'
import { cloudbaseMain, identityOf } from './cloudbase-main'
import { createLocalRuntime } from './local-runtime'
import type { Identity } from './caller'
import { defineFunction, type CloudFunction } from './wrap'

/** The CloudBase entry point takes the caller from the platform's context, never from the event. */
describe('cloudbaseMain', () => {
  const seen: Array<{ body: unknown; identity: Identity }> = []
  let timerRuns = 0
  const fn: CloudFunction = {
    name: 'probe',
    contract: { name: 'probe', title: 'probe', actions: {} },
    timers: { sweep: { everyMinutes: 5, run: async () => ++timerRuns } },
    handle: async (body, identity) => {
      seen.push({ body, identity })
      return { ok: true, data: null }
    },
  }
  const main = cloudbaseMain(fn)
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    seen.length = 0
  })

  it('uses the OPENID CloudBase injects, whatever the event claims', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = 'o-real-user'
    await main({ action: 'getMe', data: { openid: 'o-forged' }, userInfo: { openId: 'o-forged' }, openid: 'o-forged' })
    expect(seen[0]!.identity).toEqual({ kind: 'wechat', openid: 'o-real-user' })
  })

  it('reads the OPENID from the invocation context when the platform passes it there', async () => {
    delete process.env.WX_OPENID
    const context = { environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-from-context' }) }
    await main({ action: 'getMe', data: {} }, context)
    expect(seen[0]!.identity).toEqual({ kind: 'wechat', openid: 'o-from-context' })
  })

  it('is anonymous when the platform gives no OPENID', async () => {
    delete process.env.WX_OPENID
    await main({ action: 'getMe', data: {}, userInfo: { openId: 'o-forged' } })
    expect(seen[0]!.identity).toEqual({ kind: 'anonymous' })
  })

  const timerContext = (extra: Record<string, string> = {}) => ({
    environment: JSON.stringify({ TRIGGER_SRC: 'timer', ...extra }),
  })

  it("routes the platform's timer triggers to the function's timers", async () => {
    delete process.env.WX_OPENID
    const before = timerRuns
    expect(await main({ Type: 'Timer', TriggerName: 'sweep', Time: '2026-03-02T02:00:00Z' }, timerContext())).toEqual({
      ok: true,
      data: before + 1,
    })
    expect(seen).toHaveLength(0)
  })

  // issue #16 item 9: the body alone proves nothing; a user's timer-shaped call is a normal call
  it.each([
    [
      'a mini-program user (OPENID in the environment)',
      () => Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-user' }),
      undefined,
    ],
    ['a mini-program user (OPENID in the context)', () => undefined, timerContext({ WX_OPENID: 'o-user' })],
    ['a user known by UNIONID', () => undefined, timerContext({ WX_UNIONID: 'u-union' })],
    ['a call over HTTP access', () => undefined, { environment: JSON.stringify({ TRIGGER_SRC: 'http' }) }],
    ['an SDK call', () => undefined, { environment: JSON.stringify({ TRIGGER_SRC: 'tcb' }) }],
  ])('never runs a timer for %s', async (_label, setup, context) => {
    delete process.env.WX_OPENID
    setup()
    const before = timerRuns
    await main({ Type: 'Timer', TriggerName: 'sweep' }, context)
    expect(timerRuns).toBe(before)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.body).toEqual({ Type: 'Timer', TriggerName: 'sweep' })
  })

  it.each(['nope', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'treats a timer trigger naming no timer of its own (%s) as a normal call',
    async (name) => {
      delete process.env.WX_OPENID
      const before = timerRuns
      await main({ Type: 'Timer', TriggerName: name }, timerContext())
      expect(timerRuns).toBe(before)
      expect(seen).toHaveLength(1)
    },
  )
})

/** The same through the real wrapper: a timer-shaped call from a user is refused like any call without an action. */
describe('cloudbaseMain with a real function', () => {
  it('answers a forged timer call as an unknown action, and runs nothing', async () => {
    let runs = 0
    const fn = defineFunction(
      { name: 'probe2', title: 'probe', actions: {} },
      {},
      {
        sweep: { everyMinutes: 5, run: async () => ++runs },
      },
    )
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-user' })
    const reply = await cloudbaseMain(fn)({ Type: 'Timer', TriggerName: 'sweep', action: 'sweep' })
    delete process.env.WX_OPENID
    expect(reply).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' })
    expect(runs).toBe(0)
  })
})

describe('console sign-in on CloudBase', () => {
  it('a custom login of <userId>.<generation> is that user in that generation; anything else is no one', () => {
    expect(identityOf({ TCB_CUSTOM_USER_ID: 'u-zhoumin.3' })).toEqual({ kind: 'user', userId: 'u-zhoumin', gen: 3 })
    expect(identityOf({ TCB_CUSTOM_USER_ID: 'wx_0123456789abcdef01234567.0' })).toEqual({
      kind: 'user',
      userId: 'wx_0123456789abcdef01234567',
      gen: 0,
    })
    expect(identityOf({ TCB_CUSTOM_USER_ID: 'u-zhoumin' })).toEqual({ kind: 'anonymous' })
    expect(identityOf({})).toEqual({ kind: 'anonymous' })
    // WeChat's own caller wins over anything else in the context
    expect(identityOf({ WX_OPENID: 'o-1', TCB_CUSTOM_USER_ID: 'u-zhoumin.0' })).toEqual({
      kind: 'wechat',
      openid: 'o-1',
    })
  })

  it('reads only the two browser steps, bounded', () => {
    expect(consoleLoginEventOf({ consoleLogin: 'start', userAgent: 'x'.repeat(1000) })).toEqual({
      consoleLogin: 'start',
      userAgent: 'x'.repeat(400),
    })
    expect(consoleLoginEventOf({ consoleLogin: 'claim', ticketId: 'cl_1', secret: 's' })).toEqual({
      consoleLogin: 'claim',
      ticketId: 'cl_1',
      secret: 's',
    })
    expect(consoleLoginEventOf({ consoleLogin: 'claim', ticketId: 1 })).toBeNull()
    expect(consoleLoginEventOf({ action: 'getMe' })).toBeNull()
  })

  it('starts a ticket for an anonymous browser and tells a claim that waits', async () => {
    const rt = createLocalRuntime({ dbFile: ':memory:' })
    const started = await consoleLogin(
      rt,
      { consoleLogin: 'start', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0' },
      {},
    )
    expect(started.ok).toBe(true)
    const t = (started as { data: { ticketId: string; secret: string } }).data
    expect(await consoleLogin(rt, { consoleLogin: 'claim', ticketId: t.ticketId, secret: t.secret }, {})).toEqual({
      ok: true,
      data: { status: 'waiting' },
    })
    expect(await consoleLogin(rt, { consoleLogin: 'claim', ticketId: t.ticketId, secret: 'wrong' }, {})).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKET_NOT_FOUND',
    })
    await rt.db.close()
  })

  it("holds a browser's address (the platform's TCB_SOURCE_IP) to its tickets a minute, in the caller's language", async () => {
    const rt = createLocalRuntime({ dbFile: ':memory:' })
    const start = (ip: string) =>
      consoleLogin(rt, { consoleLogin: 'start', userAgent: 'Chrome/120.0', lang: 'bo' }, { TCB_SOURCE_IP: ip })
    for (let i = 0; i < CONSOLE_TICKETS_A_MINUTE; i++) expect((await start('203.0.113.9')).ok).toBe(true)
    expect(await start('203.0.113.9')).toEqual({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKETS_TOO_MANY',
      message: 'གློག་ཀླད་འདིས་ད་ལྟ་ནང་འཛུལ་ཨང་རྟགས་མང་དྲགས་བླངས་འདུག སྐར་མ་གཅིག་འགོར་རྗེས་བསྐྱར་གསོ་བྱེད་རོགས།',
    })
    expect((await start('203.0.113.10')).ok).toBe(true)
    await rt.db.close()
  })
})
