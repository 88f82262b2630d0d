import fc from 'fast-check'
import { bjDayStart } from '../time/beijing'
import {
  creditVerdict,
  distanceM,
  formatCode,
  minPatrolMs,
  judgeCheckin,
  parseCode,
  PATROL_LIMITS,
  plannedWindows,
  speedMps,
  windowAt,
  windowsBetween,
  type CheckinFacts,
  type CreditFacts,
} from './patrol.rules'
import { reviewTarget, CHECKIN_STATUS_NAMES } from './patrol.states'

const GANZI = { lat: 31.6226, lng: 99.992 }
const point = fc.record({
  lat: fc.double({ min: 20, max: 50, noNaN: true }),
  lng: fc.double({ min: 75, max: 130, noNaN: true }),
})

describe('distance (haversine)', () => {
  it('matches known distances', () => {
    // one arc-minute of latitude is about 1853 m; 0.001° of longitude at 31.6° about 94.8 m
    expect(distanceM(GANZI, { lat: GANZI.lat + 1 / 60, lng: GANZI.lng })).toBeCloseTo(1853, -1)
    expect(distanceM(GANZI, { lat: GANZI.lat, lng: GANZI.lng + 0.001 })).toBeCloseTo(94.8, 0)
    expect(distanceM(GANZI, GANZI)).toBe(0)
  })
  it('is symmetric, non-negative and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = distanceM(a, b)
        expect(ab).toBeGreaterThanOrEqual(0)
        expect(Math.abs(ab - distanceM(b, a))).toBeLessThan(1e-6)
        expect(distanceM(a, c)).toBeLessThanOrEqual(ab + distanceM(b, c) + 1e-6)
      }),
    )
  })
  it('a north-south step equals the arc length', () => {
    fc.assert(
      fc.property(point, fc.double({ min: 0, max: 0.05, noNaN: true }), (a, d) => {
        const expected = ((d * Math.PI) / 180) * 6_371_008.8
        expect(Math.abs(distanceM(a, { lat: a.lat + d, lng: a.lng }) - expected)).toBeLessThan(1e-3 + expected * 1e-9)
      }),
    )
  })
})

describe('speed', () => {
  it('is distance over time, symmetric in order', () => {
    fc.assert(
      fc.property(point, point, fc.integer({ min: 1, max: 10_000_000 }), (a, b, dt) => {
        const s = speedMps({ ...a, at: 0 }, { ...b, at: dt })
        expect(s).toBeCloseTo(distanceM(a, b) / (dt / 1000), 6)
        expect(speedMps({ ...b, at: dt }, { ...a, at: 0 })).toBeCloseTo(s, 9)
      }),
    )
  })
  it('a jump with no time between is infinitely fast; standing still is 0', () => {
    expect(speedMps({ ...GANZI, at: 5 }, { lat: GANZI.lat + 0.01, lng: GANZI.lng, at: 5 })).toBe(Infinity)
    expect(speedMps({ ...GANZI, at: 5 }, { ...GANZI, at: 5 })).toBe(0)
  })
})

describe('shift windows (Beijing time)', () => {
  const morning = { startMinute: 8 * 60, durationMinutes: 120, weekdays: [1, 2, 3, 4, 5] }
  const night = { startMinute: 22 * 60, durationMinutes: 180, weekdays: [1] }
  const monday = bjDayStart('2026-03-02')
  it('finds the window containing a time, by Beijing day and weekday', () => {
    expect(windowAt(morning, monday + 9 * 3_600_000)).toEqual({
      day: '2026-03-02',
      start: monday + 8 * 3_600_000,
      end: monday + 10 * 3_600_000,
    })
    expect(windowAt(morning, monday + 10 * 3_600_000)).toBeNull()
    expect(windowAt(morning, monday + 7 * 3_600_000 + 59 * 60_000)).toBeNull()
    // Saturday is not in the shift
    expect(windowAt(morning, bjDayStart('2026-03-07') + 9 * 3_600_000)).toBeNull()
  })
  it('a night shift that crosses midnight belongs to the day it started', () => {
    const tuesday1am = bjDayStart('2026-03-03') + 30 * 60_000
    expect(windowAt(night, tuesday1am)?.day).toBe('2026-03-02')
    expect(windowAt(night, bjDayStart('2026-03-04') + 3_600_000)).toBeNull()
  })
  it('lists the windows that start in a period', () => {
    const ws = windowsBetween(morning, monday, bjDayStart('2026-03-09'))
    expect(ws.map((w) => w.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'])
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 86_400_000 }), fc.integer({ min: 0, max: 1439 }), (off, t) => {
        const ts = monday + off
        const shift = { startMinute: t, durationMinutes: 90, weekdays: [1, 3, 6] }
        const w = windowAt(shift, ts)
        const listed = windowsBetween(shift, ts - 86_400_000 * 2, ts + 1)
        // the window containing ts is exactly the listed one whose interval contains ts
        expect(listed.find((x) => ts >= x.start && ts < x.end) ?? null).toEqual(w)
      }),
    )
  })
  it('plans the windows it could be walked in: not over when the shift was made, begun before it was retired', () => {
    const created = monday + 9 * 3_600_000 // Monday 09:00, while that morning's window (08:00–10:00) is open
    const shift = { ...morning, createdAt: created, retiredAt: bjDayStart('2026-03-05') }
    const days = plannedWindows(shift, monday, bjDayStart('2026-03-09')).map((w) => w.day)
    expect(days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04'])
    expect(plannedWindows({ ...shift, retiredAt: null }, monday, bjDayStart('2026-03-07')).length).toBe(5)
    // made at 10:00, when Monday's window had just ended: from Tuesday
    expect(
      plannedWindows({ ...shift, createdAt: monday + 10 * 3_600_000 }, monday, bjDayStart('2026-03-09'))[0]!.day,
    ).toBe('2026-03-03')
    // a period that begins after a window began does not count that window
    expect(plannedWindows(shift, monday + 9 * 3_600_000, bjDayStart('2026-03-05')).map((w) => w.day)).toEqual([
      '2026-03-03',
      '2026-03-04',
    ])
  })
  it('never plans fewer windows than a shift was walked in (any creation time, any window)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 * 1440 - 1 }),
        fc.integer({ min: 0, max: 7 * 1440 - 1 }),
        (made, walked) => {
          const createdAt = monday + made * 60_000
          const at = Math.max(createdAt, monday + walked * 60_000)
          const w = windowAt(morning, at)
          if (!w) return
          const planned = plannedWindows({ ...morning, createdAt, retiredAt: null }, monday, monday + 8 * 86_400_000)
          expect(planned.some((p) => p.start === w.start)).toBe(true)
        },
      ),
    )
  })
})

