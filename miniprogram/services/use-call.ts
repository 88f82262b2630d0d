import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@shared/common.schema'
import { CommonErrors } from '@shared/errors'
import { newRequestId, type CallFailure, type CallResult } from './call-function'
import { t } from './i18n'

/** The latest value, for what runs later (effects, event handlers): updated after each commit, never in render. */
function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}

/**
 * How many times one of `deps` has changed (compared as React compares effect dependencies). `onChange` runs in
 * the render that sees the change, to reset state for what is about to load (React's "adjusting state when a
 * prop changes"): the reset and the new keys commit together, and effects keyed by the count start the load.
 */
function useChanges(deps: readonly unknown[], onChange?: () => void): number {
  const [seen, setSeen] = useState({ deps, count: 0 })
  if (seen.deps.length !== deps.length || seen.deps.some((d, i) => !Object.is(d, deps[i]))) {
    setSeen({ deps, count: seen.count + 1 })
    onChange?.()
  }
  return seen.count
}

export interface QueryState<T> {
  data: T | null
  error: CallFailure | null
  loading: boolean
  reload: () => void
}

/** Runs a read when `deps` change; a reply to an outdated request is dropped. */
export function useQuery<T>(load: () => Promise<CallResult<T>>, deps: readonly unknown[]): QueryState<T> {
  const loadRef = useLatest(load)
  const [tick, setTick] = useState(0)
  const request = useChanges([...deps, tick])
  const [data, setData] = useState<T | null>(null)
  /** the last request answered and its failure: loading until it is the current one */
  const [settled, setSettled] = useState<{ request: number; error: CallFailure | null } | null>(null)

  useEffect(() => {
    let current = true
    void loadRef.current().then((r) => {
      if (!current) return
      if (r.ok) setData(r.data)
      setSettled({ request, error: r.ok ? null : r })
    })
    return () => {
      current = false
    }
  }, [request, loadRef])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  const done = settled !== null && settled.request === request
  return { data, error: done ? settled.error : null, loading: !done, reload }
}

export interface ActionState<I, T> {
  run: (input: I) => Promise<CallResult<T>>
  pending: boolean
}

/**
 * A write with at-most-once retries: after a network failure the write may or may not have happened, so
 * the next attempt reuses the same request id and the server answers with the first result. After any
 * answer from the server the next attempt is a new write.
 */
export function useAction<I, T>(send: (input: I, requestId: string) => Promise<CallResult<T>>): ActionState<I, T> {
  const [pending, setPending] = useState(false)
  const retryId = useRef<string | null>(null)
  const busy = useRef(false)
  const sendRef = useLatest(send)

  const run = useCallback(
    async (input: I): Promise<CallResult<T>> => {
      if (busy.current) return { ok: false, code: 'CLIENT.BUSY', message: t('ui.busy') }
      busy.current = true
      setPending(true)
      const requestId = retryId.current ?? newRequestId()
      try {
        const result = await sendRef.current(input, requestId)
        retryId.current = !result.ok && result.code === CommonErrors.NETWORK.code ? requestId : null
        return result
      } finally {
        busy.current = false
        setPending(false)
      }
    },
    [sendRef],
  )

  return { run, pending }
}

export interface PagedState<T> {
  items: T[]
  total: number
  hasMore: boolean
  loading: boolean
  error: CallFailure | null
  loadMore: () => void
  reload: () => void
}

/** Page-by-page list ("加载更多"); a change of `deps` starts again from page 1. */
export function usePaged<T>(
  load: (page: number) => Promise<CallResult<Page<T>>>,
  deps: readonly unknown[],
): PagedState<T> {
  const loadRef = useLatest(load)
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [nextPage, setNextPage] = useState(1)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<CallFailure | null>(null)
  /** bumped by a reload or a change of deps: a page answered for an older list is dropped */
  const generation = useRef(0)

  /** Asks for a page and shows it, unless the list has started again meanwhile. */
  const settle = useCallback(
    async (page: number) => {
      const gen = generation.current
      const r = await loadRef.current(page)
      if (gen !== generation.current) return
      setLoading(false)
      if (!r.ok) {
        setError(r)
        return
      }
      setItems((prev) => (page === 1 ? r.data.items : [...prev, ...r.data.items]))
      setTotal(r.data.total)
      setHasMore(r.data.hasMore)
      setNextPage(page + 1)
    },
    [loadRef],
  )

  const fetchPage = useCallback(
    (page: number) => {
      setLoading(true)
      setError(null)
      void settle(page)
    },
    [settle],
  )

  const reload = useCallback(() => {
    generation.current += 1
    setItems([])
    setHasMore(false)
    fetchPage(1)
  }, [fetchPage])

  // a change of deps empties the list in the render that sees it; the first page is asked for once it commits
  const list = useChanges(deps, () => {
    setItems([])
    setHasMore(false)
    setLoading(true)
    setError(null)
  })
  useEffect(() => {
    generation.current += 1
    void settle(1)
  }, [list, settle])

  const loadMore = useCallback(() => {
    if (!loading && hasMore) fetchPage(nextPage)
  }, [fetchPage, hasMore, loading, nextPage])

  return { items, total, hasMore, loading, error, loadMore, reload }
}
