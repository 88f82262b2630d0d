import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { IS_WEAPP } from './env'

/**
 * Whether the phone has a signal now, as the platform says (WeChat's network events; the browser's online and
 * offline events). A page says so plainly when it has none; the outbox keeps what is written meanwhile.
 */
let online = IS_WEAPP || typeof navigator === 'undefined' ? true : navigator.onLine !== false
const listeners = new Set<() => void>()
let watching = false

function set(next: boolean): void {
  if (next === online) return
  online = next
  for (const l of listeners) l()
}

function watch(): void {
  if (watching) return
  watching = true
  if (IS_WEAPP) {
    Taro.onNetworkStatusChange((r) => set(r.isConnected))
    void Taro.getNetworkType().then(
      (r) => set(r.networkType !== 'none'),
      () => undefined,
    )
  } else if (typeof window !== 'undefined') {
    window.addEventListener('online', () => set(true))
    window.addEventListener('offline', () => set(false))
  }
}

function subscribe(listener: () => void): () => void {
  watch()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => online)
}
