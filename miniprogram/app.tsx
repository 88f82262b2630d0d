import Taro from '@tarojs/taro'
import { useEffect, type PropsWithChildren } from 'react'
import { CLOUD_ENV, IS_WEAPP } from './services/env'
import { getLang, htmlLang } from './services/i18n'
import './services/lang-ready'
import { installWeChatPrivacy } from './services/privacy'
import { startOutbox } from './services/outbox'
import './app.css'

// Before any page calls a function: WeChat's cloud SDK must be initialised once per launch.
if (IS_WEAPP) {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
  // WeChat asks for its privacy agreement through our one consent dialog
  installWeChatPrivacy()
}

// The page's language, for fonts and screen readers (H5; in WeChat the system picks fonts by script).
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined')
  document.documentElement.lang = htmlLang(getLang())

// Field writes kept on the phone go out by themselves: now, when the network returns, when the app is shown.
startOutbox()

// H5: the app shell kept by a service worker (miniprogram/sw.js), so the console opens with no signal; the
// worker is told what this first visit already loaded, to keep that too.
if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  const keepShell = () => {
    void navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name))
          .filter((u) => u.origin === location.origin && /^\/(js|css|static)\//.test(u.pathname))
          .map((u) => u.pathname)
        reg.active?.postMessage({ type: 'keep', urls })
      })
      .catch(() => undefined)
  }
  // (a Tibetan reader's app starts after its texts have come, possibly after the page's load event)
  if (document.readyState === 'complete') keepShell()
  else window.addEventListener('load', keepShell)
}

function App({ children }: PropsWithChildren) {
  // the plain loading screen of index.html goes once the first page has drawn
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.getElementById('linli-boot')?.remove()
  }, [])
  return children
}

export default App
