import { startTestHost, type TestHost } from '../tests/support/host'

/** Issue #16 item 4: names from a request are own entries only, and pathological bodies are refused before they cost. */
let host: TestHost
let official: string
beforeAll(async () => {
  host = await startTestHost()
  official = await host.token('u-lixiuying')
})
afterAll(() => host.close())

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z0-9_-]+$/.test(n))

/** `{"data":{"a":{"a":…}}}` nested `levels` deep: about 8 KB for 4,200 levels as `[[[…]]]`. */
const deepArray = (levels: number) => `{"action":"getMe","data":{"x":${'['.repeat(levels)}${']'.repeat(levels)}}}`
const deepObject = (levels: number) => `{"action":"getMe","data":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`

describe('a function name that Object.prototype answers', () => {
  it('covers the names the attack used', () => {
    expect(PROTO_NAMES).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']))
  })

  it.each(PROTO_NAMES)('POST /api/fn/%s is the unknown-function 404, with and without a session', async (name) => {
    for (const token of [official, undefined]) {
      const res = await host.post(`/api/fn/${name}`, { action: 'getMe', data: {} }, token)
      expect(res.status).toBe(404)
      expect(res.json).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_FUNCTION' })
      expect(res.json.message).toBe(`没有这个服务：${name}`)
    }
  })

  it('says so in Tibetan to a caller reading Tibetan (the body, else Accept-Language)', async () => {
    const byBody = await host.post('/api/fn/constructor', { action: 'getMe', lang: 'bo' }, official)
    expect(byBody.json.message).toBe('ཞབས་ཞུ་འདི་མེད། constructor')
    const byHeader = await host.post('/api/fn/toString', { action: 'getMe' }, undefined, {
      'accept-language': 'bo-CN,bo;q=0.9,zh;q=0.5',
    })
    expect(byHeader.json.message).toBe('ཞབས་ཞུ་འདི་མེད། toString')
    const zh = await host.post('/api/fn/toString', { action: 'getMe' }, undefined, { 'accept-language': 'en,zh;q=0.8' })
    expect(zh.json.message).toBe('没有这个服务：toString')
  })
})

describe('a body nested thousands of levels deep', () => {
  it.each([
    ['arrays', deepArray(4_200)],
    ['objects', deepObject(4_200)],
    ['just over the limit', deepArray(40)],
  ])('is refused with 400 COMMON.TOO_DEEP (%s)', async (_label, body) => {
    const res = await host.post('/api/fn/account', body, official)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ ok: false, code: 'COMMON.TOO_DEEP', message: '提交的内容层次太多了' })
  })

  it('in Tibetan for a Tibetan reader', async () => {
    const res = await host.post('/api/fn/account', deepArray(4_200), official, { 'accept-language': 'bo' })
    expect(res.json.message).toBe('ཕུལ་བའི་ནང་དོན་གྱི་རིམ་པ་མང་དྲགས་འདུག')
  })

  it('brackets inside strings are text, not nesting', async () => {
    const res = await host.post('/api/fn/account', { action: 'getMe', data: {}, note: '[{'.repeat(3_000) }, official)
    expect(res.status).toBe(200)
  })

  it('a body of too many values is refused as too large', async () => {
    const body = JSON.stringify({ action: 'getMe', data: { many: Array.from({ length: 30_000 }, () => 0) } })
    const res = await host.post('/api/fn/account', body, official)
    expect(res.status).toBe(413)
    expect(res.json.code).toBe('COMMON.PAYLOAD_TOO_LARGE')
  })

  it('a normal read still answers while 40 deep bodies arrive', async () => {
    const deep = Array.from({ length: 40 }, () => host.post('/api/fn/account', deepArray(4_200), official))
    const read = host.post('/api/fn/account', { action: 'getMe' }, official)
    const replies = await Promise.all(deep)
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 40 }, () => 400))
    expect(replies.every((r) => r.json.code === 'COMMON.TOO_DEEP')).toBe(true)
    const normal = await read
    expect(normal.status).toBe(200)
    expect(normal.json.data.user.name).toBe('李秀英')
  })
})
