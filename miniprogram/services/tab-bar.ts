import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { labelTabs } from './title'
import { HOME } from '../pages/home/home.strings'
import { translator } from '@shared/i18n/i18n'
import { getLang } from './i18n'

/**
 * The three tabs. In WeChat the tab bar is ours (`custom-tab-bar/`, `tabBar.custom` in app.config.ts): WeChat's own
 * cannot make its labels bigger than ~10 px nor follow the text size. Each tab page has its own copy of the bar;
 * the page that is shown says which tab it is (`useTabPage`), and every copy follows. In H5 Taro's tab bar stays
 * (app.css sizes it), labelled in the reader's language.
 */
export const TABS = [
  { path: 'pages/home/index', label: 'tab.home', icon: 'home' },
  { path: 'pages/report/index', label: 'tab.report', icon: 'report' },
  { path: 'pages/me/index', label: 'tab.me', icon: 'me' },
] as const

/** The tabs' labels in the reader's language. */
export function tabLabels(): string[] {
  const home = translator(HOME, getLang)
  return TABS.map((tab) => home(tab.label))
}

/** The tab of a route ('pages/me/index' or '/pages/me/index'), or -1. */
export function tabIndexOf(route: string | undefined): number {
  const path = (route ?? '').replace(/^\//, '').split('?')[0]
  return TABS.findIndex((tab) => tab.path === path)
}

function currentRoute(): string | undefined {
  try {
    const pages = Taro.getCurrentPages()
    return pages[pages.length - 1]?.route
  } catch {
    return undefined
  }
}

let selected = -1
const listeners = new Set<() => void>()

function select(index: number): void {
  selected = index
  listeners.forEach((l) => l())
}

/** The selected tab, kept current (for the tab bar). */
export function useSelectedTab(): number {
  const [index, setIndex] = useState(() => (selected >= 0 ? selected : Math.max(0, tabIndexOf(currentRoute()))))
  useEffect(() => {
    const l = () => setIndex(selected)
    listeners.add(l)
    if (selected >= 0) l()
    return () => {
      listeners.delete(l)
    }
  }, [])
  return index
}

/** On a tab page: marks its tab selected when it is shown (WeChat), labels the tabs in the reader's language (H5). */
export function useTabPage(path: (typeof TABS)[number]['path']): void {
  useDidShow(() => {
    if (process.env.TARO_ENV === 'h5') labelTabs(tabLabels())
    else select(tabIndexOf(path))
  })
}
