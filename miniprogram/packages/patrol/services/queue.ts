import Taro from '@tarojs/taro'
import { CommonErrors } from '@shared/errors'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { CheckInOutput } from '@shared/patrol/patrol.schema'
import { callFunction, newRequestId } from '../../../services/call-function'
import { IS_WEAPP } from '../../../services/env'

/**
 * The offline check-in queue. Every check-in is written to device storage first (with the phone's time
 * and its request id) and then sent; it leaves the queue only when the server has answered. So a check-in
 * survives no signal and the app being closed, and a resend after a lost reply reuses its request id:
 * the server stores it once. Sending starts by itself when the network comes back.
 */
export interface QueuedCheckin {
  requestId: string
  patrolId: string
  /** the checkpoint's name as the patrol showed it when queued (older queues lack it), shown while it waits */
  checkpointName?: string
  code: string
  position: { lat: number; lng: number }
  accuracyM: number
  deviceAt: number
}

export type SyncOutcome =
  { requestId: string; ok: true; data: CheckInOutput } | { requestId: string; ok: false; code: string; message: string }

const KEY = 'linli.patrol.queue'
const OUTCOMES_KEY = 'linli.patrol.outcomes'
type Listener = (pending: number) => void
const listeners = new Set<Listener>()
let flushing: Promise<SyncOutcome[]> | null = null
let installed = false

function read(): QueuedCheckin[] {
  try {
    const v: unknown = Taro.getStorageSync(KEY)
    return Array.isArray(v) ? (v as QueuedCheckin[]) : []
  } catch {
    return []
  }
}

/** The queue's length as last read or written here (only this module writes the queue). */
let length: number | null = null

function write(items: QueuedCheckin[]): void {
  Taro.setStorageSync(KEY, items)
  length = items.length
  for (const l of listeners) l(items.length)
}

export function pending(): QueuedCheckin[] {
  return read()
}

/** How many check-ins wait, without reading storage each time (a snapshot for useSyncExternalStore). */
export function pendingCount(): number {
  length ??= read().length
  return length
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function enqueue(item: Omit<QueuedCheckin, 'requestId' | 'deviceAt'> & { deviceAt?: number }): QueuedCheckin {
  const queued: QueuedCheckin = { ...item, requestId: newRequestId(), deviceAt: item.deviceAt ?? Date.now() }
  write([...read(), queued])
  return queued
}

/** Answers for check-ins sent in the background, until a page reads them. */
export function takeOutcomes(): SyncOutcome[] {
  try {
    const v: unknown = Taro.getStorageSync(OUTCOMES_KEY)
    Taro.removeStorageSync(OUTCOMES_KEY)
    return Array.isArray(v) ? (v as SyncOutcome[]) : []
  } catch {
    return []
  }
}

function keepOutcome(o: SyncOutcome): void {
  try {
    const v: unknown = Taro.getStorageSync(OUTCOMES_KEY)
    const list = Array.isArray(v) ? (v as SyncOutcome[]) : []
    Taro.setStorageSync(OUTCOMES_KEY, [...list, o].slice(-50))
  } catch {
    // storage full: the server has the check-in either way
  }
}

/**
 * Sends queued check-ins in the order they were made. Stops at the first network failure (the rest wait
 * for the next try); any answer from the server, accepted or refused, takes the item off the queue.
 */
export function flush(): Promise<SyncOutcome[]> {
  if (flushing) return flushing
  flushing = (async () => {
    const outcomes: SyncOutcome[] = []
    for (;;) {
      const [next] = read()
      if (!next) break
      const { requestId, checkpointName: _name, ...input } = next
      const r = await callFunction(patrolContract, 'checkIn', input, { requestId })
      if (!r.ok && r.code === CommonErrors.NETWORK.code) break
      const outcome: SyncOutcome = r.ok
        ? { requestId, ok: true, data: r.data }
        : { requestId, ok: false, code: r.code, message: r.message }
      outcomes.push(outcome)
      keepOutcome(outcome)
      write(read().filter((q) => q.requestId !== requestId))
    }
    return outcomes
  })().finally(() => {
    flushing = null
  })
  return flushing
}

/** Sends by itself when the network returns (WeChat's network event; the browser's online event). */
export function installAutoSync(): void {
  if (installed) return
  installed = true
  const kick = () => void flush()
  if (IS_WEAPP) {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) kick()
    })
  } else if (typeof window !== 'undefined') {
    window.addEventListener('online', kick)
  }
  // Check-ins left from before the app was closed go out now; a weak signal may come and go without an
  // event, so try again now and then while something waits.
  if (read().length) kick()
  setInterval(() => {
    if (read().length) kick()
  }, 20_000)
}
