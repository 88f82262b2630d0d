/**
 * The figures → what F2 draws and what is written under the chart (miniprogram/components/chart-spec.ts).
 */
import {
  axisText,
  barsSpec,
  columnsSpec,
  scaleMax,
  TONE_COLOR,
  type ChartPoint,
} from '../miniprogram/components/chart-spec'

const p = (label: string, value: number | null, text = value === null ? '—' : String(value)): ChartPoint => ({
  label,
  value,
  text,
})

describe('columnsSpec: a month-by-month trend', () => {
  const months = [p('10月', 3), p('11月', 12), p('12月', 0), p('1月', 7)]

  it('keeps the months in order, one mark each, and writes every figure out under the chart', () => {
    const spec = columnsSpec(months)
    expect(spec.kind).toBe('columns')
    expect(spec.data.map((d) => [d.label, d.value])).toEqual([
      ['10月', 3],
      ['11月', 12],
      ['12月', 0],
      ['1月', 7],
    ])
    expect(spec.rows).toEqual(months.map((m) => ({ label: m.label, text: m.text })))
  })

  it('scales a count to a round number at or above its largest month', () => {
    expect(columnsSpec(months).max).toBe(20)
    expect(columnsSpec([p('1月', 100)]).max).toBe(100)
    expect(columnsSpec([p('1月', 101)]).max).toBe(200)
    expect(columnsSpec([p('1月', 0), p('2月', 0)]).max).toBe(1)
  })

  it('marks whole numbers on a count axis, and 0, 50 % and 100 % on a rate axis', () => {
    expect(columnsSpec(months).ticks).toEqual([0, 10, 20])
    expect(columnsSpec([p('1月', 0)]).ticks).toEqual([0, 1])
    expect(columnsSpec([p('1月', 23)]).ticks).toEqual([0, 25])
    expect(columnsSpec([p('1月', 0.2, '20%')], { max: 1 }).ticks).toEqual([0, 0.5, 1])
  })

  it('draws a rate on a fixed scale to 100 %, a month with nothing to divide as no column but its text kept', () => {
    const spec = columnsSpec([p('1月', 0.5, '50%'), p('2月', null, '—'), p('3月', 1, '100%')], {
      max: 1,
      tone: 'green',
    })
    expect(spec.max).toBe(1)
    expect(spec.percent).toBe(true)
    expect(spec.color).toBe(TONE_COLOR.green)
    expect(spec.data[1]).toEqual({ label: '2月', value: 0, text: '—' })
    expect(spec.rows[1]).toEqual({ label: '2月', text: '—' })
    expect(axisText(spec, 0.5)).toBe('50%')
  })

  it('is blue unless told, and a count axis reads as numbers', () => {
    const spec = columnsSpec(months)
    expect(spec.color).toBe(TONE_COLOR.blue)
    expect(spec.percent).toBe(false)
    expect(axisText(spec, 12)).toBe('12')
  })
})

describe('barsSpec: a ranking of child units', () => {
  it('puts the largest first, ties in their given order, a unit with nothing to show last', () => {
    const spec = barsSpec([p('一网格', 2), p('二网格', null), p('三网格', 9), p('四网格', 2), p('五网格', 5)])
    expect(spec.data.map((d) => d.label)).toEqual(['三网格', '五网格', '一网格', '四网格', '二网格'])
    expect(spec.rows.map((r) => r.label)).toEqual(spec.data.map((d) => d.label))
  })

  it('grows with its rows, so every unit has a bar of the same height', () => {
    const h = (n: number) => barsSpec(Array.from({ length: n }, (_, i) => p(`${i}`, i))).height
    expect(h(3)).toBeGreaterThan(h(2))
    expect(h(5) - h(4)).toBe(h(3) - h(2))
  })
})

describe('scaleMax', () => {
  it('takes the given top, else rounds up to 1, 2, 2.5 or 5 of a power of ten', () => {
    expect(scaleMax([p('a', 3)], 1)).toBe(1)
    expect(scaleMax([p('a', 3)])).toBe(5)
    expect(scaleMax([p('a', 23)])).toBe(25)
    expect(scaleMax([p('a', 26)])).toBe(50)
    expect(scaleMax([p('a', 0.4)])).toBe(1)
    expect(scaleMax([])).toBe(1)
  })
})
