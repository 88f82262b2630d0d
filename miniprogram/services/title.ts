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
  const round = ++labelRound
  labels.forEach((text, index) => labelTab(round, index, text, 0))
}

let labelRound = 0

/**
 * H5: Taro's tab bar is a web component that hears label changes only once it has loaded; a change sent before that
 * is lost and its promise never settles. On a reload the tab page can be shown first, so an unanswered change is
 * sent again (every half second, for up to 15 s) unless newer labels came since.
 */
function labelTab(round: number, index: number, text: string, tries: number): void {
  let answered = false
  const done = () => {
    answered = true
  }
  void Taro.setTabBarItem({ index, text }).then(done, done)
  if (process.env.TARO_ENV === 'h5' && tries < 30)
    setTimeout(() => {
      if (!answered && round === labelRound) labelTab(round, index, text, tries + 1)
    }, 500)
}
