import { View } from '@tarojs/components'
import { useState } from 'react'
import { getLang, t } from '../services/i18n'

/** The browser's speech recognition, where there is one (Chrome, Edge, Safari); absent elsewhere. */
interface Recognition {
  lang: string
  interimResults: boolean
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null
  onend: (() => void) | null
  onerror: (() => void) | null
  start: () => void
  stop: () => void
}
type RecognitionCtor = new () => Recognition

function recognitionCtor(): RecognitionCtor | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null
}

/**
 * 说话输入 for a description: what is said is added to the text. Only where the platform offers it: in a browser
 * with speech recognition, for Chinese (no browser recognises Tibetan speech). In WeChat it needs the 同声传译
 * plugin, which is not declared yet (see README), so the button is not shown there.
 */
export function VoiceInput(props: { onText: (text: string) => void }) {
  const [listening, setListening] = useState<Recognition | null>(null)
  const Ctor = recognitionCtor()
  if (!Ctor || getLang() !== 'zh') return null
  const start = () => {
    if (listening) return listening.stop()
    const r = new Ctor()
    r.lang = 'zh-CN'
    r.interimResults = false
    r.onresult = (e) => {
      const said = Array.from(e.results)
        .map((alt) => alt[0]?.transcript ?? '')
        .join('')
      if (said) props.onText(said)
    }
    r.onend = () => setListening(null)
    r.onerror = () => setListening(null)
    setListening(r)
    r.start()
  }
  return (
    <View
      className={`l-choice l-voice${listening ? ' l-choice--on' : ''}`}
      ariaRole="button"
      hoverClass="l-btn--hover"
      onClick={start}
    >
      {listening ? t('ui.voice_stop') : t('ui.voice')}
    </View>
  )
}
