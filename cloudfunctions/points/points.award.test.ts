import { testEnv, T0, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import { creditSystemAward, type SystemAwardArgs } from './points.award'

let env: TestEnv
let db: DataPort
beforeEach(async () => {
  env = await testEnv()
  db = env.rt.db
})
afterEach(() => env.close())

const HH = 'hh-513328100001-G03-01'
const base = (over: Partial<SystemAwardArgs> = {}): SystemAwardArgs => ({
  villageId: '513328100001',
  householdId: HH,
  userId: 'u-duoji',
  ruleCode: 'PATROL_DUTY',
  quantity: 1,
  sourceKey: 'patrol:p-1',
  reason: '巡逻 3 月 2 日白班',
  now: T0,
  ...over,
})
const award = (args: SystemAwardArgs) => db.transaction((tx) => creditSystemAward(tx, args))
const balance = async (id = HH) => (await db.get(C.points_accounts, id))?.balance ?? 0
const ledgerSum = async (id = HH) =>
  (await db.find(C.points_ledger, { where: { householdId: id } })).reduce((s, e) => s + e.delta, 0)

describe('creditSystemAward', () => {
  it('credits once per source event', async () => {
    const before = await balance()
    const first = await award(base())
    expect(first).toMatchObject({ credited: true, points: 3 })
    const again = await award(base())
    expect(again).toEqual({ credited: false, entryId: first.entryId, points: 3 })
    expect(await balance()).toBe(before + 3)
    expect(await ledgerSum()).toBe(before + 3)
    const entry = await db.get(C.points_ledger, first.entryId)
    expect(entry).toMatchObject({
      kind: 'system',
      ruleCode: 'PATROL_DUTY',
      ruleVersion: 1,
      sourceType: 'system',
      sourceId: 'patrol:p-1',
      memberName: '多吉',
      month: '2026-03',
    })
  })

  it('cuts to the monthly cap and records a full cap as a 0-point entry', async () => {
    // VOLUNTEER_HOUR: 2 points an hour, cap 40 a month
    expect(await award(base({ ruleCode: 'VOLUNTEER_HOUR', quantity: 15, sourceKey: 'v:1' }))).toMatchObject({
      credited: true,
      points: 30,
    })
    expect(await award(base({ ruleCode: 'VOLUNTEER_HOUR', quantity: 15, sourceKey: 'v:2' }))).toMatchObject({
      credited: true,
      points: 10,
    })
    expect(await award(base({ ruleCode: 'VOLUNTEER_HOUR', quantity: 1, sourceKey: 'v:3' }))).toMatchObject({
      credited: true,
      points: 0,
      skipped: 'cap_reached',
    })
    // a new Beijing month has a fresh cap
    expect(
      await award(
        base({ ruleCode: 'VOLUNTEER_HOUR', quantity: 1, sourceKey: 'v:4', now: Date.UTC(2026, 2, 31, 16, 0) }),
      ),
    ).toMatchObject({ points: 2 })
    expect(await balance()).toBe(await ledgerSum())
  })

  it('skips without writing or throwing when it cannot apply', async () => {
    expect(await award(base({ villageId: '620802001003', householdId: 'hh-620802001003-G01-01' }))).toMatchObject({
      credited: false,
      skipped: 'no_rule',
    })
    expect(await award(base({ householdId: 'hh-nope' }))).toMatchObject({ credited: false, skipped: 'no_household' })
    expect(await award(base({ householdId: 'hh-513328101201-G01-01' }))).toMatchObject({
      credited: false,
      skipped: 'other_village',
    })
    expect(await db.count(C.points_ledger, { sourceType: 'system' })).toBe(0)
  })

  it('rolls back with the caller’s transaction', async () => {
    const before = await balance()
    await expect(
      db.transaction(async (tx) => {
        await creditSystemAward(tx, base({ sourceKey: 'patrol:rolled-back' }))
        throw new Error('the patrol write failed')
      }),
    ).rejects.toThrow('the patrol write failed')
    expect(await balance()).toBe(before)
    expect(await award(base({ sourceKey: 'patrol:rolled-back' }))).toMatchObject({ credited: true })
  })
})
