import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { formatBj } from '@shared/time/beijing'
import { callFunction, type CallResult } from '../../services/call-function'
import { showError, toastDone } from '../../components'

export const V = volunteerContract
export const ROOT = '/packages/volunteer/pages'

export function go(page: string, query = ''): void {
  void Taro.navigateTo({ url: `${ROOT}/${page}/index${query ? `?${query}` : ''}` })
}

export const when = (ts: number) => formatBj(ts, 'M月D日 HH:mm')
export const day = (ts: number) => formatBj(ts, 'YYYY-MM-DD')

/** Shows the outcome of a write: a short note on success, the server's Chinese message otherwise. */
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
 * time (a sign-up deadline). The server decides with its own clock; this only keeps the buttons honest.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
