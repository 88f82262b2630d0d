/**
 * 说话输入, the part both platforms share (no Taro here, so the unit tests drive it with fakes). A platform gives a
 * `Recognizer` of one shape: start listening, stop, and one end per listening (the words, or why there are none).
 * WeChat's is the 同声传译 plugin's recognition manager (`wechatRecognizer`), the browser's its SpeechRecognition
 * (`browserRecognizer`); `createVoice` is the button's behaviour over either: a tap starts (after the microphone
 * permission), a second tap stops, what was said is handed on, and a failure is a message key of the catalogue.
 */
export type VoiceError = 'ui.voice_err_mic' | 'ui.voice_err_network' | 'ui.voice_err_busy' | 'ui.voice_err'
export type VoiceEnd = { text: string } | { error: VoiceError }

export interface Recognizer {
  start(onEnd: (end: VoiceEnd) => void): void
  stop(): void
}

/** The WechatSI plugin's record recognition manager, as far as it is used here. */
export interface WechatRecognitionManager {
  start(opts: { lang: string; duration?: number }): void
  stop(): void
  onStop: ((res: { result?: string }) => void) | null | undefined
  onError: ((res: { retcode?: number; msg?: string }) => void) | null | undefined
}

/** Longest listening WeChat allows (ms); it stops by itself then and hands back what it heard. */
export const WECHAT_MAX_MS = 60_000

/**
 * WechatSI's error codes (its documentation): -30001 the recorder failed, -30002 recording was interrupted (a call,
 * another app), -30003 no recording frames, -30004/-30005/-30006 the recognition service or the network failed or
 * timed out, -40001 too many requests. Anything else: not heard.
 */
export function wechatError(retcode: number | undefined): VoiceError {
  if (retcode === -30001 || retcode === -30002 || retcode === -30003) return 'ui.voice_err_mic'
  if (retcode === -30004 || retcode === -30005 || retcode === -30006) return 'ui.voice_err_network'
  if (retcode === -40001) return 'ui.voice_err_busy'
  return 'ui.voice_err'
}

/** The manager is one object for the whole mini-program: each start takes its handlers over. */
export function wechatRecognizer(manager: WechatRecognitionManager): Recognizer {
  return {
    start(onEnd) {
      manager.onStop = (res) => onEnd({ text: (res && res.result) || '' })
      manager.onError = (res) => onEnd({ error: wechatError(res && res.retcode) })
      manager.start({ lang: 'zh_CN', duration: WECHAT_MAX_MS })
    },
    stop() {
      manager.stop()
    },
  }
}

/** The browser's speech recognition (Chrome, Edge, Safari), Chinese, final results only. */
export interface BrowserRecognition {
  lang: string
  interimResults: boolean
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null
  onend: (() => void) | null
  onerror: ((e: { error?: string }) => void) | null
  start(): void
  stop(): void
}

export function browserRecognizer(Ctor: new () => BrowserRecognition): Recognizer {
  let current: BrowserRecognition | null = null
  return {
    start(onEnd) {
      const r = new Ctor()
      let said = ''
      let failed: VoiceError | null = null
      r.lang = 'zh-CN'
      r.interimResults = false
      r.onresult = (e) => {
        said += Array.from(e.results)
          .map((alt) => (alt[0] ? alt[0].transcript : ''))
          .join('')
      }
      r.onerror = (e) => {
        const code = e && e.error
        failed =
          code === 'not-allowed' || code === 'audio-capture'
            ? 'ui.voice_err_mic'
            : code === 'network'
              ? 'ui.voice_err_network'
              : 'ui.voice_err'
      }
      r.onend = () => {
        current = null
        onEnd(failed && !said ? { error: failed } : { text: said })
      }
      current = r
      r.start()
    },
    stop() {
      if (current) current.stop()
    },
  }
}

/** The microphone permission as the platform reports it: never asked, granted, or refused before. */
export type MicPermission = 'unasked' | 'granted' | 'refused'

export interface MicAccess {
  state(): Promise<MicPermission>
  /** our plain explanation before the platform's own question; resolves true when the person goes on */
  explain(): Promise<boolean>
  /** the platform's question; true when granted */
  request(): Promise<boolean>
  /** refused before: the platform does not ask again, so say how and open its settings; true when now granted */
  reopen(): Promise<boolean>
}

/** Whether recording may start: explains and asks the first time, offers the settings after a refusal. */
export function mayRecord(mic: MicAccess): Promise<boolean> {
  return mic
    .state()
    .then((state) =>
      state === 'granted'
        ? true
        : state === 'refused'
          ? mic.reopen()
          : mic.explain().then((goOn) => goOn && mic.request()),
    )
}

export type VoiceState = 'idle' | 'starting' | 'listening'

export interface Voice {
  /** the button's tap: starts when idle, stops when listening, nothing while the permission is being asked */
  tap(): Promise<void>
  state(): VoiceState
}

export function createVoice(deps: {
  recognizer: Recognizer
  mic: MicAccess | null
  onText: (text: string) => void
  onError: (error: VoiceError) => void
  onState: (state: VoiceState) => void
}): Voice {
  let state: VoiceState = 'idle'
  const set = (s: VoiceState) => {
    state = s
    deps.onState(s)
  }
  return {
    state: () => state,
    tap() {
      if (state === 'starting') return Promise.resolve()
      if (state === 'listening') return Promise.resolve(deps.recognizer.stop())
      set('starting')
      return (deps.mic ? mayRecord(deps.mic) : Promise.resolve(true))
        .catch(() => false)
        .then((allowed) => {
          if (!allowed) return set('idle')
          let ended = false
          const end = (e: VoiceEnd) => {
            if (ended) return
            ended = true
            set('idle')
            const text = 'text' in e ? e.text.trim() : ''
            if (text) deps.onText(text)
            else deps.onError('error' in e ? e.error : 'ui.voice_err')
          }
          set('listening')
          try {
            deps.recognizer.start(end)
          } catch {
            end({ error: 'ui.voice_err_mic' })
          }
        })
    },
  }
}
