import { pointsContract } from '@shared/points/points.contract'
import { bjMonth } from '@shared/time/beijing'
import { callsOf } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import * as ids from '../_core/ids'
import { pointsKeys, SETTINGS_TTL_MS } from './points.repo'

/**
 * Issue #21's fewer requests for redeem and approveBatch, kept exact: the month's redemption limit counted on the
 * household's account (across the Beijing month boundary, through cancels, and for an account whose month began
 * before the counts were kept there), the pickup code inserted without a read (a taken code runs it again), the
 * village's settings kept by the instance for a minute (its own save seen at once, another's after the minute), and a
 * batch read once (an approval and a rejection at once: exactly one lands).
 */
const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const MIN = 60_000
const DAY = 86_400_000
/** 2026-03-31 23:50 in Beijing (15:50 UTC): ten minutes before April there, eight hours before April in UTC */
const MARCH_END_BJ = Date.UTC(2026, 2, 31, 15, 50)

let env: TestEnv
beforeEach(async () => {
  env = await testEnv({ now: MARCH_END_BJ })
})
afterEach(() => env.close())
const points = callsOf(() => env, pointsContract)
const db = () => env.rt.db

const soapOf = async () => {
  const list = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
  return list.items.find((g) => g.name.startsWith('香皂'))! // limit 3 a month, 15 points
}
const balance = async () => (await db().get(C.points_accounts, ZHUOMA_HH))?.balance ?? 0
/** Enough points for what the test redeems, as an opening entry through the one writer of the ledger. */
async function fund(points: number) {
  const { appendEntry } = await import('./points.ledger')
  await db().transaction((tx) =>
    appendEntry(tx, {
      _id: ids.stableId('pl', 'roundtrips-fund', String(env.clock.now())),
      householdId: ZHUOMA_HH,
      kind: 'correction',
      delta: points,
      ruleId: null,
      ruleVersion: null,
      ruleCode: null,
      ruleName: null,
      category: null,
      sourceType: 'seed',
      sourceId: 'roundtrips',
      memberUserId: null,
      memberName: null,
      proposedBy: null,
      approvedBy: null,
      reason: 'test',
      at: env.clock.now(),
    }),
  )
}
async function ledgerAgrees() {
  const entries = await db().find(C.points_ledger, { where: { householdId: ZHUOMA_HH }, orderBy: [['seq', 'asc']] })
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1))
  expect(await balance()).toBe(entries.reduce((s, e) => s + e.delta, 0))
}

