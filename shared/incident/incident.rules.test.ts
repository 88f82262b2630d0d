import fc from 'fast-check'
import {
  appraisalScore,
  countyDeadlineRule,
  warnTime,
  cellBounds,
  cellCentre,
  cellsAround,
  nearbyStep,
  deadlineRule,
  distanceM,
  elapsedDays,
  figuresOf,
  geohash,
  monthsOf,
  rankCompare,
  emptyCounters,
  NEARBY_RADIUS_M,
} from './incident.rules'
import { SEVERITIES } from './incident.schema'
import { bjDayStart } from '../time/beijing'

describe('incident rules', () => {
  it('geohash matches known values', () => {
    expect(geohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj')
    expect(geohash(31.62, 99.99, 5)).toBe(geohash(31.62001, 99.99001, 5))
  })

  it('every point within the nearby radius is in one of the nine cells around', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 45, noNaN: true }),
        fc.double({ min: 75, max: 130, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: NEARBY_RADIUS_M, noNaN: true }),
        (lat, lng, angle, r) => {
          const dLat = (r * Math.cos(angle)) / 111_320
          const dLng = (r * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180))
          const other = { lat: lat + dLat, lng: lng + dLng }
          expect(distanceM({ lat, lng }, other)).toBeLessThan(NEARBY_RADIUS_M + 1)
          expect(cellsAround(lat, lng)).toContain(geohash(other.lat, other.lng))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("a point lies in its cell's bounds; the step between two cells depends on the cells alone", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 45, noNaN: true }),
        fc.double({ min: 75, max: 130, noNaN: true }),
        fc.double({ min: -0.004, max: 0.004, noNaN: true }),
        fc.double({ min: -0.004, max: 0.004, noNaN: true }),
        (lat, lng, dLat, dLng) => {
          const here = geohash(lat, lng)
          const b = cellBounds(here)
          expect(lat >= b.latLo && lat < b.latHi && lng >= b.lngLo && lng < b.lngHi).toBe(true)
          expect(geohash(cellCentre(here).lat, cellCentre(here).lng)).toBe(here)
          const there = geohash(lat + dLat, lng + dLng)
          const step = nearbyStep(here, there)
          expect(step).toBe(nearbyStep(there, here))
          if (here === there) expect(step).toBe('same_cell')
          else expect(step).toBe(cellsAround(lat, lng).includes(there) ? 'next_cell' : null)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('deadlines tighten with severity and some categories', () => {
    expect(deadlineRule('sanitation', 'normal')).toEqual({ acceptHours: 24, resolveDays: 7, firstLevel: 'grid' })
    expect(deadlineRule('hazard', 'normal').acceptHours).toBe(4)
    expect(deadlineRule('dispute', 'normal').resolveDays).toBe(5)
    expect(deadlineRule('hazard', 'serious')).toEqual({ acceptHours: 2, resolveDays: 1, firstLevel: 'township' })
    for (const s of SEVERITIES) expect(deadlineRule('other', s).acceptHours).toBeGreaterThan(0)
  })

  it('periods expand to months; elapsed days stop at now', () => {
    expect(monthsOf('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(monthsOf('2026-03')).toEqual(['2026-03'])
    expect(elapsedDays('2026-03', bjDayStart('2026-03-02') + 3_600_000)).toBe(2)
    expect(elapsedDays('2026-02', bjDayStart('2026-03-02'))).toBe(28)
  })

  it('figures keep closed and satisfied apart and never divide by zero', () => {
    const c = {
      ...emptyCounters(),
      found: 10,
      rejected: 2,
      closed: 6,
      closedOnTime: 3,
      closeHoursSum: 60,
      rated: 4,
      satisfied: 2,
      basic: 1,
      unsatisfied: 1,
      resolvedSatisfied: 3,
      closedUnrated: 2,
    }
    const f = figuresOf(c, 20)
    expect(f.resolutionRate).toBe(0.75)
    expect(f.onTimeRate).toBe(0.5)
    expect(f.avgHoursToClose).toBe(10)
    expect(f.satisfactionRate).toBe(0.75)
    expect(f.resolvedSatisfied).toBe(3)
    expect(f.closed).toBe(6)
    expect(figuresOf(emptyCounters(), null)).toMatchObject({
      resolutionRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      safeReportRate: null,
    })
  })

  it('ranks by reports found, then resolution rate', () => {
    const a = figuresOf({ ...emptyCounters(), found: 5, closed: 5 }, null)
    const b = figuresOf({ ...emptyCounters(), found: 5, closed: 4 }, null)
    const c = figuresOf({ ...emptyCounters(), found: 9 }, null)
    expect([a, b, c].sort(rankCompare)).toEqual([c, a, b])
  })
})

describe('county deadlines, 进度预警 and 一哨一考核 (issue #22)', () => {
  it("a county's cell replaces the rule in code for that category × severity only; the first handler follows severity", () => {
    const cells = [{ category: 'sanitation', severity: 'normal' as const, acceptHours: 12, resolveDays: 3 }]
    expect(countyDeadlineRule(cells, 'sanitation', 'normal')).toEqual({
      acceptHours: 12,
      resolveDays: 3,
      firstLevel: 'grid',
    })
    expect(countyDeadlineRule(cells, 'sanitation', 'major')).toEqual(deadlineRule('sanitation', 'major'))
    expect(countyDeadlineRule(null, 'hazard', 'normal')).toEqual(deadlineRule('hazard', 'normal'))
  })

  it('the warning falls at 75 % of the stage, strictly before its deadline; none without a deadline ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 4, max: 60 * 24 * 3_600_000 }), (from, span) => {
        const at = warnTime(from, from + span)!
        expect(at).toBeGreaterThan(from)
        expect(at).toBeLessThan(from + span)
        expect(Math.abs(at - (from + span * 0.75))).toBeLessThanOrEqual(1)
      }),
    )
    expect(warnTime(100, null)).toBeNull()
    expect(warnTime(100, 100)).toBeNull()
  })

  it('the appraisal score is half on-time rate, half rating, 0–100', () => {
    expect(appraisalScore(1, 4)).toBe(90)
    expect(appraisalScore(0.5, null)).toBe(50)
    expect(appraisalScore(null, 5)).toBe(100)
    expect(appraisalScore(null, null)).toBeNull()
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (r, s) => {
        const score = appraisalScore(r, s)!
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(100)
      }),
    )
  })
})
