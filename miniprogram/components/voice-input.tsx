import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { getLang, t } from '../services/i18n'
import { loadRecognizer, micAccess } from '../services/voice'
import { createVoice, type Voice, type VoiceState } from '../services/voice-core'
import { alertDialog } from './dialog'

/**
 * 说话输入 for a description: tap to start, tap again (or stop talking) to end, and what was said is added to the
 * text. Only where the platform offers it (services/voice.ts): in WeChat the 同声传译 plugin, in a browser its
 * speech recognition; and only for Chinese (neither recognises Tibetan speech). Where there is none, no button.
 */
export function VoiceInput(props: { onText: (text: string) => void }) {
  const [voice, setVoice] = useState<Voice | null>(null)
  const [state, setState] = useState<VoiceState>('idle')
  // the latest handler: the words come back after the tap, when the text may have changed
  const onText = useRef(props.onText)
  useEffect(() => {
    onText.current = props.onText
  })
  const zh = getLang() === 'zh'
  useEffect(() => {
    if (!zh) return
    let live = true
    let made: Voice | null = null
    void loadRecognizer().then((recognizer) => {
      if (!live || !recognizer) return
      made = createVoice({
        recognizer,
        mic: micAccess(),
        onText: (text) => live && onText.current(text),
        onError: (key) => void (live && alertDialog({ message: t(key) })),
        onState: (s) => live && setState(s),
      })
      setVoice(made)
    })
    return () => {
      live = false
      // leaving the page while listening: stop the microphone (what was heard is dropped with the page)
      if (made && made.state() === 'listening') void made.tap()
    }
  }, [zh])
  if (!voice) return null
  return (
    <View
      className={`l-choice l-voice${state === 'listening' ? ' l-choice--on' : ''}`}
      ariaRole="button"
      hoverClass="l-btn--hover"
      onClick={() => void voice.tap()}
    >
      {state === 'listening' ? t('ui.voice_stop') : t('ui.voice')}
    </View>
  )
}
