import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { formatBj } from '@shared/time/beijing'

export const when = (ts: number | null) => (ts ? formatBj(ts, 'M月D日 HH:mm') : '')
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

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
