import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CallResult } from '../services/call-function'
import { t } from '../services/i18n'
import { useTextScale } from '../services/text-size'
import { barsSpec, columnsSpec, type ChartPoint, type ChartSpec, type ChartTone } from './chart-spec'
import { drawChart, type DrawTarget } from './chart-draw'

export type { ChartPoint } from './chart-spec'

/**
 * Figures as pictures: F2 (@antv/f2) draws each chart on a 2D canvas, in WeChat and in H5 alike, and every figure is
 * written out under it as a list (what a screen reader reads, in the page's language, and what is left when a
 * canvas cannot draw). Imported by path (not through components/index.ts) so only the subpackages that draw
 * charts carry it, and F2 with it (chart-draw.ts).
 */
let seq = 0

/** The canvas node behind an id, once it is on the screen (a few tries: the first render may not have landed). */
function canvasOf(id: string, tries = 20): Promise<{ node: HTMLCanvasElement; width: number; height: number } | null> {
  return new Promise((resolve) => {
    const attempt = (left: number) => {
      const again = () => (left > 0 ? setTimeout(() => attempt(left - 1), 50) : resolve(null))
      if (process.env.TARO_ENV === 'h5') {
        const el = document.getElementById(id)
        const node = el && (el.tagName === 'CANVAS' ? el : el.querySelector('canvas'))
        const box = node?.getBoundingClientRect()
        if (node && box && box.width > 0)
          resolve({ node: node as HTMLCanvasElement, width: box.width, height: box.height })
        else again()
        return
      }
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: HTMLCanvasElement; width: number; height: number } | null>) => {
          const r = res[0]
          if (r?.node && r.width > 0) resolve({ node: r.node, width: r.width, height: r.height })
          else again()
        })
    }
    void Taro.nextTick(() => attempt(tries))
  })
}

function pixelRatio(): number {
  if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio || 1
  try {
    return (Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync()).pixelRatio || 2
  } catch {
    return 2
  }
}

function ChartView(props: { title: string; spec: ChartSpec }) {
  const [id] = useState(() => `l-chart-${++seq}`)
  const scale = useTextScale()
  const { spec } = props
  const key = JSON.stringify(spec)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    let drawn: { destroy(): void } | null = null
    void (async () => {
      const found = await canvasOf(id)
      if (!live) return
      if (!found) return setFailed(true)
      const ratio = pixelRatio()
      found.node.width = Math.round(found.width * ratio)
      found.node.height = Math.round(found.height * ratio)
      const context = found.node.getContext('2d')
      if (!context) return setFailed(true)
      const target: DrawTarget = { context, width: found.width, height: found.height, pixelRatio: ratio }
      drawn = await drawChart(target, spec, { fontSize: Math.round(13 * scale) })
      if (!live) drawn.destroy()
    })().catch(() => live && setFailed(true))
    return () => {
      live = false
      drawn?.destroy()
    }
    // the key stands for the spec
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key, scale])
  return (
    <View className="l-chart">
      <View className="l-chart__title">{props.title}</View>
      {failed ? null : (
        <Canvas
          type="2d"
          id={id}
          canvasId={id}
          className="l-chart__canvas"
          style={{ height: Taro.pxTransform(Math.round(spec.height * scale)) }}
        />
      )}
      <View className="l-chart__figures" ariaRole="list" ariaLabel={t('ui.chart_figures', { title: props.title })}>
        {spec.rows.map((r, i) => (
          <View key={`${i}:${r.label}`} className="l-chart__figure" ariaRole="listitem">
            <View className="l-chart__figure-label">{r.label}</View>
            <View className="l-chart__figure-text">{r.text}</View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** A month-by-month trend as columns; `max` fixes the scale (1 for rates). */
export function Columns(props: { title: string; points: ChartPoint[]; max?: number; tone?: ChartTone }) {
  return <ChartView title={props.title} spec={columnsSpec(props.points, { max: props.max, tone: props.tone })} />
}

/** A ranking as horizontal bars, largest first, the value at the end of each. */
export function Bars(props: { title: string; points: ChartPoint[]; max?: number; tone?: ChartTone }) {
  return <ChartView title={props.title} spec={barsSpec(props.points, { max: props.max, tone: props.tone })} />
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
