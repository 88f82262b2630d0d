import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@shared/common.schema'
import { CommonErrors } from '@shared/errors'
import { newRequestId, type CallFailure, type CallResult } from './call-function'

export interface QueryState<T> {
  data: T | null
  error: CallFailure | null
  loading: boolean
  reload: () => void
}

/** Runs a read when `deps` change; a reply to an outdated request is dropped. */
export function useQuery<T>(load: () => Promise<CallResult<T>>, deps: readonly unknown[]): QueryState<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<CallFailure | null>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    let current = true
    setLoading(true)
    setError(null)
    void loadRef.current().then((r) => {
      if (!current) return
      if (r.ok) setData(r.data)
      else setError(r)
      setLoading(false)
    })
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
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
  const sendRef = useRef(send)
  sendRef.current = send

  const run = useCallback(async (input: I): Promise<CallResult<T>> => {
    if (busy.current) return { ok: false, code: 'CLIENT.BUSY', message: '正在提交，请稍候' }
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
  }, [])

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
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [nextPage, setNextPage] = useState(1)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<CallFailure | null>(null)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const fetchPage = useCallback(async (page: number) => {
    const gen = generation.current
    setLoading(true)
    setError(null)
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
  }, [])

  const reload = useCallback(() => {
    generation.current += 1
    setItems([])
    setHasMore(false)
    void fetchPage(1)
  }, [fetchPage])

  useEffect(() => {
    reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const loadMore = useCallback(() => {
    if (!loading && hasMore) void fetchPage(nextPage)
  }, [fetchPage, hasMore, loading, nextPage])

  return { items, total, hasMore, loading, error, loadMore, reload }
}
