import type { Reply } from '../tests/support/harness'
import { startTestHost, type TestHost } from '../tests/support/host'
import { C } from '../cloudfunctions/_core/collections'
import { signSession } from '../cloudfunctions/_core/session'

let host: TestHost
let official: string
beforeAll(async () => {
  host = await startTestHost()
  official = await host.token('u-lixiuying')
})
afterAll(() => host.close())

const invite = (requestId: string) => ({
  action: 'createInvite',
  data: { role: 'store_keeper', unitId: '513328100001' },
  requestId,
})

describe('HTTP contract of the local host', () => {
  it('GET /api/dev/users lists the demo users with their roles', async () => {
    const res = await fetch(`${host.url}/api/dev/users`)
    const body = (await res.json()) as Reply
    expect(body.ok).toBe(true)
    const zhaxi = body.data.users.find((u: { id: string }) => u.id === 'u-zhaxi')
    expect(zhaxi.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'grid_worker', roleLabel: '网格员' })]),
    )
  })

  it('POST /api/dev/login returns a token; unknown users get a Chinese error', async () => {
    const ok = await host.post('/api/dev/login', { userId: 'u-zhuoma' })
    expect(ok.json.data.token).toMatch(/\./)
    const bad = await host.post('/api/dev/login', { userId: 'u-ghost' })
    expect(bad.status).toBe(404)
    expect(bad.json).toMatchObject({ ok: false, message: expect.stringMatching(/演示用户/) })
  })

  it('POST /api/dev/login { openid } acts as a first-time WeChat user: the first call makes the account', async () => {
    const login = await host.post('/api/dev/login', { openid: 'o-demo-first-time' })
    expect(login.json.data.user.name).toBe('微信用户')
    const token = login.json.data.token as string
    const first = await host.post('/api/fn/account', { action: 'getMe' }, token)
    expect(first.json.data).toMatchObject({ isNew: true, roles: [], user: { named: false, phoneVerified: false } })
    const again = await host.post('/api/fn/account', { action: 'getMe' }, token)
    expect(again.json.data).toMatchObject({ isNew: false, user: { id: first.json.data.user.id } })
    // the same OPENID logs in to the same account; a made-up shape is refused
    const back = await host.post('/api/dev/login', { openid: 'o-demo-first-time' })
    expect(back.json.data.user.id).toBe(first.json.data.user.id)
    const bad = await host.post('/api/dev/login', { openid: 'x' })
    expect(bad.status).toBe(400)
    const both = await host.post('/api/dev/login', { openid: 'o-demo-first-time', userId: 'u-zhuoma' })
    expect(both.status).toBe(400)
  })

  it('POST /api/fn/<function> runs the action as the session user', async () => {
    const res = await host.post('/api/fn/account', { action: 'getMe' }, official)
    expect(res.status).toBe(200)
    expect(res.json.data.user.name).toBe('李秀英')
  })

  it('GET /api/contract describes every action with input JSON Schemas', async () => {
    const body = (await (await fetch(`${host.url}/api/contract`)).json()) as Reply
    const createInvite = body.data.functions.account.actions.createInvite
    expect(createInvite).toMatchObject({ write: true, permission: 'invite_create' })
    expect(createInvite.input.properties.role.enum).toContain('grid_worker')
    expect(createInvite.input.required).toEqual(expect.arrayContaining(['role', 'unitId']))
  })
})

