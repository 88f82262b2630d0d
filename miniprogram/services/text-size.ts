import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/**
 * How big the text is (适老化): 标准 / 大 / 特大, chosen on 我的 and kept on this phone. Until a person chooses,
 * it follows the phone: WeChat's own font-size setting (我 → 设置 → 通用 → 字体大小) in the mini-program, the
 * browser's font size in H5 (the root rem follows it by itself, so there the default is 标准).
 *
 * Every size in the component library is `calc(<px> * var(--l-s, 1))`; the page root sets the factor.
 */
export const TEXT_SIZES = ['normal', 'large', 'xlarge'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.2, xlarge: 1.45 }

const KEY = 'linli.textSize'

function isTextSize(v: unknown): v is TextSize {
  return typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v)
}

function chosen(): TextSize | null {
  try {
    const v: unknown = Taro.getStorageSync(KEY)
    return isTextSize(v) ? v : null
  } catch {
    return null
  }
}

/** WeChat's font-size setting in px (17 is its standard; the larger steps are 20 and up). */
function systemFontPx(): number | null {
  if (process.env.TARO_ENV === 'h5') return null
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : null
  } catch {
    return null
  }
}

/** The size a phone's own setting asks for: 标准 up to WeChat's standard 17 px, 大 up to 20, 特大 beyond. */
export function sizeForSystemFont(px: number | null): TextSize {
  if (px === null || px <= 17) return 'normal'
  return px <= 20 ? 'large' : 'xlarge'
}

let current: TextSize = chosen() ?? sizeForSystemFont(systemFontPx())
const listeners = new Set<() => void>()

function apply(): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    // the H5 tab bar and anything drawn outside a page follow the factor too
    document.documentElement.style.setProperty('--l-s', String(TEXT_SCALE[current]))
    document.documentElement.dataset.textSize = current
  }
}
apply()

export function getTextSize(): TextSize {
  return current
}

/** Whether the size was chosen on this phone (otherwise it follows the system). */
export function hasChosenTextSize(): boolean {
  return chosen() !== null
}

export function setTextSize(size: TextSize): void {
  current = size
  try {
    Taro.setStorageSync(KEY, size)
  } catch {
    // storage unavailable: the choice holds until the app closes
  }
  apply()
  listeners.forEach((l) => l())
}

/** The text-size factor now (1, 1.2 or 1.45), kept current: for what is drawn rather than styled (charts). */
export function useTextScale(): number {
  const [size, setSize] = useState(current)
  useEffect(() => {
    const l = () => setSize(current)
    listeners.add(l)
    l()
    return () => {
      listeners.delete(l)
    }
  }, [])
  return TEXT_SCALE[size]
}

/** The inline style that sets the factor on a page's root (mini-program pages have no shared root element). */
export function useTextScaleStyle(): string {
  return `--l-s:${useTextScale()}`
}
