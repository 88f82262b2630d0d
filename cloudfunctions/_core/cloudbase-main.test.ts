import { cloudbaseMain } from './cloudbase-main'
import type { Identity } from './caller'
import type { CloudFunction } from './wrap'

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

  it("routes timer triggers to the function's timers, and refuses unknown ones", async () => {
    expect(await main({ Type: 'Timer', TriggerName: 'sweep', Time: '2026-03-02T02:00:00Z' })).toEqual({
      ok: true,
      data: 1,
    })
    expect(await main({ Type: 'Timer', TriggerName: 'nope' })).toMatchObject({
      ok: false,
      code: 'COMMON.UNKNOWN_ACTION',
    })
    expect(seen).toHaveLength(0)
  })
})
