import { formatBj } from '../../../shared/time/beijing'

export const when = (ts: number | null) => (ts ? formatBj(ts, 'M月D日 HH:mm') : '')
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
