import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
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

  it('agrees with the Asia/Shanghai zone of the platform for every instant (property)', () => {
    const parts = (t: number) =>
      Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          weekday: 'short',
          hourCycle: 'h23',
        })
          .formatToParts(t)
          .map((p) => [p.type, p.value]),
      )
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2099, 0, 1) }), (t) => {
        const p = parts(t)
        expect(bjDay(t)).toBe(`${p.year}-${p.month}-${p.day}`)
        expect(bjMonth(t)).toBe(`${p.year}-${p.month}`)
        expect(bjQuarter(t)).toBe(`${p.year}-Q${Math.floor((Number(p.month) - 1) / 3) + 1}`)
        expect(formatBj(t)).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`)
        expect(formatBj(t, 'M月D日 HH:mm')).toBe(`${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`)
        expect(bjMinuteOfDay(t)).toBe(Number(p.hour) * 60 + Number(p.minute))
        expect(bjIsoWeekday(t)).toBe(weekdays.indexOf(p.weekday!) + 1)
      }),
      { numRuns: 2000 },
    )
  })

  it('gives the same answers on a server in a zone with daylight saving, next to its changes', () => {
    const script = `
      const b = require(${JSON.stringify(resolve(__dirname, 'beijing.ts'))});
      const ts = [Date.UTC(1999, 9, 30, 18), Date.UTC(2026, 2, 8, 6, 59), Date.UTC(2026, 2, 8, 7, 1), Date.UTC(2026, 10, 1, 5, 30)];
      console.log(JSON.stringify(ts.map((t) => [b.formatBj(t), b.formatBj(t, 'M月D日 dddd HH:mm'), b.bjMinuteOfDay(t)])));`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'America/New_York' },
    })
    expect(JSON.parse(run.stdout)).toEqual([
      ['1999-10-31 02:00', '10月31日 星期日 02:00', 120],
      ['2026-03-08 14:59', '3月8日 星期日 14:59', 899],
      ['2026-03-08 15:01', '3月8日 星期日 15:01', 901],
      ['2026-11-01 13:30', '11月1日 星期日 13:30', 810],
    ])
  })
})