describe('check-in judgement', () => {
  const now = bjDayStart('2026-03-02') + 9 * 3_600_000
  const base: CheckinFacts = {
    now,
    deviceAt: now,
    position: GANZI,
    accuracyM: 10,
    checkpoint: { ...GANZI, radiusM: 50 },
    window: { start: now - 3_600_000, end: now + 3_600_000 },
    lastDeviceAt: null,
    others: [],
  }
  it('passes a good check-in', () => {
    expect(judgeCheckin(base)).toMatchObject({ at: now, late: false, flags: [], distanceM: 0, speedMps: null })
  })
  it('flags each soft failure with its reason', () => {
    expect(judgeCheckin({ ...base, position: { lat: GANZI.lat + 0.001, lng: GANZI.lng } }).flags).toEqual([
      'out_of_range',
    ])
    expect(judgeCheckin({ ...base, accuracyM: 80 }).flags).toEqual(['poor_accuracy'])
    expect(judgeCheckin({ ...base, deviceAt: now + 10 * 60_000 }).flags).toEqual(['device_time_future'])
    expect(judgeCheckin({ ...base, deviceAt: now - 25 * 3_600_000 }).flags).toEqual(['too_late', 'outside_shift'])
    expect(judgeCheckin({ ...base, lastDeviceAt: now + 60_000 }).flags).toEqual(['not_monotonic'])
    expect(judgeCheckin({ ...base, window: { start: now + 1, end: now + 2 } }).flags).toEqual(['outside_shift'])
    // 1 km in 2 minutes is 8.3 m/s: not on foot
    const far = { lat: GANZI.lat + 0.009, lng: GANZI.lng, at: now - 120_000 }
    const v = judgeCheckin({ ...base, others: [far] })
    expect(v.flags).toEqual(['too_fast'])
    expect(v.speedMps).toBeGreaterThan(8)
    // the same 1 km in 15 minutes is a walk
    expect(judgeCheckin({ ...base, others: [{ ...far, at: now - 15 * 60_000 }] }).flags).toEqual([])
  })
  it('an offline check-in keeps its device time when plausible and is marked late', () => {
    const v = judgeCheckin({ ...base, now: now + 3 * 3_600_000, deviceAt: now })
    expect(v).toMatchObject({ at: now, late: true, flags: [] })
  })
  it('never trusts a device time in the future, whatever it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400_000 }), (ahead) => {
        const v = judgeCheckin({ ...base, deviceAt: now + ahead })
        expect(v.at).toBeLessThanOrEqual(now + PATROL_LIMITS.futureSkewMs)
        if (ahead > PATROL_LIMITS.futureSkewMs) expect(v.flags).toContain('device_time_future')
      }),
    )
  })
  it('is within radius exactly when the distance is at most the radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.002, max: 0.002, noNaN: true }),
        fc.double({ min: -0.002, max: 0.002, noNaN: true }),
        fc.integer({ min: 10, max: 500 }),
        (dl, dg, r) => {
          const position = { lat: GANZI.lat + dl, lng: GANZI.lng + dg }
          const v = judgeCheckin({ ...base, position, checkpoint: { ...GANZI, radiusM: r } })
          expect(v.flags.includes('out_of_range')).toBe(distanceM(position, GANZI) > r)
        },
      ),
    )
  })
})

