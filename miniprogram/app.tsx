import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CLOUD_ENV, IS_WEAPP } from './services/env'
import { getLang, htmlLang } from './services/i18n'
import { startOutbox } from './services/outbox'
import './app.css'

// Before any page calls a function: WeChat's cloud SDK must be initialised once per launch.
if (IS_WEAPP) {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
}

// The page's language, for fonts and screen readers (H5; in WeChat the system picks fonts by script).
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined')
  document.documentElement.lang = htmlLang(getLang())

// Field writes kept on the phone go out by themselves: now, when the network returns, when the app is shown.
startOutbox()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
