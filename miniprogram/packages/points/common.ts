import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { fmt } from '../../services/i18n'
import type { PagedState } from '../../services/use-call'

/** A date and time within the year, in the reader's language: 3月2日 10:05 / ཟླ་3 ཚེས་2 10:05. */
export const when = (ts: number | null) => (ts ? `${fmt.shortDate(ts)} ${fmt.time(ts)}` : '')
export const signed = (n: number) => (n > 0 ? `+${fmt.number(n)}` : fmt.number(n))

/**
 * The page's title in the reader's language. WeChat reads the title in index.config.ts (Chinese) when the package
 * is built, before anyone has chosen a language; the page sets it again when it opens.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
}

/**
 * Runs `refresh` each time the page is shown again (back from the store, from publicity, from the
 * keeper's counter): a page kept in the stack would otherwise show the balance it loaded first. Not on
 * the first showing, when the page's queries load anyway.
 */
export function useShownAgain(refresh: () => void): void {
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) {
      first.current = false
      return
    }
    refresh()
  })
}

/** A paged query's state as PagedList takes it (the list, its paging, and what to do on more or retry). */
export function pagedProps<T>(p: PagedState<T>) {
  return {
    items: p.items,
    total: p.total,
    hasMore: p.hasMore,
    loading: p.loading,
    error: p.error?.message,
    onLoadMore: p.loadMore,
    onRetry: p.reload,
  }
}