describe('checkpoint codes', () => {
  it('fits in a mini-program code scene and parses back from scans and typing', () => {
    const code = formatCode('cp-Ab3dE5gH9k', 'ZZ09azAZ12xy')
    expect(code).toBe('p1-Ab3dE5gH9k-ZZ09azAZ12xy')
    expect(code.length).toBeLessThanOrEqual(32)
    expect(parseCode(code)).toEqual({ checkpointId: 'cp-Ab3dE5gH9k', signature: 'ZZ09azAZ12xy', code })
    expect(parseCode(` p1-Ab3dE 5gH9k-ZZ09azAZ12xy `)?.checkpointId).toBe('cp-Ab3dE5gH9k')
    expect(parseCode(`pages/x?scene=${encodeURIComponent(code)}`)?.code).toBe(code)
    expect(parseCode('hello')).toBeNull()
    expect(parseCode('p1-short-ZZ09azAZ12xy')).toBeNull()
  })
})

describe('review transitions', () => {
  it('only a flagged check-in is reviewed', () => {
    for (const s of CHECKIN_STATUS_NAMES) {
      expect(reviewTarget(s, 'accept')).toBe(s === 'flagged' ? 'accepted' : null)
      expect(reviewTarget(s, 'reject')).toBe(s === 'flagged' ? 'rejected' : null)
    }
  })
})

describe('what a finished patrol earns', () => {
  const facts = fc.record({
    total: fc.integer({ min: 1, max: 50 }),
    counted: fc.integer({ min: 0, max: 50 }),
    open: fc.integer({ min: 0, max: 50 }),
    thresholdPct: fc.integer({ min: 50, max: 100 }),
    durationMs: fc.integer({ min: 0, max: 4 * 3_600_000 }),
    minMs: fc.integer({ min: 0, max: 3_600_000 }),
  })
  const fits = (f: CreditFacts) => f.counted + f.open <= f.total
  const covers = (n: number, f: CreditFacts) => n * 100 >= f.thresholdPct * f.total

  it('1 of 5 earns nothing; 4 of 5 at the default 80 % does; a flagged one leaves it pending', () => {
    const base = { total: 5, open: 0, thresholdPct: 80, durationMs: 45 * 60_000, minMs: 10 * 60_000 }
    expect(creditVerdict({ ...base, counted: 1 })).toEqual({ status: 'none', reasons: ['coverage_low'] })
    expect(creditVerdict({ ...base, counted: 4 })).toEqual({ status: 'credited', reasons: [] })
    expect(creditVerdict({ ...base, counted: 3, open: 1 })).toEqual({ status: 'pending', reasons: ['flagged_pending'] })
    expect(creditVerdict({ ...base, counted: 5, durationMs: 60_000 })).toEqual({
      status: 'none',
      reasons: ['too_short'],
    })
  })

  it('credits only what covers the threshold, took the walk, with nothing left to review', () => {
    fc.assert(
      fc.property(facts.filter(fits), (f) => {
        const v = creditVerdict(f)
        if (v.status === 'credited') expect(covers(f.counted, f) && f.durationMs >= f.minMs && f.open === 0).toBe(true)
        if (v.status === 'pending') expect(f.open > 0 && covers(f.counted + f.open, f)).toBe(true)
        if (v.status === 'none') expect(v.reasons.length).toBeGreaterThan(0)
      }),
    )
  })

  it('pending means the reviews decide: accepting them all can credit, rejecting them all cannot unless covered', () => {
    fc.assert(
      fc.property(facts.filter(fits), (f) => {
        if (creditVerdict(f).status !== 'pending') return
        const accepted = creditVerdict({ ...f, counted: f.counted + f.open, open: 0 })
        expect(accepted.status).toBe('credited')
        const rejected = creditVerdict({ ...f, open: 0 })
        expect(rejected.status).toBe(covers(f.counted, f) ? 'credited' : 'none')
      }),
    )
  })

  it('a decision of none is final: no review can turn it into a credit', () => {
    fc.assert(
      fc.property(facts.filter(fits), fc.integer({ min: 0, max: 50 }), (f, acceptedOfOpen) => {
        if (creditVerdict(f).status !== 'none') return
        const a = Math.min(acceptedOfOpen, f.open)
        // reviews only move open check-ins to counted (accepted) or away (rejected); the walk only grows
        expect(creditVerdict({ ...f, counted: f.counted + a, open: 0 }).status).toBe('none')
      }),
    )
  })

  it('the shortest patrol is the walk at a run, and adding a checkpoint never shortens it', () => {
    const a = GANZI
    const b = { lat: GANZI.lat + 0.009, lng: GANZI.lng } // about 1 km north
    expect(minPatrolMs([a])).toBe(0)
    expect(minPatrolMs([a, b]) / 1000).toBeCloseTo(distanceM(a, b) / 3, 0)
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 8 }), fc.nat(), point, (walk, at, extra) => {
        const i = at % (walk.length + 1)
        const longer = [...walk.slice(0, i), extra, ...walk.slice(i)]
        expect(minPatrolMs(longer)).toBeGreaterThanOrEqual(minPatrolMs(walk) - 1)
      }),
    )
  })
})
