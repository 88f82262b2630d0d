import { accountContract } from '@shared/account/account.contract'
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

describe('redeem takes the points in one conditional write of the account (the caller keeps their household)', () => {
  /** April in Beijing: the month's counts kept on the account whole from its first redemption on */
  const APRIL = Date.UTC(2026, 2, 31, 16, 5)
  const account = () => db().get(C.points_accounts, ZHUOMA_HH)
  const user = () => db().get(C.users, 'u-zhuoma')
  const accountCalls = callsOf(() => env, accountContract)
  afterEach(() => jest.restoreAllMocks())

  /** 卓玛's first redemption of April, which reads her household and keeps what it found on her document */
  async function aprilBegun(left = 200) {
    // the balance `left` after that first soap (15 points)
    const add = left + 15 - (await balance())
    if (add) await fund(add)
    env.clock.set(APRIL)
    const soap = await soapOf()
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect((await user())?.pointsMembership).toEqual({ householdId: ZHUOMA_HH, villageId: V, version: 0 })
    expect((await account())?.redeemed).toEqual({ month: '2026-04', goods: { [soap.id]: 1 }, whole: true })
    return soap
  }
  /** the documents the next calls read by id, inside transactions and out */
  function readsOf() {
    const seen: string[] = []
    const original = db().transaction.bind(db())
    const get = db().get.bind(db())
    jest.spyOn(db(), 'get').mockImplementation((c, id) => (seen.push(`${c}/${id}`), get(c, id)))
    jest.spyOn(db(), 'transaction').mockImplementation((body) =>
      original((tx) => {
        const txGet = tx.get.bind(tx)
        return body({
          ...tx,
          get: (c: string, id: string) => (seen.push(`${c}/${id}`), txGet(c as never, id)),
        } as never)
      }),
    )
    return seen
  }

  /** 卓玛 redeems while `change` commits after her call took her and before its transaction: refused, NO_HOUSEHOLD */
  async function refusedMeanwhile(goodsId: string, change: () => Promise<unknown>) {
    const original = db().transaction.bind(db())
    jest.spyOn(db(), 'transaction').mockImplementationOnce(async (body) => {
      jest.restoreAllMocks()
      await change()
      return original(body)
    })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
  }

  it('the month’s next redemptions read neither the household, the caller again, nor the account, and stay exact', async () => {
    const soap = await aprilBegun()
    const before = (await account())!
    const seen = readsOf()
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    // the caller once a call (taking them from the platform's identity); not again, nor their household or account
    expect(seen.filter((r) => /^(households|points_accounts|users)\//.test(r))).toEqual([
      'users/u-zhuoma',
      'users/u-zhuoma',
    ])
    // the limit (3 a month) checked on the write's own count: the fourth is refused, nothing of it lands
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.LIMIT_REACHED',
      message: expect.stringContaining('3'),
    })
    jest.restoreAllMocks()
    const after = (await account())!
    expect(after).toMatchObject({
      balance: before.balance - 30,
      spent: before.spent + 30,
      entries: before.entries + 2,
      redeemed: { month: '2026-04', goods: { [soap.id]: 3 }, whole: true },
    })
    expect((await soapOf()).takenThisMonth).toBe(3)
    expect((await db().get(C.points_goods, soap.id))?.stock).toBe(soap.stock - 3)
    const village = await db().get(C.points_village_months, pointsKeys.villageMonth(V, '2026-04'))
    expect(village).toMatchObject({ redemptions: 3, redeemedPoints: 45, activeHouseholds: 1 })
    await ledgerAgrees()
  })

  it('the household’s first redemption of a month is one write too: the month’s counts begin on it, its month made', async () => {
    const soap = await aprilBegun()
    const before = (await account())!
    env.clock.set(Date.UTC(2026, 3, 30, 16, 1)) // May 1st, 00:01 in Beijing
    const seen = readsOf()
    // over the month's limit (3) in one: refused, nothing of it lands
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 4 })).toMatchObject({
      ok: false,
      code: 'POINTS.LIMIT_REACHED',
    })
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })
    expect(seen.filter((r) => /^(households|points_accounts|points_household_months)\//.test(r))).toEqual([])
    jest.restoreAllMocks()
    expect(await account()).toMatchObject({
      balance: before.balance - 30,
      entries: before.entries + 1,
      redeemed: { month: '2026-05', goods: { [soap.id]: 2 }, whole: true },
    })
    expect(await db().get(C.points_household_months, pointsKeys.householdMonth(ZHUOMA_HH, '2026-05'))).toMatchObject({
      entries: 1,
      earned: 0,
    })
    const may = await db().get(C.points_village_months, pointsKeys.villageMonth(V, '2026-05'))
    expect(may).toMatchObject({ redemptions: 1, redeemedPoints: 30, activeHouseholds: 1 })
    expect((await soapOf()).takenThisMonth).toBe(2)
    await ledgerAgrees()
  })

  it('a balance too small, or a goods the month has not counted yet, is read and told as before', async () => {
    const soap = await aprilBegun(5)
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.INSUFFICIENT_BALANCE',
    })
    await fund(100)
    const other = (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items.find(
      (g) => g.id !== soap.id && g.active !== false && g.price <= 100,
    )!
    await points.ok('u-zhuoma', 'redeem', { goodsId: other.id })
    expect((await account())?.redeemed?.goods).toEqual({ [soap.id]: 1, [other.id]: 1 })
    await ledgerAgrees()
  })

  it('a member removed while the call is under way spends nothing: the removal moved the account’s version on', async () => {
    const soap = await aprilBegun()
    const hh = (await account())!.balance
    // the official's removal commits after the call took the caller and before its transaction
    await refusedMeanwhile(soap.id, () =>
      accountCalls.ok('u-wangjianguo', 'revokeMembership', {
        householdId: ZHUOMA_HH,
        userId: 'u-zhuoma',
        reason: '已迁出本村',
      }),
    )
    expect(await account()).toMatchObject({ balance: hh, membersVersion: 1 })
    expect((await db().get(C.points_goods, soap.id))?.stock).toBe(soap.stock - 1)
    expect(await db().count(C.points_redemptions, { householdId: ZHUOMA_HH })).toBe(1)
    // the household's other member spends as before (his document keeps no version: read, then kept)
    await db().transaction((tx) => tx.update(C.users, 'u-wangdeming', { householdId: ZHUOMA_HH }))
    await points.ok('u-wangdeming', 'redeem', { goodsId: soap.id })
    expect((await db().get(C.users, 'u-wangdeming'))?.pointsMembership).toEqual({
      householdId: ZHUOMA_HH,
      villageId: V,
      version: 1,
    })
    await ledgerAgrees()
  })

  it('one who moved to another grid meanwhile spends nothing either', async () => {
    const soap = await aprilBegun()
    const hh = (await account())!.balance
    await refusedMeanwhile(soap.id, () => accountCalls.ok('u-zhuoma', 'setResidence', { gridId: '513328100001-G02' }))
    expect((await account())?.balance).toBe(hh)
    await ledgerAgrees()
  })

  it.each([
    ['the balance', 20, 1],
    ['the month’s limit', 200, 2],
  ])('eight redemptions at once on the one write: %s holds (%d left, %d more land)', async (_what, left, more) => {
    const soap = await aprilBegun(left)
    const got = await Promise.all(
      Array.from({ length: 8 }, () => points.call('u-zhuoma', 'redeem', { goodsId: soap.id })),
    )
    expect(got.filter((r) => r.ok)).toHaveLength(more)
    expect(new Set(got.filter((r) => !r.ok).map((r) => r.code))).toEqual(
      new Set([more === 1 ? 'POINTS.INSUFFICIENT_BALANCE' : 'POINTS.LIMIT_REACHED']),
    )
    expect(await account()).toMatchObject({
      balance: left - 15 * more,
      redeemed: { goods: { [soap.id]: 1 + more } },
    })
    expect((await db().get(C.points_goods, soap.id))?.stock).toBe(soap.stock - 1 - more)
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
