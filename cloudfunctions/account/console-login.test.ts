import { CONSOLE_TICKET_MS, parseConsoleLoginQr, stateAt, summariseUserAgent } from '@shared/account/console-login'
import { rid, testEnv, type TestEnv } from '../../tests/support/harness'
import { startTestHost, type TestHost } from '../../tests/support/host'
import { C } from '../_core/collections'
import { readQrDataUrl } from '../../tests/support/qr'
import { CONSOLE_TICKETS_A_MINUTE, claimConsoleLogin, startConsoleLogin } from '../_core/console-login'

const DISPATCHER = 'u-zhoumin'
const RESIDENT = 'u-zhuoma'
const BROWSER = { summary: 'Chrome 120 · Windows', place: null }

describe('console sign-in tickets (扫码登录)', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await testEnv()
  })
  afterEach(() => env.close())
  const start = () => startConsoleLogin(env.rt.db, BROWSER, env.clock.now())
  const claim = (t: { ticketId: string; secret: string }) =>
    claimConsoleLogin(env.rt.db, t.ticketId, t.secret, env.clock.now())

  it('one address gets so many tickets a minute, exactly, however many ask at once; others and the next minute are not held', async () => {
    const ask = (source: string) =>
      startConsoleLogin(env.rt.db, BROWSER, env.clock.now(), source).then(
        () => 'ticket',
        (err: unknown) => (err as Error).message,
      )
    const got = await Promise.all(Array.from({ length: CONSOLE_TICKETS_A_MINUTE + 15 }, () => ask('203.0.113.7')))
    expect(got.filter((g) => g === 'ticket')).toHaveLength(CONSOLE_TICKETS_A_MINUTE)
    expect(new Set(got.filter((g) => g !== 'ticket'))).toEqual(
      new Set(['这台电脑刚才要了太多登录二维码，请过一分钟再刷新']),
    )
    expect(await env.rt.db.count(C.console_logins)).toBe(CONSOLE_TICKETS_A_MINUTE)
    // another address is not held by it; the same one again a minute later
    expect(await ask('198.51.100.2')).toBe('ticket')
    env.clock.advance(60_000)
    expect(await ask('203.0.113.7')).toBe('ticket')
  })

  it('the QR carries the ticket id only; the official sees the browser; confirming signs the browser in once', async () => {
    const t = await start()
    const scanned = readQrDataUrl(t.qrDataUrl)!
    expect(parseConsoleLoginQr(scanned)).toBe(t.ticketId)
    expect(scanned).not.toContain(t.secret)
    expect(await claim(t)).toEqual({ status: 'waiting' })

    const seen = await env.ok('account', DISPATCHER, 'getConsoleLogin', { ticketId: t.ticketId })
    expect(seen).toMatchObject({ status: 'waiting', browser: BROWSER, expiresAt: env.clock.now() + CONSOLE_TICKET_MS })
    const decided = await env.ok('account', DISPATCHER, 'decideConsoleLogin', { ticketId: t.ticketId, approve: true })
    expect(decided.status).toBe('confirmed')

    const first = await claim(t)
    expect(first).toMatchObject({ status: 'signed_in', user: { _id: DISPATCHER }, sessionGen: 0 })
    // one use: the second claim, and the phone looking again, find it used
    expect(await claim(t)).toEqual({ status: 'used' })
    expect((await env.ok('account', DISPATCHER, 'getConsoleLogin', { ticketId: t.ticketId })).status).toBe('used')
    expect(
      await env.call('account', DISPATCHER, 'decideConsoleLogin', { ticketId: t.ticketId, approve: true }),
    ).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKET_DECIDED',
    })
  })

  it('a denied ticket signs nobody in, and cannot be confirmed afterwards', async () => {
    const t = await start()
    await env.ok('account', DISPATCHER, 'decideConsoleLogin', { ticketId: t.ticketId, approve: false })
    expect(await claim(t)).toEqual({ status: 'denied' })
    expect(
      await env.call('account', DISPATCHER, 'decideConsoleLogin', { ticketId: t.ticketId, approve: true }),
    ).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKET_DECIDED',
    })
    expect(await claim(t)).toEqual({ status: 'denied' })
  })

  it('expires: unconfirmed after its minutes it cannot be confirmed; confirmed but unclaimed it gives nothing', async () => {
    const a = await start()
    env.clock.advance(CONSOLE_TICKET_MS)
    expect(
      await env.call('account', DISPATCHER, 'decideConsoleLogin', { ticketId: a.ticketId, approve: true }),
    ).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKET_EXPIRED',
    })
    expect(await claim(a)).toEqual({ status: 'expired' })

    const b = await start()
    env.clock.advance(CONSOLE_TICKET_MS - 1)
    await env.ok('account', DISPATCHER, 'decideConsoleLogin', { ticketId: b.ticketId, approve: true })
    env.clock.advance(1)
    expect(await claim(b)).toEqual({ status: 'expired' })
  })

  it('only the browser that asked can claim; residents cannot confirm; an unknown ticket is not found', async () => {
    const t = await start()
    await env.ok('account', DISPATCHER, 'decideConsoleLogin', { ticketId: t.ticketId, approve: true })
    await expect(claim({ ticketId: t.ticketId, secret: 'x'.repeat(32) })).rejects.toMatchObject({
      code: 'ACCOUNT.CONSOLE_TICKET_NOT_FOUND',
    })
    expect((await claim(t)).status).toBe('signed_in')
    const u = await start()
    expect(
      await env.call('account', RESIDENT, 'decideConsoleLogin', { ticketId: u.ticketId, approve: true }),
    ).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    expect(await env.call('account', DISPATCHER, 'getConsoleLogin', { ticketId: 'cl_nothing_here' })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKET_NOT_FOUND',
    })
  })

  it('ticket states: waiting and confirmed expire, the decided and used ones stay', () => {
    const at = { expiresAt: 100 }
    expect(stateAt({ ...at, status: 'waiting' }, 99)).toBe('waiting')
    expect(stateAt({ ...at, status: 'waiting' }, 100)).toBe('expired')
    expect(stateAt({ ...at, status: 'confirmed' }, 100)).toBe('expired')
    expect(stateAt({ ...at, status: 'denied' }, 1000)).toBe('denied')
    expect(stateAt({ ...at, status: 'used' }, 1000)).toBe('used')
  })

  it('summarises a browser without its whole User-Agent', () => {
    expect(
      summariseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome 120 · Windows')
    expect(
      summariseUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      ),
    ).toBe('Safari 17 · macOS')
    expect(summariseUserAgent('')).toBe('?')
  })
})

