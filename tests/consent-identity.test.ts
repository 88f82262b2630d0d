/**
 * Consents are kept per person on the phone. A tap that needs one can come before any page has loaded who the
 * person is (a patrol page opened straight from its link, the check-in tapped while `getMe` is still on its way),
 * or with no signal, when only the kept copy of who I am can be read. Either way the answer given before must be
 * found: asking again would stop the check-in behind a dialog the person already answered.
 */
import { consentKey } from '@shared/privacy/consent'
import { CommonErrors } from '@shared/errors'

const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
  },
  useDidShow: () => undefined,
}))
jest.mock('../miniprogram/services/env', () => ({ IS_WEAPP: false, DEMO_LOGIN: true, H5_CLOUDBASE: false }))
jest.mock('../miniprogram/services/session', () => ({ getToken: () => 'a-session' }))

type Answer = { ok: true; data: unknown } | { ok: false; code: string; message: string }
let answer: (r: Answer) => void = () => undefined
const calls: string[] = []
jest.mock('../miniprogram/services/call-function', () => ({
  callFunction: (_contract: unknown, action: string) => {
    calls.push(action)
    return new Promise<Answer>((resolve) => (answer = resolve))
  },
}))

const ME = {
  user: { id: 'u-zhaxi', name: '扎西' },
  roles: [],
  household: null,
}

async function fresh() {
  jest.resetModules()
  calls.length = 0
  const privacy = await import('../miniprogram/services/privacy')
  const me = await import('../miniprogram/services/me')
  const asked: string[] = []
  privacy.onConsentRequest((r) => r && asked.push(r.kind))
  return { privacy, me, asked }
}

beforeEach(() => {
  storage.clear()
  for (const kind of ['general', 'location'] as const) storage.set(consentKey('u-zhaxi', kind), 'agreed')
})

it('a tap before the page knows who I am waits for it and finds the answers I gave', async () => {
  const { privacy, asked } = await fresh()
  const allowed = privacy.ensureConsent('location')
  await Promise.resolve()
  expect(calls).toEqual(['getMe'])
  answer({ ok: true, data: ME })
  await expect(allowed).resolves.toBe(true)
  expect(asked).toEqual([])
})

it('with no signal, who I am comes from the kept copy, and so do my answers', async () => {
  // an earlier launch with signal kept who I am
  const first = await fresh()
  const loaded = first.me.loadMe()
  answer({ ok: true, data: ME })
  await loaded
  // this launch: no signal
  const { privacy, asked } = await fresh()
  const allowed = privacy.ensureConsent('photo')
  await Promise.resolve()
  answer({ ok: false, code: CommonErrors.NETWORK.code, message: '网络不通' })
  await expect(allowed).resolves.toBe(true)
  expect(asked).toEqual([])
})

it('someone who has not agreed is still asked, under their own name', async () => {
  storage.clear()
  const { privacy, asked } = await fresh()
  const allowed = privacy.ensureConsent('location')
  await Promise.resolve()
  answer({ ok: true, data: ME })
  await new Promise((r) => setTimeout(r, 0))
  expect(asked).toEqual(['general'])
  privacy.answerConsent(true)
  await new Promise((r) => setTimeout(r, 0))
  expect(asked).toEqual(['general', 'location'])
  privacy.answerConsent(true)
  await expect(allowed).resolves.toBe(true)
  expect(storage.get(consentKey('u-zhaxi', 'general'))).toBe('agreed')
  expect(storage.get(consentKey('u-zhaxi', 'location'))).toBe('agreed')
})
