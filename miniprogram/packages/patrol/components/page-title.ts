import Taro from '@tarojs/taro'
import { useEffect } from 'react'

/**
 * The navigation bar's title in the reader's language: index.config.ts fixes one at build time (the Chinese), so
 * a page sets its own when it opens.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
}