describe('bad input gets a clear Chinese error and changes nothing', () => {
  const invitesNow = () => host.rt.db.count(C.invites)

  it.each([
    ['malformed JSON', '{"action": "createInvite", ', 400, 'COMMON.BAD_JSON'],
    ['a body that is not an object', '[1,2,3]', 400, 'COMMON.BAD_REQUEST'],
    ['a missing action', { data: {} }, 400, 'COMMON.BAD_REQUEST'],
    ['an unknown action', { action: 'dropAll', data: {} }, 404, 'COMMON.UNKNOWN_ACTION'],
    [
      'wrong types',
      { action: 'createInvite', data: { role: 7, unitId: ['x'] }, requestId: 'req-types-1' },
      400,
      'COMMON.BAD_INPUT',
    ],
    [
      'an unknown role',
      { action: 'createInvite', data: { role: 'king', unitId: '513328100001' }, requestId: 'req-role-1' },
      400,
      'COMMON.BAD_INPUT',
    ],
    [
      'a write without requestId',
      { action: 'createInvite', data: { role: 'store_keeper', unitId: '513328100001' } },
      400,
      'COMMON.REQUEST_ID_REQUIRED',
    ],
  ])('%s', async (_label, body, status, code) => {
    const before = await invitesNow()
    const res = await host.post('/api/fn/account', body, official)
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject({ ok: false, code })
    expect(res.json.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await invitesNow()).toBe(before)
  })

  it('explains which field is wrong, in Chinese', async () => {
    const res = await host.post(
      '/api/fn/account',
      {
        action: 'createInvite',
        data: { role: 'store_keeper', unitId: '513328100001', validHours: 9999 },
        requestId: 'req-hours-1',
      },
      official,
    )
    expect(res.json.code).toBe('COMMON.BAD_INPUT')
    // the field is named by its Chinese label, never by its code name
    expect(res.json.message).toContain('有效期最长 30 天')
    expect(res.json.message).not.toContain('validHours')
  })

  it('an oversized body is refused before it is read whole', async () => {
    const before = await invitesNow()
    const huge = {
      ...invite('req-huge-1'),
      data: { role: 'store_keeper', unitId: '513328100001', pad: 'x'.repeat(300 * 1024) },
    }
    const res = await host.post('/api/fn/account', huge, official)
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ ok: false, code: 'COMMON.PAYLOAD_TOO_LARGE' })
    expect(await invitesNow()).toBe(before)
  })

  it('an unknown function', async () => {
    const res = await host.post('/api/fn/nothing', { action: 'getMe' }, official)
    expect(res.status).toBe(404)
    expect(res.json.code).toBe('COMMON.UNKNOWN_FUNCTION')
  })

  it('a missing token', async () => {
    const before = await invitesNow()
    const res = await host.post('/api/fn/account', invite('req-anon-1'))
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ ok: false, code: 'COMMON.UNAUTHENTICATED', message: '请先登录' })
    expect(await invitesNow()).toBe(before)
  })

  it('a forged token (signed with another key, or tampered) and an expired one', async () => {
    const before = await invitesNow()
    const forged = signSession({ uid: 'u-zhangwei', exp: Date.now() + 60_000 }, 'not-the-host-secret-000000')
    const tampered = official.replace(
      /^[^.]+/,
      Buffer.from(JSON.stringify({ uid: 'u-zhangwei', exp: Date.now() + 60_000 })).toString('base64url'),
    )
    const expired = signSession({ uid: 'u-lixiuying', exp: Date.now() - 1 }, 'test-secret-0123456789abcdef')
    for (const token of [forged, tampered, 'garbage']) {
      const res = await host.post('/api/fn/account', invite('req-forged-1'), token)
      expect(res.status).toBe(401)
      expect(res.json.code).toBe('COMMON.UNAUTHENTICATED')
    }
    const old = await host.post('/api/fn/account', invite('req-expired-1'), expired)
    expect(old.json).toMatchObject({ code: 'COMMON.SESSION_EXPIRED', message: expect.stringContaining('过期') })
    expect(await invitesNow()).toBe(before)
  })

  it('the caller comes from the session, never from the body', async () => {
    const resident = await host.token('u-zhuoma')
    const res = await host.post(
      '/api/fn/account',
      { action: 'getMe', data: { userId: 'u-zhangwei' }, userId: 'u-zhangwei', openid: 'x' },
      resident,
    )
    expect(res.json.data.user.name).toBe('卓玛')
  })

  it('the host keeps serving after bad requests', async () => {
    const res = await host.post('/api/fn/account', { action: 'getMe' }, official)
    expect(res.json.ok).toBe(true)
  })
})

describe('idempotent writes over HTTP', () => {
  it('the same requestId sent five times at once creates one invite and returns it five times', async () => {
    const before = await host.rt.db.count(C.invites)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => host.post('/api/fn/account', invite('req-same-0001'), official)),
    )
    const codes = new Set(results.map((r) => r.json.data.code))
    expect(codes.size).toBe(1)
    expect(await host.rt.db.count(C.invites)).toBe(before + 1)
  })

  it("the same requestId from another user is that user's own request", async () => {
    const other = await host.token('u-wangjianguo')
    const mine = await host.post('/api/fn/account', invite('req-shared-01'), official)
    const theirs = await host.post('/api/fn/account', invite('req-shared-01'), other)
    expect(theirs.json.data.code).not.toBe(mine.json.data.code)
  })

  it('a requestId reused for another input is refused with 409, not answered with the first result', async () => {
    const first = await host.post('/api/fn/account', invite('req-reused-01'), official)
    expect(first.status).toBe(200)
    const before = await host.rt.db.count(C.invites)
    const other = { ...invite('req-reused-01'), data: { role: 'info_collector', unitId: '513328100001' } }
    const res = await host.post('/api/fn/account', other, official)
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED', message: expect.any(String) })
    expect(await host.rt.db.count(C.invites)).toBe(before)
  })
})
