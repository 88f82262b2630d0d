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
  labels.forEach((text, index) => void Taro.setTabBarItem({ index, text }).catch(() => undefined))
}