describe('console sign-in through the local host, and signing out everywhere', () => {
  let host: TestHost
  beforeEach(async () => {
    host = await startTestHost()
  })
  afterEach(() => host.close())

  it('the host holds one address to its tickets a minute: then 429 and a plain message', async () => {
    for (let i = 0; i < CONSOLE_TICKETS_A_MINUTE; i++)
      expect((await host.post('/api/console-login', {})).status).toBe(200)
    const held = await host.post('/api/console-login', {})
    expect(held.status).toBe(429)
    expect(held.json).toMatchObject({
      ok: false,
      code: 'ACCOUNT.CONSOLE_TICKETS_TOO_MANY',
      message: '这台电脑刚才要了太多登录二维码，请过一分钟再刷新',
    })
  })

  it('the PC asks, the phone confirms, the PC claims a session once; signing out everywhere ends it', async () => {
    const ticket = await host.post('/api/console-login', {}, undefined, {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    })
    expect(ticket.status).toBe(200)
    const t = ticket.json.data as { ticketId: string; secret: string }
    const phone = await host.token(DISPATCHER)
    const seen = await host.post(
      '/api/fn/account',
      { action: 'getConsoleLogin', data: { ticketId: t.ticketId } },
      phone,
    )
    expect(seen.json).toMatchObject({ ok: true, data: { browser: { summary: 'Chrome 131 · Linux' } } })
    expect((await host.post('/api/console-login/claim', t)).json).toEqual({ ok: true, data: { status: 'waiting' } })
    await host.post(
      '/api/fn/account',
      { action: 'decideConsoleLogin', data: { ticketId: t.ticketId, approve: true }, requestId: rid('dc') },
      phone,
    )
    const claimed = await host.post('/api/console-login/claim', t)
    expect(claimed.json).toMatchObject({ ok: true, data: { status: 'signed_in', user: { id: DISPATCHER } } })
    const pc = (claimed.json.data as { token: string }).token
    expect((await host.post('/api/console-login/claim', t)).json).toEqual({ ok: true, data: { status: 'used' } })
    const me = await host.post('/api/fn/account', { action: 'getMe', data: {} }, pc)
    expect(me.json).toMatchObject({ ok: true })

    // a forged secret gets nothing
    const wrong = await host.post('/api/console-login/claim', { ticketId: t.ticketId, secret: 'nope' })
    expect(wrong.status).toBe(404)
    expect(wrong.json).toMatchObject({ ok: false, code: 'ACCOUNT.CONSOLE_TICKET_NOT_FOUND' })

    // sign out everywhere (from the phone): the PC's session and the phone's own are refused from then on
    const out = await host.post(
      '/api/fn/account',
      { action: 'signOutEverywhere', data: {}, requestId: rid('so') },
      phone,
    )
    expect(out.json).toEqual({ ok: true, data: { sessionGen: 1 } })
    for (const token of [pc, phone]) {
      const refused = await host.post('/api/fn/account', { action: 'getMe', data: {} }, token)
      expect(refused.status).toBe(401)
      expect(refused.json).toMatchObject({ ok: false, code: 'COMMON.SESSION_EXPIRED' })
    }
    // a fresh session is of the new generation and works
    expect(
      (await host.post('/api/fn/account', { action: 'getMe', data: {} }, await host.token(DISPATCHER))).json,
    ).toMatchObject({
      ok: true,
    })
  })
})
