import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { COMMON } from '@shared/i18n/common.messages'
import * as format from '@shared/i18n/format'
import {
  DEFAULT_LANG,
  isLang,
  render,
  renderText,
  translator,
  type Catalogue,
  type Lang,
  type Messages,
  type MessageRef,
  type Translate,
} from '@shared/i18n/i18n'
import { addBoTexts, boTextsLoaded } from '@shared/i18n/bo-split'

/**
 * The language the person reads the app in, on this phone: chosen on first launch and on 我的, kept in storage
 * and on the profile (the server makes messages for them in it). Every call sends it, so replies come back in
 * it. Changing it relaunches the app, so pages read it once when they render and never hold a stale one.
 */
const LANG_KEY = 'linli.lang'

function stored(): Lang | null {
  try {
    const v: unknown = Taro.getStorageSync(LANG_KEY)
    return isLang(v) ? v : null
  } catch {
    return null
  }
}

let current: Lang = stored() ?? DEFAULT_LANG

export function getLang(): Lang {
  return current
}

/** Whether the person has chosen a language yet (the first launch asks). */
export function hasChosenLang(): boolean {
  return stored() !== null
}

/**
 * Makes a language's texts ready. H5 fetches the Tibetan texts as their own chunk (config/bo-split.cjs), only for
 * Tibetan readers: the app awaits this before its first render when the kept language is Tibetan, and a switch
 * awaits it before showing the app again. With no signal and the chunk not yet on the phone, the app shows in
 * Chinese (every entry's fallback). The mini-program carries both languages in its main package.
 */
export async function loadLang(lang: Lang): Promise<void> {
  // (one block under the build's constant, so the mini-program's build drops it, the import with it)
  if (process.env.TARO_ENV === 'h5') {
    if (lang !== 'bo' || boTextsLoaded()) return
    try {
      const m = await import(/* webpackChunkName: "i18n-bo" */ '@shared/i18n/bo.texts')
      addBoTexts(m.default)
    } catch {
      // not fetched (no signal, the chunk not kept yet): Chinese until the next launch
    }
  }
}

/** Switches the language on this phone and shows the app again in it (from the home page), once its texts are in. */
export async function setLang(lang: Lang, opts: { relaunch?: boolean } = {}): Promise<void> {
  current = lang
  try {
    Taro.setStorageSync(LANG_KEY, lang)
  } catch {
    // storage unavailable: the choice holds until the app closes
  }
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.lang = htmlLang(lang)
  await loadLang(lang)
  if (opts.relaunch !== false) void Taro.reLaunch({ url: '/pages/home/index' })
}

/** BCP 47 tag for the page (screen readers and fonts pick by it). */
export function htmlLang(lang: Lang): string {
  return lang === 'bo' ? 'bo' : 'zh-CN'
}

/** The common words (buttons, empty and loading states, input checks) in the current language. */
export const t: Translate<typeof COMMON> = translator(COMMON, getLang)

/** A page's or package's own catalogue in the current language. */
export function useStrings<M extends Messages>(catalogue: Catalogue<M>): Translate<M> {
  return translator(catalogue, getLang)
}

/** A message the server kept (inbox, labels) in the current language. */
export function say(ref: MessageRef | string): string {
  return typeof ref === 'string' ? renderText(ref, current) : render(ref, current)
}

/** Dates and numbers in the current language, Beijing time. */
export const fmt = {
  date: (ts: number) => format.formatDate(ts, current),
  shortDate: (ts: number) => format.formatShortDate(ts, current),
  dateTime: (ts: number) => format.formatDateTime(ts, current),
  time: (ts: number) => format.formatTime(ts),
  day: (day: string) => format.formatDay(day, current),
  month: (month: string) => format.formatMonth(month, current),
  number: (n: number, maxFraction?: number) => format.formatNumber(n, current, maxFraction),
  percent: (ratio: number) => format.formatPercent(ratio, current),
}

/**
 * A page's title in the navigation bar in the current language. The page config (`index.config.ts`) is compiled
 * with the Chinese title; a reader of another language gets theirs when the page shows.
 */
export function useNavTitle(title: string): void {
  useEffect(() => {
    if (current === DEFAULT_LANG) return
    try {
      void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
    } catch {
      // a runtime without a navigation bar: nothing to name
    }
  }, [title])
}
