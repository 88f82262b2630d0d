import fc from 'fast-check'
import { sign, timeCode, verify, verifyTimeCode } from './signing'

const KEY = 'k'.repeat(32)

describe('signing', () => {
  it('verifies its own signatures and nothing made for another purpose or part', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = sign(KEY, 'patrol-checkpoint', [a], 12)
        expect(verify(KEY, 'patrol-checkpoint', [a], s)).toBe(true)
        expect(verify(KEY, 'volunteer-checkin', [a], s)).toBe(false)
        if (a !== b) expect(verify(KEY, 'patrol-checkpoint', [b], s)).toBe(false)
        expect(verify('x'.repeat(32), 'patrol-checkpoint', [a], s)).toBe(false)
      }),
    )
  })

  it('keeps parts apart: ("ab","c") is not ("a","bc")', () => {
    expect(sign(KEY, 'p', ['ab', 'c'], 12)).not.toBe(sign(KEY, 'p', ['a', 'bc'], 12))
  })

  it('accepts a time code for its step and one step back, not older or newer', () => {
    const step = 60_000
    const t = 1_800_000_000_000
    const code = timeCode(KEY, 'volunteer-checkin', ['task1'], t, step, 8)
    expect(verifyTimeCode(KEY, 'volunteer-checkin', ['task1'], code, t + 1, step)).toBe(true)
    expect(verifyTimeCode(KEY, 'volunteer-checkin', ['task1'], code, t + step, step)).toBe(true)
    expect(verifyTimeCode(KEY, 'volunteer-checkin', ['task1'], code, t + 2 * step, step)).toBe(false)
    expect(verifyTimeCode(KEY, 'volunteer-checkin', ['task1'], code, t - step, step)).toBe(false)
    expect(verifyTimeCode(KEY, 'volunteer-checkin', ['task2'], code, t, step)).toBe(false)
  })
})
