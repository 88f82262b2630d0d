import { buildSeed } from './index'
import type { HouseholdMonth, LedgerEntry, PointsAccount, PointsRule, VillageMonth } from '@shared/points/points.schema'
import { C } from '../cloudfunctions/_core/collections'
import { T0 } from '../tests/support/harness'

describe('points seed', () => {
  const seed = buildSeed(T0)
  const ledger = seed[C.points_ledger] as unknown as LedgerEntry[]
  it('has history, and every balance is the sum of its entries, each balanceAfter running correctly', () => {
    expect(ledger.length).toBeGreaterThan(50)
    for (const a of seed[C.points_accounts] as unknown as PointsAccount[]) {
      const mine = ledger.filter((e) => e.householdId === a._id).sort((x, y) => x.seq - y.seq)
      let run = 0
      for (const e of mine) {
        run += e.delta
        expect(e.balanceAfter).toBe(run)
        expect(run).toBeGreaterThanOrEqual(0)
      }
      expect(a.balance).toBe(run)
      expect(a.entries).toBe(mine.length)
    }
  })
  it('month counters agree with the entries', () => {
    for (const hm of seed[C.points_household_months] as unknown as HouseholdMonth[]) {
      const mine = ledger.filter((e) => e.householdId === hm.householdId && e.month === hm.month)
      expect(hm.entries).toBe(mine.length)
      expect(hm.earned).toBe(mine.filter((e) => e.delta > 0).reduce((s, e) => s + e.delta, 0))
    }
    for (const vm of seed[C.points_village_months] as unknown as VillageMonth[]) {
      const mine = ledger.filter((e) => e.villageId === vm.villageId && e.month === vm.month)
      expect(vm.activeHouseholds).toBe(new Set(mine.map((e) => e.householdId)).size)
      const given = Object.values(vm.givenByCategory).reduce((s, n) => s + n, 0)
      expect(given).toBe(mine.filter((e) => e.delta > 0).reduce((s, e) => s + e.delta, 0))
    }
  })
  it('seeds the system rules the patrol and volunteer domains credit through', () => {
    const codes = (seed[C.points_rules] as unknown as PointsRule[])
      .filter((r) => r.mode === 'system')
      .map((r) => `${r.villageId}:${r.code}`)
      .sort()
    expect(codes).toEqual([
      '513328100001:PATROL_DUTY',
      '513328100001:VOLUNTEER_HOUR',
      '513328101201:PATROL_DUTY',
      '513328101201:VOLUNTEER_HOUR',
    ])
  })
})
