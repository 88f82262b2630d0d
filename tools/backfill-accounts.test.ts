import { pointsContract } from '@shared/points/points.contract'
import type { PointsAccount } from '@shared/points/points.schema'
import { callsOf } from '../tests/support/contract-calls'
import { jpegWithExif } from '../tests/support/fixtures'
import { testEnv, type TestEnv } from '../tests/support/harness'
import { C } from '../cloudfunctions/_core/collections'
import { pointsKeys } from '../cloudfunctions/points/points.repo'
import { parseArgs, runBackfill } from './backfill-accounts'

/**
 * The one-time backfill of what points accounts keep (issue #21: open awards, the household), over the embedded
 * store: the same `DataPort` calls the script makes of CloudBase through `CloudbasePort`.
 */
let env: TestEnv
beforeEach(async () => (env = await testEnv()))
afterEach(() => env.close())
const points = callsOf(() => env, pointsContract)

const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const WANG_HH = 'hh-513328100001-G01-03'
const NEW_HH = 'hh-513328100001-G01-99'

async function approve(householdIds: string[]) {
  const batch = await points.ok('u-lixiuying', 'propose', {
    villageId: V,
    ruleId: pointsKeys.rule(V, 'YARD_CLEAN'),
    items: householdIds.map((householdId) => ({ householdId })),
    note: '庭院评比',
    evidence: [env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId],
  })
  await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id })
  return (await points.ok('u-lixiuying', 'getBatch', { batchId: batch.id })).awards
}

/** Every account of the village as a deployment from before wrote it (none kept), and NEW_HH's account gone. */
async function asBefore(): Promise<void> {
  const accounts = await env.rt.db.find(C.points_accounts, { where: { villageId: V }, limit: 1000 })
  await env.rt.db.transaction(async (tx) => {
    for (const a of accounts) {
      if (a._id === NEW_HH) await tx.remove(C.points_accounts, a._id)
      else {
        const { open: _o, household: _h, ...old } = a
        await tx.set(C.points_accounts, old as PointsAccount)
      }
    }
  })
}

async function keptOf(hh: string) {
  const a = await env.rt.db.get(C.points_accounts, hh)
  return a && { open: a.open?.map((o) => `${o.id} ${o.status}`).sort(), household: a.household }
}

describe('tools/backfill-accounts.ts', () => {
  it('a dry run writes nothing; --apply keeps every open award and household; a second run writes nothing', async () => {
    const wang = (await env.rt.db.get(C.households, WANG_HH))!
    await env.rt.db.transaction((tx) =>
      tx.insert(C.households, { ...wang, _id: NEW_HH, headName: '次仁', address: '幸福路 199 号', headUserId: null }),
    )
    const awards = await approve([ZHUOMA_HH, WANG_HH, NEW_HH])
    await points.ok('u-wangdeming', 'fileObjection', { awardId: awards[0]!.id, reason: '门口还堆着柴火' })
    // what the functions keep, then taken off as before the deployment
    const expected = Object.fromEntries(
      await Promise.all([ZHUOMA_HH, WANG_HH, NEW_HH].map(async (hh) => [hh, await keptOf(hh)] as const)),
    )
    expect(expected[NEW_HH]?.open).toHaveLength(1)
    const answer = await points.ok('u-zhuoma', 'myPoints', {})
    await asBefore()
    const villageAccounts = (await env.rt.db.find(C.points_accounts, { where: { villageId: V }, limit: 1000 })).length

    const dry = await runBackfill(env.rt.db, { apply: false, batch: 3, now: env.clock.now() })
    expect(dry).toMatchObject({ missing: villageAccounts, openAwards: 3, made: 1, retried: 0 })
    expect(dry.written).toBe(dry.households)
    expect(await keptOf(ZHUOMA_HH)).toEqual({ open: undefined, household: undefined })
    expect(await keptOf(NEW_HH)).toBeNull()

    const run = await runBackfill(env.rt.db, { apply: true, batch: 3, now: env.clock.now() })
    expect(run).toMatchObject({ households: dry.households, written: dry.written, made: 1, retried: 0 })
    for (const hh of [ZHUOMA_HH, WANG_HH, NEW_HH]) expect(await keptOf(hh)).toEqual(expected[hh])
    expect(await env.rt.db.get(C.points_accounts, NEW_HH)).toMatchObject({ entries: 0, balance: 0 })
    const other = (await env.rt.db.find(C.points_accounts, { where: { villageId: V }, limit: 1000 })).find(
      (a) => ![ZHUOMA_HH, WANG_HH, NEW_HH].includes(a._id),
    )!
    const h = (await env.rt.db.get(C.households, other._id))!
    expect(other).toMatchObject({ open: [], household: { headName: h.headName, address: h.address, villageId: V } })
    expect(await points.ok('u-zhuoma', 'myPoints', {})).toEqual(answer)

    expect(await runBackfill(env.rt.db, { apply: true, batch: 3 })).toMatchObject({ missing: 0, written: 0, made: 0 })
    expect(await runBackfill(env.rt.db, { apply: false, batch: 3 })).toMatchObject({ written: 0 })
  })

  it('puts right an account made after the deployment that lacks an award approved before it', async () => {
    const [old] = await approve([ZHUOMA_HH])
    const account = (await env.rt.db.get(C.points_accounts, ZHUOMA_HH))!
    // the award approved before the deployment is not on the account the functions then wrote
    await env.rt.db.transaction((tx) => tx.set(C.points_accounts, { ...account, open: [] }))
    expect((await points.ok('u-zhuoma', 'myPoints', {})).pending.count).toBe(0)
    const run = await runBackfill(env.rt.db, { apply: true, batch: 100 })
    expect(run).toMatchObject({ missing: 0, written: 1 })
    expect((await keptOf(ZHUOMA_HH))?.open).toEqual([`${old!.id} publicity`])
    expect((await points.ok('u-zhuoma', 'myPoints', {})).pending).toEqual({ count: 1, points: 5 })
  })

  it('takes its arguments as the deploy does', () => {
    expect(parseArgs(['--env', 'e1', '--apply', '--batch', '50'])).toEqual({
      env: 'e1',
      apply: true,
      batch: 50,
      region: undefined,
    })
    expect(() => parseArgs(['--apply'])).toThrow('--env')
    expect(() => parseArgs(['--env', 'e1', '--batch', '0'])).toThrow('--batch')
  })
})