describe('the month’s redemption limit, counted on the account', () => {
  it('holds to the Beijing month: 3 in March up to 23:59 there, 3 more from 00:00 April 1 Beijing (still March in UTC)', async () => {
    await fund(200)
    const soap = await soapOf()
    expect(bjMonth(env.clock.now())).toBe('2026-03')
    for (let i = 0; i < 3; i++) await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.LIMIT_REACHED',
    })
    expect((await soapOf()).takenThisMonth).toBe(3)
    // 23:59:59 Beijing: still March
    env.clock.set(Date.UTC(2026, 2, 31, 15, 59, 59))
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      code: 'POINTS.LIMIT_REACHED',
    })
    // 00:00:01 April 1 in Beijing, 16:00 March 31 in UTC: a new month
    env.clock.set(Date.UTC(2026, 2, 31, 16, 0, 1))
    expect(new Date(env.clock.now()).getUTCMonth()).toBe(2)
    expect((await soapOf()).takenThisMonth).toBe(0)
    for (let i = 0; i < 3; i++) await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      code: 'POINTS.LIMIT_REACHED',
    })
    const account = await db().get(C.points_accounts, ZHUOMA_HH)
    expect(account?.redeemed).toEqual({ month: '2026-04', goods: { [soap.id]: 3 }, whole: true })
    // nothing of it in counter documents of their own any more
    expect(await db().find(C.points_redeem_limits, {})).toEqual([])
    await ledgerAgrees()
  })

  it('a cancel frees its count in the month, an expiry of last month’s redemption frees nothing this month', async () => {
    await fund(200)
    const soap = await soapOf()
    const march = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 3 })
    env.clock.set(Date.UTC(2026, 2, 31, 16, 5)) // April in Beijing
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })).toMatchObject({
      code: 'POINTS.LIMIT_REACHED',
    })
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: a.id })
    expect((await soapOf()).takenThisMonth).toBe(0)
    // March's redemption expires in April: April's count stays as it is
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })
    env.clock.advance(8 * DAY)
    const mine = await points.ok('u-zhuoma', 'myRedemptions', {})
    expect(mine.items.find((r) => r.id === march.id)).toMatchObject({ status: 'expired' })
    expect((await db().get(C.points_accounts, ZHUOMA_HH))?.redeemed?.goods[soap.id]).toBe(0)
    await ledgerAgrees()
  })

  it('an account whose month began before the counts were kept on it: that month’s limit documents still count', async () => {
    await fund(200)
    const soap = await soapOf()
    // as the code before kept it: two taken this month in the limit document, the account without `redeemed`
    // and with an entry this month (the fund's)
    await db().transaction(async (tx) => {
      await tx.set(C.points_redeem_limits, {
        _id: pointsKeys.redeemLimit(ZHUOMA_HH, soap.id, '2026-03'),
        householdId: ZHUOMA_HH,
        goodsId: soap.id,
        month: '2026-03',
        used: 2,
      })
    })
    expect((await soapOf()).takenThisMonth).toBe(2)
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })).toMatchObject({
      code: 'POINTS.LIMIT_REACHED',
    })
    const one = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect((await db().get(C.points_accounts, ZHUOMA_HH))?.redeemed).toEqual({
      month: '2026-03',
      goods: { [soap.id]: 3 },
      whole: false,
    })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      code: 'POINTS.LIMIT_REACHED',
    })
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: one.id })
    expect((await soapOf()).takenThisMonth).toBe(2)
    // April began with the counts on the account: whole
    env.clock.set(Date.UTC(2026, 2, 31, 16, 5))
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 3 })
    expect((await db().get(C.points_accounts, ZHUOMA_HH))?.redeemed).toEqual({
      month: '2026-04',
      goods: { [soap.id]: 3 },
      whole: true,
    })
    await ledgerAgrees()
  })

  it('concurrent redemptions of one household never pass the month’s limit nor the balance', async () => {
    await fund(200)
    const soap = await soapOf()
    const before = await balance()
    const got = await Promise.all(
      Array.from({ length: 8 }, () => points.call('u-zhuoma', 'redeem', { goodsId: soap.id })),
    )
    expect(got.filter((r) => r.ok)).toHaveLength(3)
    expect(got.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5).fill('POINTS.LIMIT_REACHED'))
    expect(await balance()).toBe(before - 45)
    expect((await db().get(C.points_goods, soap.id))?.stock).toBe(soap.stock - 3)
    await ledgerAgrees()
  })
})

describe('the pickup code, inserted without a read', () => {
  afterEach(() => jest.restoreAllMocks())
  it('a code a live redemption of the village holds runs the redemption again with another: one of everything', async () => {
    await fund(200)
    const soap = await soapOf()
    const codes = ['123456', '123456', '123456', '654321']
    jest.spyOn(ids, 'randomCode').mockImplementation(() => codes.shift() ?? '999999')
    const first = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(first.code).toBe('123456')
    const before = await balance()
    const second = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(second.code).toBe('654321')
    expect(codes).toEqual([])
    expect(await balance()).toBe(before - 15)
    expect((await db().get(C.points_goods, soap.id))?.stock).toBe(soap.stock - 2)
    expect(await db().count(C.points_redemptions, { householdId: ZHUOMA_HH })).toBe(2)
    expect((await db().get(C.points_accounts, ZHUOMA_HH))?.redeemed?.goods[soap.id]).toBe(2)
    await ledgerAgrees()
  })

  it('three taken codes in a row: refused as a conflict, nothing written', async () => {
    await fund(200)
    const soap = await soapOf()
    jest.spyOn(ids, 'randomCode').mockImplementation(() => '123456')
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    const before = await balance()
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'COMMON.CONFLICT',
    })
    expect(await balance()).toBe(before)
    expect(await db().count(C.points_redemptions, { householdId: ZHUOMA_HH })).toBe(1)
    await ledgerAgrees()
  })
})

