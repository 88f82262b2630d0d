import fc from 'fast-check'
import { newId } from '../_core/ids'
import { eventId, inboxId } from './incident.repo'

/**
 * Ids that grow with time put new documents at the end of their index: at prefecture scale a hashed id sent
 * every new event or message to a random, mostly uncached page of a table of millions.
 */
describe('ids of events and messages', () => {
  const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2050, 0, 1) })

  it("a later case's events sort after an earlier one's, and a case's events in step order", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 30_000_000 }),
        fc.integer({ min: 1, max: 9998 }),
        (t, gap, seq) => {
          const early = newId('inc', t)
          const late = newId('inc', t + gap)
          expect(eventId(early, 9999) < eventId(late, 1)).toBe(true)
          expect(eventId(early, seq) < eventId(early, seq + 1)).toBe(true)
        },
      ),
    )
  })

  it('messages sort by time; the same person, case, step and title at the same time is the same message', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30_000_000 }), fc.string(), (t, gap, title) => {
        expect(inboxId('u-b', 'inc_x', 1, title, t) < inboxId('u-a', 'inc_a', 1, title, t + gap)).toBe(true)
        expect(inboxId('u-a', 'inc_x', 2, title, t)).toBe(inboxId('u-a', 'inc_x', 2, title, t))
        expect(inboxId('u-a', 'inc_x', 2, title, t)).not.toBe(inboxId('u-b', 'inc_x', 2, title, t))
        expect(inboxId('u-a', 'inc_x', 2, title, t)).toMatch(/^im_[0-9a-z]{25}$/)
      }),
    )
  })
})
