import fc from 'fast-check'
import { bjDay, bjDayStart, bjIsoWeekday, bjMinuteOfDay, bjMonth, bjMonthRange, bjQuarter, formatBj } from './beijing'

describe('Beijing time, whatever the server zone', () => {
  it('a UTC evening is already the next Beijing day and month', () => {
    const t = Date.UTC(2026, 0, 31, 17, 30) // 2026-02-01 01:30 in Beijing
    expect(bjDay(t)).toBe('2026-02-01')
    expect(bjMonth(t)).toBe('2026-02')
    expect(bjQuarter(t)).toBe('2026-Q1')
    expect(formatBj(t)).toBe('2026-02-01 01:30')
    expect(bjMinuteOfDay(t)).toBe(90)
    expect(bjIsoWeekday(t)).toBe(7)
  })

  it('month ranges start at Beijing midnight', () => {
    const [start, end] = bjMonthRange('2026-12')
    expect(new Date(start).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(new Date(end).toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('every instant lies in its own Beijing day and month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }), (t) => {
        const start = bjDayStart(bjDay(t))
        expect(t).toBeGreaterThanOrEqual(start)
        expect(t).toBeLessThan(start + 86_400_000)
        const [ms, me] = bjMonthRange(bjMonth(t))
        expect(t >= ms && t < me).toBe(true)
        expect(bjMinuteOfDay(t)).toBe(Math.floor((t - start) / 60_000))
      }),
    )
  })
})
