import { Axis, Canvas, Chart, Interval, TextGuide, jsx } from '@antv/f2'
import { axisText, type ChartSpec } from './chart-spec'

/**
 * Draws one chart spec with F2 on a 2D canvas context (WeChat's canvas node or the browser's <canvas>). Written as
 * calls, not JSX: the pages' JSX is React's. Imported only by chart.tsx, which only subpackages import, so F2 ships
 * in the subpackages that draw charts and never in the main package.
 */
// F2's own typing of jsx wants each component's props class by class; the props below follow F2's documentation
const el = jsx as unknown as (type: unknown, props: Record<string, unknown>) => ReturnType<typeof jsx>

export interface DrawTarget {
  context: CanvasRenderingContext2D
  /** CSS px */
  width: number
  height: number
  pixelRatio: number
}

export async function drawChart(
  target: DrawTarget,
  spec: ChartSpec,
  opts: { fontSize: number },
): Promise<{ destroy(): void }> {
  const fontSize = opts.fontSize
  const label = { fontSize, fill: '#1f1f1f' }
  const guides = spec.data.map((d) =>
    el(TextGuide, {
      records: [{ label: d.label, value: d.value }],
      content: d.text,
      offsetX: spec.kind === 'bars' ? fontSize / 2 : 0,
      offsetY: spec.kind === 'bars' ? 0 : -fontSize,
      style: {
        fontSize,
        fill: '#1f1f1f',
        textAlign: spec.kind === 'bars' ? 'start' : 'center',
        textBaseline: 'middle',
      },
    }),
  )
  const chart = el(Chart, {
    data: spec.data,
    coord: spec.kind === 'bars' ? { transposed: true } : undefined,
    scale: {
      label: { type: 'cat' },
      // a ranking's bars leave room at the end for their figures
      value: { min: 0, max: spec.kind === 'bars' ? spec.max * 1.3 : spec.max * 1.15, ticks: spec.ticks, nice: false },
    },
    children: [
      el(Axis, { field: 'label', style: { label } }),
      el(Axis, {
        field: 'value',
        visible: spec.kind === 'columns',
        formatter: (v: number) => axisText(spec, v),
        style: { label: { ...label, fill: '#4a4a4a' } },
      }),
      el(Interval, { x: 'label', y: 'value', color: spec.color }),
      ...guides,
    ],
  })
  const canvas = new Canvas({
    context: target.context,
    width: target.width,
    height: target.height,
    pixelRatio: target.pixelRatio,
    // the picture is there at once: no animation to wait for (and none to distract)
    animate: false,
    padding: [fontSize * 1.5, fontSize, fontSize * 0.5, fontSize],
    children: chart,
  })
  await canvas.render()
  return canvas
}
