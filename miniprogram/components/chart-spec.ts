/**
 * The figures → the chart that draws them: what `chart.tsx` hands the chart library (F2), and the rows of the text
 * alternative under the picture. Pure (no Taro, no canvas), so it is tested on its own (tests/chart-spec.test.ts).
 */
export interface ChartPoint {
  label: string
  /** null: nothing to show for it (a rate with nothing to divide) */
  value: number | null
  /** the value as people read it: 12 件, 96.5% */
  text: string
}

export type ChartTone = 'blue' | 'green'
export const TONE_COLOR: Record<ChartTone, string> = { blue: '#0a5fb4', green: '#1b6b2f' }

export interface ChartSpec {
  /** columns: a month-by-month trend, in the order given; bars: a ranking, largest first */
  kind: 'columns' | 'bars'
  /** what the chart library draws: one mark a point, null values drawn as nothing (0) */
  data: Array<{ label: string; value: number; text: string }>
  /** the value scale, from 0 */
  max: number
  /** the values the axis marks: 0, the middle when it is a whole number (or a rate), the top */
  ticks: number[]
  /** the value axis reads as a percentage (rates, max 1) */
  percent: boolean
  color: string
  /** the canvas's height in design px (750 wide): a ranking grows with its rows */
  height: number
  /** the text alternative, in the chart's order: every figure as people read it */
  rows: Array<{ label: string; text: string }>
}

/** The top of the scale: the given one, else a round number at or above the largest value (at least 1). */
export function scaleMax(points: ChartPoint[], max?: number): number {
  if (max !== undefined && max > 0) return max
  const top = Math.max(0, ...points.map((p) => p.value ?? 0))
  if (top <= 1) return 1
  const step = 10 ** Math.floor(Math.log10(top))
  for (const k of [1, 2, 2.5, 5, 10]) if (top <= k * step) return k * step
  return 10 * step
}

const ROW_HEIGHT = 64
const AXIS_HEIGHT = 72

function specOf(kind: ChartSpec['kind'], points: ChartPoint[], opts: { max?: number; tone?: ChartTone }): ChartSpec {
  const data = points.map((p) => ({ label: p.label, value: p.value ?? 0, text: p.text }))
  const max = scaleMax(points, opts.max)
  const percent = opts.max === 1
  return {
    kind,
    data,
    max,
    ticks: percent || Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max],
    percent,
    color: TONE_COLOR[opts.tone ?? 'blue'],
    height: kind === 'columns' ? 360 : Math.max(2, data.length) * ROW_HEIGHT + AXIS_HEIGHT,
    rows: data.map((d) => ({ label: d.label, text: d.text })),
  }
}

/** A trend as columns: the months oldest first, as given. */
export function columnsSpec(points: ChartPoint[], opts: { max?: number; tone?: ChartTone } = {}): ChartSpec {
  return specOf('columns', points, opts)
}

/** A ranking as horizontal bars, the largest first (a unit with nothing to show last); ties keep their order. */
export function barsSpec(points: ChartPoint[], opts: { max?: number; tone?: ChartTone } = {}): ChartSpec {
  const ranked = points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.value === null || b.p.value === null)
        return Number(a.p.value === null) - Number(b.p.value === null) || a.i - b.i
      return b.p.value - a.p.value || a.i - b.i
    })
    .map((x) => x.p)
  return specOf('bars', ranked, opts)
}

/** A value on the axis as people read it. */
export function axisText(spec: ChartSpec, value: number): string {
  return spec.percent ? `${Math.round(value * 100)}%` : String(Math.round(value * 100) / 100)
}
