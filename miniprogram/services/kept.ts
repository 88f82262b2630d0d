import Taro from '@tarojs/taro'
import { CommonErrors } from '@shared/errors'
import type { CallResult } from './call-function'
import { getToken } from './session'

/**
 * What the field pages show, kept on the phone for when there is no signal (the user, their grid and household,
 * categories, today's shifts, a patrol's route and checkpoints), with the time it was fetched. Kept per signed-in
 * session, so a phone passed to another demo user never shows the last one's data.
 */
export interface Kept<T> {
  at: number
  data: T
}

const keyOf = (key: string) => `linli.kept.${key}`
const owner = () => getToken() ?? ''

export function keep<T>(key: string, data: T, at = Date.now()): void {
  try {
    Taro.setStorageSync(keyOf(key), { owner: owner(), at, data })
  } catch {
    // storage full: the page works online, only not offline
  }
}

export function kept<T>(key: string): Kept<T> | null {
  try {
    const v = Taro.getStorageSync(keyOf(key)) as unknown
    if (!v || typeof v !== 'object') return null
    const k = v as { owner?: unknown; at?: unknown; data?: unknown }
    if (k.owner !== owner() || typeof k.at !== 'number') return null
    return { at: k.at, data: k.data as T }
  } catch {
    return null
  }
}

export interface KeptRead<T> {
  value: T
  /** when it was fetched */
  savedAt: number
  /** true: no signal, this is what was kept */
  offline: boolean
}

/** A read that keeps its answer: with signal the fresh answer (kept), without it the kept one and its time. */
export async function readKept<T>(key: string, load: () => Promise<CallResult<T>>): Promise<CallResult<KeptRead<T>>> {
  const r = await load()
  if (r.ok) {
    const at = Date.now()
    keep(key, r.data, at)
    return { ok: true, data: { value: r.data, savedAt: at, offline: false } }
  }
  if (r.code === CommonErrors.NETWORK.code) {
    const k = kept<T>(key)
    if (k) return { ok: true, data: { value: k.data, savedAt: k.at, offline: true } }
  }
  return r
}
