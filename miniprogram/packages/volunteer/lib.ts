import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { VOLUNTEER_MESSAGES } from '@shared/volunteer/volunteer.messages'
import { TASK_CATEGORY_NAMES, type TaskCategory } from '@shared/volunteer/volunteer.schema'
import { callFunction, type CallResult } from '../../services/call-function'
import { fmt, useStrings } from '../../services/i18n'
import type { PagedState } from '../../services/use-call'
import { showError, toastDone, type PickerOption } from '../../components'
import { WORDS } from './volunteer.strings'

export const V = volunteerContract
export const ROOT = '/packages/volunteer/pages'

export function go(page: string, query = ''): void {
  void Taro.navigateTo({ url: `${ROOT}/${page}/index${query ? `?${query}` : ''}` })
}

/** A time in the reader's language: 3月2日 10:05 / ཟླ་3 ཚེས་2 10:05. */
export const when = (ts: number) => `${fmt.shortDate(ts)} ${fmt.time(ts)}`
/** A day in the reader's language. */
export const day = (ts: number) => fmt.date(ts)

/** The task categories for a picker, labelled in the reader's language. */
export function useCategoryOptions(): Array<{ value: TaskCategory; label: string }> {
  const v = useStrings(VOLUNTEER_MESSAGES)
  return TASK_CATEGORY_NAMES.map((c) => ({ value: c, label: v(`volunteer.category.${c}`) }))
}

/** Whether volunteers' hours count for household points: the two choices of a picker. */
export function useCountsOptions(): Array<PickerOption<'yes' | 'no'>> {
  const w = useStrings(WORDS)
  return [
    { value: 'yes', label: w('counts') },
    { value: 'no', label: w('not_counted') },
  ]
}

/** What a PagedList shows of a paged call: `<PagedList {...listOf(list)} … />` (`total` to show the count). */
export function listOf<T>(list: PagedState<T>, opts: { total?: boolean } = {}) {
  return {
    items: list.items,
    total: opts.total ? list.total : undefined,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error?.message,
    onLoadMore: list.loadMore,
    onRetry: list.reload,
  }
}

/** The navigation bar's title in the reader's language (page configs are fixed at build time, in no language). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
}

/** Shows the outcome of a write: a short note on success, the server's message (in the reader's language) otherwise. */
export async function report<T>(p: Promise<CallResult<T>>, done: string): Promise<T | null> {
  const r = await p
  if (r.ok) {
    toastDone(done)
    return r.data
  }
  await showError(r.message)
  return null
}

export { callFunction }

/**
 * The phone's clock, read when the page opens and again every `everyMs`: for what a page shows or offers by
 * time (a sign-up deadline, the seconds a check-in code has left). The server decides with its own clock; this
 * only keeps the buttons honest.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