describe('the village’s settings, kept by the instance for a minute', () => {
  const pickupDaysOf = (r: { createdAt: number; expiresAt: number }) => (r.expiresAt - r.createdAt) / DAY
  it('its own save is seen at once; another instance’s save once the minute is over (the test clock)', async () => {
    await fund(200)
    const soap = await soapOf()
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(pickupDaysOf(a)).toBe(7)
    await points.ok('u-lixiuying', 'saveSettings', { villageId: V, publicityDays: 3, pickupDays: 5 })
    const b = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(pickupDaysOf(b)).toBe(5)
    // another instance saves: this one keeps what it read for the rest of the minute
    await db().transaction((tx) =>
      tx.set(C.points_settings, { _id: V, publicityDays: 3, pickupDays: 9, updatedBy: null, updatedAt: 0 }),
    )
    env.clock.advance(SETTINGS_TTL_MS - 1_000)
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: a.id })
    const c = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(pickupDaysOf(c)).toBe(5)
    env.clock.advance(2_000)
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: b.id })
    const d = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(pickupDaysOf(d)).toBe(9)
  })

  it('an approval takes the publicity days saved a minute before by another instance', async () => {
    await db().transaction((tx) =>
      tx.set(C.points_settings, { _id: V, publicityDays: 5, pickupDays: 7, updatedBy: null, updatedAt: 0 }),
    )
    env.clock.advance(MIN)
    const batch = await propose()
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id })
    const awards = await db().find(C.points_awards, { where: { batchId: batch.id } })
    expect(awards.map((a) => a.publicUntil)).toEqual([env.clock.now() + 5 * DAY])
  })
})

const propose = () =>
  points.ok('u-lixiuying', 'propose', {
    villageId: V,
    ruleId: pointsKeys.rule(V, 'YARD_CLEAN'),
    items: [{ householdId: ZHUOMA_HH }],
    note: '庭院评比',
    evidence: [env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId],
  })

describe('a batch read once', () => {
  it('an approval and a rejection at once: exactly one lands, the other is told the batch was decided', async () => {
    const batch = await propose()
    const [approved, rejected] = await Promise.all([
      points.call('u-wangjianguo', 'approveBatch', { batchId: batch.id }),
      points.call('u-wangjianguo', 'rejectBatch', { batchId: batch.id, note: '证据不足' }),
    ])
    const outcomes = [approved, rejected].map((r) => (r.ok ? 'ok' : r.code))
    expect(outcomes.sort()).toEqual(['POINTS.BATCH_DECIDED', 'ok'])
    const b = await db().get(C.points_batches, batch.id)
    const awards = await db().find(C.points_awards, { where: { batchId: batch.id } })
    const account = await db().get(C.points_accounts, ZHUOMA_HH)
    if (approved.ok) {
      expect(b?.status).toBe('approved')
      expect(awards.map((a) => a.status)).toEqual(['publicity'])
      expect(account?.open?.map((o) => o.id)).toEqual(awards.map((a) => a._id))
    } else {
      expect(b?.status).toBe('rejected')
      expect(awards.map((a) => a.status)).toEqual(['rejected'])
      expect(account?.open ?? []).toEqual([])
    }
  })

  it('two approvals at once: one lands', async () => {
    const batch = await propose()
    const got = await Promise.all([
      points.call('u-wangjianguo', 'approveBatch', { batchId: batch.id }),
      points.call('u-wangjianguo', 'approveBatch', { batchId: batch.id }),
    ])
    expect(got.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['POINTS.BATCH_DECIDED', 'ok'])
    const account = await db().get(C.points_accounts, ZHUOMA_HH)
    expect(account?.open).toHaveLength(1)
  })

  it('the view of a batch whose evidence passed its check reads no check, and still shows the photo', async () => {
    const batch = await propose()
    expect(batch.evidence[0]?.url).toMatch(/\S/)
    const stored = await db().get(C.points_batches, batch.id)
    expect(stored?.evidencePassed).toEqual(stored?.evidence)
    const got = await points.ok('u-wangjianguo', 'getBatch', { batchId: batch.id })
    expect(got.batch.evidence[0]?.url).toMatch(/\S/)
  })
})
