/**
 * 说话输入 over fakes: WeChat's 同声传译 recognition manager (the shape its documentation gives: start({lang,
 * duration}), stop, onStop(res.result), onError(res.retcode)), the browser's SpeechRecognition, and the
 * microphone permission. What the button does on each tap, what reaches the text, and which message a failure shows.
 */
import {
  browserRecognizer,
  createVoice,
  mayRecord,
  wechatError,
  wechatRecognizer,
  WECHAT_MAX_MS,
  type BrowserRecognition,
  type MicAccess,
  type MicPermission,
  type Recognizer,
  type VoiceError,
  type VoiceState,
  type WechatRecognitionManager,
} from '../miniprogram/services/voice-core'
import { COMMON } from '../shared/i18n/common.messages'

/** The plugin's manager: records what it was told; the test plays WeChat's part with `finish` and `fail`. */
function fakeManager() {
  const calls: string[] = []
  const m: WechatRecognitionManager & {
    calls: string[]
    started: Array<{ lang: string; duration?: number }>
    finish(result: string): void
    fail(retcode: number): void
  } = {
    calls,
    started: [],
    onStop: null,
    onError: null,
    start(opts) {
      calls.push('start')
      m.started.push(opts)
    },
    stop() {
      calls.push('stop')
    },
    finish(result) {
      m.onStop?.({ result })
    },
    fail(retcode) {
      m.onError?.({ retcode, msg: 'x' })
    },
  }
  return m
}

function fakeMic(initial: MicPermission, answers: { explain?: boolean; request?: boolean; reopen?: boolean } = {}) {
  const asked: string[] = []
  const mic: MicAccess = {
    state: async () => {
      asked.push('state')
      return initial
    },
    explain: async () => {
      asked.push('explain')
      return answers.explain ?? true
    },
    request: async () => {
      asked.push('request')
      return answers.request ?? true
    },
    reopen: async () => {
      asked.push('reopen')
      return answers.reopen ?? false
    },
  }
  return { mic, asked }
}

function harness(recognizer: Recognizer, mic: MicAccess | null) {
  const texts: string[] = []
  const errors: VoiceError[] = []
  const states: VoiceState[] = []
  const voice = createVoice({
    recognizer,
    mic,
    onText: (t) => texts.push(t),
    onError: (e) => errors.push(e),
    onState: (s) => states.push(s),
  })
  return { voice, texts, errors, states }
}

describe('WeChat: the 同声传译 manager behind one tap to start and one to stop', () => {
  it('a first tap asks for the microphone, then listens in Chinese for up to 60 s; a second tap stops; the words are handed on', async () => {
    const m = fakeManager()
    const { mic, asked } = fakeMic('unasked')
    const h = harness(wechatRecognizer(m), mic)
    await h.voice.tap()
    expect(asked).toEqual(['state', 'explain', 'request'])
    expect(m.started).toEqual([{ lang: 'zh_CN', duration: WECHAT_MAX_MS }])
    expect(h.voice.state()).toBe('listening')
    await h.voice.tap()
    expect(m.calls).toEqual(['start', 'stop'])
    m.finish('  路灯坏了三天了 ')
    expect(h.texts).toEqual(['路灯坏了三天了'])
    expect(h.errors).toEqual([])
    expect(h.states).toEqual(['starting', 'listening', 'idle'])
  })

  it('WeChat stopping by itself at 60 s hands on what it heard, and the button is ready again', async () => {
    const m = fakeManager()
    const h = harness(wechatRecognizer(m), fakeMic('granted').mic)
    await h.voice.tap()
    m.finish('垃圾没人收')
    expect(h.texts).toEqual(['垃圾没人收'])
    expect(h.voice.state()).toBe('idle')
    await h.voice.tap()
    expect(m.calls).toEqual(['start', 'start'])
  })

  it('nothing heard is said in plain words, and nothing is added to the text', async () => {
    const m = fakeManager()
    const h = harness(wechatRecognizer(m), fakeMic('granted').mic)
    await h.voice.tap()
    m.finish('')
    expect(h.texts).toEqual([])
    expect(h.errors).toEqual(['ui.voice_err'])
  })

  it.each([
    [-30001, 'ui.voice_err_mic'],
    [-30002, 'ui.voice_err_mic'],
    [-30003, 'ui.voice_err_mic'],
    [-30004, 'ui.voice_err_network'],
    [-30006, 'ui.voice_err_network'],
    [-40001, 'ui.voice_err_busy'],
    [-30011, 'ui.voice_err'],
  ])('error %i from the plugin shows %s and the button is ready again', async (retcode, key) => {
    expect(wechatError(retcode)).toBe(key)
    const m = fakeManager()
    const h = harness(wechatRecognizer(m), fakeMic('granted').mic)
    await h.voice.tap()
    m.fail(retcode)
    expect(h.errors).toEqual([key])
    expect(h.texts).toEqual([])
    expect(h.voice.state()).toBe('idle')
  })

  it('an error and a stop for the same listening end it once', async () => {
    const m = fakeManager()
    const h = harness(wechatRecognizer(m), fakeMic('granted').mic)
    await h.voice.tap()
    m.fail(-30002)
    m.finish('late words')
    expect(h.errors).toEqual(['ui.voice_err_mic'])
    expect(h.texts).toEqual([])
  })

  it('taps while the permission is being asked do not start a second listening', async () => {
    const m = fakeManager()
    let answer!: (ok: boolean) => void
    const mic: MicAccess = {
      state: async () => 'unasked',
      explain: () => new Promise<boolean>((r) => (answer = r)),
      request: async () => true,
      reopen: async () => false,
    }
    const h = harness(wechatRecognizer(m), mic)
    const first = h.voice.tap()
    await h.voice.tap()
    await h.voice.tap()
    await new Promise((r) => setImmediate(r))
    answer(true)
    await first
    expect(m.calls).toEqual(['start'])
  })

  it('a manager that throws on start is a microphone error, not a crash', async () => {
    const m = fakeManager()
    m.start = () => {
      throw new Error('no recorder')
    }
    const h = harness(wechatRecognizer(m), fakeMic('granted').mic)
    await h.voice.tap()
    expect(h.errors).toEqual(['ui.voice_err_mic'])
    expect(h.voice.state()).toBe('idle')
  })
})

