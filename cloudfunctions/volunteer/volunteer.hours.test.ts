import fc from 'fast-check'
import { createLocalRuntime } from '../_core/local-runtime'
import { ManualClock } from '../_core/clock'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import { recordVolunteerHours } from './volunteer.hours'
import { ids } from './volunteer.repo'

const log = { info: () => undefined, error: () => undefined }

describe('recordVolunteerHours (property)', () => {
  it('totals always equal the sum of entries; each sourceKey counts once per person, however often it is recorded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            user: fc.constantFrom('u-a', 'u-b', 'u-c'),
            key: fc.constantFrom('task:1', 'task:2', 'patrol:1', 'patrol:2', 'need:9'),
            minutes: fc.integer({ min: 0, max: 600 }),
          }),
          { maxLength: 40 },
        ),
        async (events) => {
          const rt = createLocalRuntime({ dbFile: ':memory:', clock: new ManualClock(0), log })
          const db: DataPort = rt.db
          try {
            const firstMinutes = new Map<string, number>()
            for (const e of events) {
              const source = e.key.split(':')[0] as 'task' | 'patrol' | 'need'
              const res = await rt.db.transaction((tx) =>
                recordVolunteerHours(tx, {
                  userId: e.user,
                  householdId: null,
                  villageId: null,
                  minutes: e.minutes,
                  source,
                  sourceKey: e.key,
                  note: e.key,
                  now: 1,
                }),
              )
              const k = `${e.user}|${e.key}`
              expect(res.recorded).toBe(!firstMinutes.has(k))
              if (!firstMinutes.has(k)) firstMinutes.set(k, e.minutes)
            }
            for (const user of ['u-a', 'u-b', 'u-c']) {
              const entries = await db.find(C.volunteer_hours, { where: { userId: user } })
              const total = await db.get(C.volunteer_totals, ids.hoursTotal(user))
              const expected = [...firstMinutes]
                .filter(([k]) => k.startsWith(`${user}|`))
                .reduce((s, [, m]) => s + m, 0)
              expect(entries.reduce((s, e) => s + e.minutes, 0)).toBe(expected)
              expect(total?.minutes ?? 0).toBe(expected)
              expect(total?.entries ?? 0).toBe(entries.length)
              if (total) expect(total.taskMinutes + total.patrolMinutes + total.needMinutes).toBe(total.minutes)
            }
          } finally {
            await rt.db.close()
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('a transaction that fails after recording leaves nothing behind', async () => {
    const rt = createLocalRuntime({ dbFile: ':memory:', clock: new ManualClock(0), log })
    await expect(
      rt.db.transaction(async (tx) => {
        await recordVolunteerHours(tx, {
          userId: 'u-a',
          householdId: null,
          villageId: null,
          hours: 2,
          source: 'patrol',
          sourceKey: 'patrol:x',
          note: '',
          now: 1,
        })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await rt.db.count(C.volunteer_hours)).toBe(0)
    expect(await rt.db.get(C.volunteer_totals, ids.hoursTotal('u-a'))).toBeNull()
    await rt.db.close()
  })
})
