import Taro from '@tarojs/taro'
import { ask } from '../components/dialog'
import { t } from './i18n'
import {
  browserRecognizer,
  wechatRecognizer,
  type BrowserRecognition,
  type MicAccess,
  type Recognizer,
  type WechatRecognitionManager,
} from './voice-core'

/**
 * The platform's recognizer for 说话输入, or null where there is none (then no button is shown).
 * - WeChat: the 同声传译 plugin (WechatSI). It is declared in the incident subpackage (app.config.ts), so its code
 *   does not count toward the main package; the report tab (main package) reaches it with `requirePlugin.async`
 *   (WeChat's 分包异步化), which resolves once that subpackage is downloaded (the report tab preloads it). Where
 *   there is no `requirePlugin` (the simulator the weapp tests run in, an old base library) or the plugin cannot be
 *   had (not added in the MP admin, no signal before the subpackage came), it resolves null.
 * - H5: the browser's SpeechRecognition, when the browser has one.
 */
export function loadRecognizer(): Promise<Recognizer | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const rp = Taro.requirePlugin as unknown as { async?: (name: string) => Promise<unknown> } | undefined
    if (!rp || typeof rp.async !== 'function') return Promise.resolve(null)
    return rp.async('WechatSI').then(
      (plugin) => {
        const p = plugin as { getRecordRecognitionManager?: () => WechatRecognitionManager } | null
        return p && typeof p.getRecordRecognitionManager === 'function'
          ? wechatRecognizer(p.getRecordRecognitionManager())
          : null
      },
      () => null,
    )
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const w = window as unknown as {
      SpeechRecognition?: new () => BrowserRecognition
      webkitSpeechRecognition?: new () => BrowserRecognition
    }
    const Ctor = w.SpeechRecognition || w.webkitSpeechRecognition
    return Promise.resolve(Ctor ? browserRecognizer(Ctor) : null)
  }
  return Promise.resolve(null)
}

const RECORD = 'scope.record'

/**
 * WeChat's microphone permission (scope.record): our own words first, then WeChat's question; after a refusal
 * WeChat does not ask again, so we say so and open its settings page. The browser asks by itself when
 * recognition starts, so there is nothing to do there (null).
 */
export function micAccess(): MicAccess | null {
  if (process.env.TARO_ENV !== 'weapp') return null
  return {
    state: () =>
      Taro.getSetting().then((s) => {
        const v = (s.authSetting as Record<string, boolean | undefined>)[RECORD]
        return v === true ? 'granted' : v === false ? 'refused' : 'unasked'
      }),
    explain: () => ask({ title: t('ui.voice'), message: t('ui.voice_mic_why'), okText: t('ui.ok') }),
    request: () =>
      Taro.authorize({ scope: RECORD }).then(
        () => true,
        () => false,
      ),
    reopen: async () => {
      if (!(await ask({ title: t('ui.voice'), message: t('ui.voice_mic_refused'), okText: t('ui.voice_settings') })))
        return false
      const s = await Taro.openSetting()
      return (s.authSetting as Record<string, boolean | undefined>)[RECORD] === true
    },
  }
}