describe('the microphone permission', () => {
  it('granted before: no question', async () => {
    const { mic, asked } = fakeMic('granted')
    expect(await mayRecord(mic)).toBe(true)
    expect(asked).toEqual(['state'])
  })

  it('never asked: our explanation first; turning it down asks WeChat nothing and records nothing', async () => {
    const m = fakeManager()
    const { mic, asked } = fakeMic('unasked', { explain: false })
    const h = harness(wechatRecognizer(m), mic)
    await h.voice.tap()
    expect(asked).toEqual(['state', 'explain'])
    expect(m.calls).toEqual([])
    expect(h.voice.state()).toBe('idle')
    expect(h.errors).toEqual([])
  })

  it("never asked and refused in WeChat's own question: no recording", async () => {
    const m = fakeManager()
    const h = harness(wechatRecognizer(m), fakeMic('unasked', { request: false }).mic)
    await h.voice.tap()
    expect(m.calls).toEqual([])
  })

  it('refused before: offers the settings (WeChat does not ask twice); allowed there, it listens', async () => {
    const m = fakeManager()
    const { mic, asked } = fakeMic('refused', { reopen: true })
    const h = harness(wechatRecognizer(m), mic)
    await h.voice.tap()
    expect(asked).toEqual(['state', 'reopen'])
    expect(m.calls).toEqual(['start'])
  })

  it('a permission check that fails leaves the button ready and records nothing', async () => {
    const m = fakeManager()
    const mic: MicAccess = {
      state: async () => {
        throw new Error('getSetting:fail')
      },
      explain: async () => true,
      request: async () => true,
      reopen: async () => true,
    }
    const h = harness(wechatRecognizer(m), mic)
    await h.voice.tap()
    expect(m.calls).toEqual([])
    expect(h.voice.state()).toBe('idle')
  })
})

describe('the browser: SpeechRecognition behind the same shape', () => {
  class FakeRecognition implements BrowserRecognition {
    static made: FakeRecognition[] = []
    lang = ''
    interimResults = true
    onresult: BrowserRecognition['onresult'] = null
    onend: BrowserRecognition['onend'] = null
    onerror: BrowserRecognition['onerror'] = null
    running = false
    constructor() {
      FakeRecognition.made.push(this)
    }
    start() {
      this.running = true
    }
    stop() {
      this.running = false
      this.onend?.()
    }
  }
  beforeEach(() => {
    FakeRecognition.made = []
  })

  it('listens in Chinese, final results only; the second tap stops and the words are handed on', async () => {
    const h = harness(browserRecognizer(FakeRecognition), null)
    await h.voice.tap()
    const r = FakeRecognition.made[0]!
    expect([r.lang, r.interimResults, r.running]).toEqual(['zh-CN', false, true])
    r.onresult?.({ results: [[{ transcript: '井盖' }], [{ transcript: '丢了' }]] })
    await h.voice.tap()
    expect(h.texts).toEqual(['井盖丢了'])
    expect(h.voice.state()).toBe('idle')
  })

  it('a refused microphone is said as such', async () => {
    const h = harness(browserRecognizer(FakeRecognition), null)
    await h.voice.tap()
    const r = FakeRecognition.made[0]!
    r.onerror?.({ error: 'not-allowed' })
    r.onend?.()
    expect(h.errors).toEqual(['ui.voice_err_mic'])
  })
})

test('every message the button can show is in the catalogue in Chinese and Tibetan', () => {
  const keys: VoiceError[] = ['ui.voice_err_mic', 'ui.voice_err_network', 'ui.voice_err_busy', 'ui.voice_err']
  const all = [...keys, 'ui.voice', 'ui.voice_stop', 'ui.voice_mic_why', 'ui.voice_mic_refused', 'ui.voice_settings']
  const messages = COMMON as unknown as Record<string, { zh: string; bo?: string }>
  for (const k of all) {
    expect(messages[k]?.zh).toBeTruthy()
    expect(messages[k]?.bo).toBeTruthy()
  }
})
