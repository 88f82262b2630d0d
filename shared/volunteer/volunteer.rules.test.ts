import fc from 'fast-check'
import { canTransition, NEED_STATUS_NAMES, NEED_TRANSITIONS, type NeedTransition } from './volunteer.states'
import { attendanceRate, hoursToMinutes, measuredMinutes, minutesToHours, pointsHours } from './volunteer.rules'

const ts = fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 })

describe('measuredMinutes', () => {
  it('is never negative and never longer than the task or the stay', () => {
    fc.assert(
      fc.property(
        ts,
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: -600, max: 2000 }),
        fc.integer({ min: 0, max: 3000 }),
        (start, taskMin, inOffset, stayMin) => {
          const end = start + taskMin * 60_000
          const checkIn = start + inOffset * 60_000
          const checkOut = checkIn + stayMin * 60_000
          const m = measuredMinutes(checkIn, checkOut, start, end)
          expect(m).toBeGreaterThanOrEqual(0)
          expect(m).toBeLessThanOrEqual(taskMin)
          expect(m).toBeLessThanOrEqual(stayMin)
          expect(Number.isInteger(m)).toBe(true)
        },
      ),
    )
  })
  it('is 0 without both clock times, and the full task for a stay covering it', () => {
    fc.assert(
      fc.property(ts, fc.integer({ min: 1, max: 1440 }), (start, len) => {
        const end = start + len * 60_000
        expect(measuredMinutes(null, end, start, end)).toBe(0)
        expect(measuredMinutes(start, null, start, end)).toBe(0)
        expect(measuredMinutes(start - 1, end + 1, start, end)).toBe(len)
      }),
    )
  })
})

describe('pointsHours', () => {
  it('counts whole half hours, capped, monotone in minutes, zero when the task earns none', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 24 }),
        fc.boolean(),
        (a, b, maxHours, earns) => {
          const rule = { earnsPoints: earns, maxHours }
          const pa = pointsHours(a, rule)
          expect(pa).toBeGreaterThanOrEqual(0)
          expect(pa).toBeLessThanOrEqual(maxHours)
          expect((pa * 2) % 1).toBe(0)
          expect(pa * 60).toBeLessThanOrEqual(a)
          if (!earns) expect(pa).toBe(0)
          if (a <= b) expect(pa).toBeLessThanOrEqual(pointsHours(b, rule))
        },
      ),
    )
  })
})

describe('hours and minutes', () => {
  it('round-trip whole minutes within a minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (m) => {
        expect(Math.abs(hoursToMinutes(minutesToHours(m)) - m)).toBeLessThanOrEqual(1)
      }),
    )
  })
  it('attendance rate is a percentage or null', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const r = attendanceRate(a, b)
        if (a + b === 0) expect(r).toBeNull()
        else {
          expect(r).toBeGreaterThanOrEqual(0)
          expect(r).toBeLessThanOrEqual(100)
        }
      }),
    )
  })
})

describe('need transitions', () => {
  it('every transition × status: allowed exactly from its listed statuses; closed statuses allow nothing', () => {
    for (const transition of Object.keys(NEED_TRANSITIONS) as NeedTransition[]) {
      for (const status of NEED_STATUS_NAMES) {
        expect(canTransition(transition, status)).toBe(
          (NEED_TRANSITIONS[transition].from as readonly string[]).includes(status),
        )
        if (['verified', 'rejected', 'withdrawn'].includes(status))
          expect(canTransition(transition, status)).toBe(false)
      }
    }
  })
})
