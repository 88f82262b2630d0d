import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CallResult } from '../services/call-function'

/**
 * Figures as pictures, drawn with plain Views: the same in WeChat and H5, no canvas and no chart library in any
 * package, the numbers written on every bar (read aloud by screen readers, and grown by the text size). Imported
 * by path (not through components/index.ts) so only the subpackages that draw charts carry it.
 */
export interface ChartPoint {
  label: string
  /** null: nothing to show for it (a rate with nothing to divide) */
  value: number | null
  /** the value as people read it: 12 件, 96.5% */
  text: string
}

const height = (value: number | null, max: number) =>
  value === null || max <= 0 ? 0 : Math.max(2, Math.round((value / max) * 100))

/** A month-by-month trend as columns, the value above each; `max` fixes the scale (1 for rates). */
export function Columns(props: { title: string; points: ChartPoint[]; max?: number; tone?: 'blue' | 'green' }) {
  const max = props.max ?? Math.max(0, ...props.points.map((p) => p.value ?? 0))
  return (
    <View className="l-chart" ariaRole="img" ariaLabel={props.title}>
      <View className="l-chart__title">{props.title}</View>
      <View className="l-chart__columns">
        {props.points.map((p) => (
          <View key={p.label} className="l-chart__col">
            <View className="l-chart__value">{p.text}</View>
            <View className="l-chart__track">
              <View
                className={`l-chart__bar l-chart__bar--${props.tone ?? 'blue'}`}
                style={{ height: `${height(p.value, max)}%` }}
              />
            </View>
            <View className="l-chart__label">{p.label}</View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** A ranking as horizontal bars, best first, the value at the end of each. */
export function Bars(props: { title: string; points: ChartPoint[]; max?: number; tone?: 'blue' | 'green' }) {
  const max = props.max ?? Math.max(0, ...props.points.map((p) => p.value ?? 0))
  return (
    <View className="l-chart" ariaRole="img" ariaLabel={props.title}>
      <View className="l-chart__title">{props.title}</View>
      {props.points.map((p) => (
        <View key={p.label} className="l-chart__row">
          <View className="l-chart__row-label">{p.label}</View>
          <View className="l-chart__row-track">
            <View
              className={`l-chart__row-bar l-chart__bar--${props.tone ?? 'blue'}`}
              style={{ width: `${height(p.value, max)}%` }}
            />
          </View>
          <View className="l-chart__row-value">{p.text}</View>
        </View>
      ))}
    </View>
  )
}

/** The last `n` months before and including `month` ('YYYY-MM'), oldest first. */
export function lastMonths(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * One read per month (the figures actions answer for a month), asked together; the series is shown once every
 * month has answered, and an error of any is the series' error.
 */
export function useMonthSeries<T>(
  months: string[],
  read: (month: string) => Promise<CallResult<T>>,
  deps: readonly unknown[],
): { data: Array<{ month: string; value: T }> | null; error: string | null } {
  type Series = Array<{ month: string; value: T }>
  const key = [months.join(), ...deps].join('|')
  // the answer is kept with the key it answers, so a change of unit or months shows loading, not old bars
  const [state, setState] = useState<{ key: string; data: Series | null; error: string | null } | null>(null)
  useEffect(() => {
    let live = true
    void Promise.all(months.map((m) => read(m))).then((rs) => {
      if (!live) return
      const failed = rs.find((r) => !r.ok)
      if (failed && !failed.ok) return setState({ key, data: null, error: failed.message })
      setState({
        key,
        data: rs.map((r, i) => ({ month: months[i]!, value: (r as { ok: true; data: T }).data })),
        error: null,
      })
    })
    return () => {
      live = false
    }
    // the key stands for months and deps
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state && state.key === key ? { data: state.data, error: state.error } : { data: null, error: null }
}
