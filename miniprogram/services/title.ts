import Taro, { useDidShow } from '@tarojs/taro'

/**
 * WeChat reads page titles (`index.config.ts`) and tab labels (`app.config.ts`) from app.json when the package is
 * built, so those stay in Chinese, the default language. What the person sees follows their language: each page
 * sets its title when it is shown, and the tab pages set the tab labels.
 */
export function useTitle(title: string): void {
  useDidShow(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  })
}

/** The tab bar's labels in the reader's language (from a tab page: WeChat refuses it from other pages). */
export function labelTabs(labels: readonly string[]): void {
  const send = () => labels.forEach((text, index) => void Taro.setTabBarItem({ index, text }).catch(() => undefined))
  if (process.env.TARO_ENV === 'h5') void h5TabBarReady().then((ready) => ready && send())
  else send()
}

/**
 * In the browser the tab bar is a web component that starts listening for `setTabBarItem` only once it has drawn
 * itself, and a label sent before then is lost without an answer (the call never settles): after a reload a tab
 * page can be shown first. Waits (once, no resending) until the bar has drawn its items, then lets its load finish.
 * False when no bar appears (a page without one): nothing is sent.
 */
function h5TabBarReady(timeoutMs = 20_000): Promise<boolean> {
  const drawn = () =>
    typeof document !== 'undefined' && document.querySelector('taro-tabbar .weui-tabbar__item') != null
  const started = Date.now()
  return new Promise((resolve) => {
    const check = () => {
      if (drawn()) setTimeout(() => resolve(true), 0)
      else if (Date.now() - started > timeoutMs) resolve(false)
      else setTimeout(check, 50)
    }
    check()
  })
}
