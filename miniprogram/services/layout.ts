import { useEffect, useState } from 'react'

/** Wide enough for the desk layout (the H5 console on a PC): tables instead of lists. Phones never are. */
export const WIDE_PX = 1024

function wideNow(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= WIDE_PX
}

export function useWide(): boolean {
  const [wide, setWide] = useState(wideNow)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
    const on = () => setWide(wideNow())
    window.addEventListener('resize', on)
    return () => window.removeEventListener('resize', on)
  }, [])
  return wide
}
