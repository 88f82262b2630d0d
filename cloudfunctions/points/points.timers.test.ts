import { pointsContract } from '@shared/points/points.contract'
import { bjMonth } from '@shared/time/beijing'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { C } from '../_core/collections'
import { pointsFunction } from './function'
import { pointsKeys } from './points.repo'
import { expireAllRedemptions, settleAllPublicity } from './points.timers'

/** The points function's timers, run as CloudBase's triggers (or the local host's interval) run them. */
const V = '513328100001'
const V2 = '513328101201'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const WANG_HH = 'hh-513328100001-G01-03'
const YANGJIN_HH = 'hh-513328101201-G01-01'
const DAY = 86_400_000
const YARD = pointsKeys.rule(V, 'YARD_CLEAN')

const te = freshEnvEachTest(pointsContract)
const points = te.calls

const settleTimer = () => pointsFunction.timers.settlePublicity!.run(te.env.rt, te.env.clock.now())
const expireTimer = () => pointsFunction.timers.expireRedemptions!.run(te.env.rt, te.env.clock.now())
const balance = async (hh: string) => (await te.db.get(C.points_accounts, hh))!.balance
const entries = (hh: string, where: Record<string, unknown> = {}) =>
  te.db.count(C.points_ledger, { householdId: hh, ...where })
const stock = async (villageId: string, name: string) =>
  (await te.db.find(C.points_goods, { where: { villageId } })).find((g) => g.name === name)!
async function ledgerAddsUp(hh: string) {
  const all = await te.db.find(C.points_ledger, {
    where: { householdId: hh },
    orderBy: [['seq', 'asc']],
  })
  expect(all.reduce((s, e) => s + e.delta, 0)).toBe(await balance(hh))
  expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
}

it('are declared with the function, hourly on the local host', () => {
  expect(Object.keys(pointsFunction.timers).sort()).toEqual(['expireRedemptions', 'settlePublicity'])
  for (const t of Object.values(pointsFunction.timers)) expect(t.everyMinutes).toBe(60)
})

describe('settlePublicity timer', () => {
  it('credits awards once their publicity is over, exactly once, and leaves objected ones alone', async () => {
    const evidence = [te.env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId]
    const before = { zm: await balance(ZHUOMA_HH), wang: await balance(WANG_HH) }
    const b = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }],
      note: '庭院评比',
      evidence,
    })
    // still pending review: nothing for the timer
    te.env.clock.advance(10 * DAY)
    expect(await settleTimer()).toEqual({ settled: 0, points: 0, more: false })
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: b.id })
    const awards = await te.db.find(C.points_awards, { where: { batchId: b.id } })
    const wangAward = awards.find((a) => a.householdId === WANG_HH)!
    await points.ok('u-zhuoma', 'fileObjection', { awardId: wangAward._id, reason: '他家门口堆着柴火' })

    // during publicity (3 days in the seed), nothing is credited
    te.env.clock.advance(3 * DAY - 60_000)
    expect(await settleTimer()).toEqual({ settled: 0, points: 0, more: false })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm)

    // publicity over: 卓玛's award is credited; 王德明's has an open objection and waits
    te.env.clock.advance(2 * 60_000)
    const ledgerBefore = await entries(ZHUOMA_HH)
    expect(await settleTimer()).toEqual({ settled: 1, points: 5, more: false })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm + 5)
    expect(await entries(ZHUOMA_HH)).toBe(ledgerBefore + 1)
    expect(await balance(WANG_HH)).toBe(before.wang)

    // the trigger firing again, twice at once, or an official's button afterwards credit nothing more
    expect(await settleTimer()).toEqual({ settled: 0, points: 0, more: false })
    expect(await Promise.all([settleTimer(), settleTimer()])).toEqual([
      { settled: 0, points: 0, more: false },
      { settled: 0, points: 0, more: false },
    ])
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toEqual({
      settled: 0,
      points: 0,
      remaining: 0,
    })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm + 5)
    expect(await entries(ZHUOMA_HH)).toBe(ledgerBefore + 1)

    // the objection does not stand: the next run credits 王德明's too, once
    const [objection] = (await points.ok('u-lixiuying', 'listObjections', { villageId: V, status: 'open' })).items
    await points.ok('u-wangjianguo', 'resolveObjection', {
      objectionId: objection!.id,
      decision: 'uphold',
      note: '经核实，柴火是公家的',
    })
    expect(await settleTimer()).toEqual({ settled: 1, points: 5, more: false })
    expect(await settleTimer()).toEqual({ settled: 0, points: 0, more: false })
    expect(await balance(WANG_HH)).toBe(before.wang + 5)
    const credited = await te.db.find(C.points_awards, { where: { batchId: b.id } })
    expect(credited.map((a) => a.status)).toEqual(['credited', 'credited'])
    await ledgerAddsUp(ZHUOMA_HH)
    await ledgerAddsUp(WANG_HH)
  })

  it('two runs at the same moment credit each award once between them', async () => {
    const evidence = [te.env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId]
    const before = await balance(ZHUOMA_HH)
    const b = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }],
      evidence,
    })
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: b.id })
    te.env.clock.advance(3 * DAY)
    const runs = (await Promise.all([
      settleTimer(),
      settleTimer(),
      settleAllPublicity(te.env.rt, te.env.clock.now(), 1),
    ])) as Array<{ settled: number; points: number }>
    expect(runs.reduce((s, r) => s + r.settled, 0)).toBe(2)
    expect(runs.reduce((s, r) => s + r.points, 0)).toBe(10)
    expect(await balance(ZHUOMA_HH)).toBe(before + 5)
    expect(await te.db.count(C.points_ledger, { sourceType: 'award' })).toBe(2)
    expect(te.env.errors).toEqual([])
  })

  it('works through a backlog in runs of `limit`, saying there is more', async () => {
    const evidence = [te.env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId]
    const b = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }],
      evidence,
    })
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: b.id })
    te.env.clock.advance(3 * DAY)
    expect(await settleAllPublicity(te.env.rt, te.env.clock.now(), 1)).toEqual({ settled: 1, points: 5, more: true })
    expect(await settleAllPublicity(te.env.rt, te.env.clock.now(), 1)).toEqual({ settled: 1, points: 5, more: false })
    expect(await settleAllPublicity(te.env.rt, te.env.clock.now(), 1)).toEqual({ settled: 0, points: 0, more: false })
  })
})

describe('expireRedemptions timer', () => {
  it('expires unclaimed redemptions in every village past their pickup time; points and stock come back exactly once', async () => {
    const soap = await stock(V, '香皂（3 块装）')
    const tea = await stock(V2, '砖茶（1 块）')
    const before = { zm: await balance(ZHUOMA_HH), yj: await balance(YANGJIN_HH) }
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id, quantity: 2 })
    const b = await points.ok('u-yangjin', 'redeem', { goodsId: tea._id })
    te.env.clock.advance(DAY)
    const later = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm - 45)
    expect((await stock(V, soap.name)).stock).toBe(soap.stock - 3)

    // within the 7 days to pick up: nothing expires
    te.env.clock.advance(6 * DAY - 60_000)
    expect(await expireTimer()).toEqual({ expired: 0, more: false })

    // past it: both first redemptions, in both villages, expire; the later one is still waiting
    te.env.clock.advance(2 * 60_000)
    expect(await expireTimer()).toEqual({ expired: 2, more: false })
    expect(await te.db.get(C.points_redemptions, a.id)).toMatchObject({
      status: 'expired',
      closedBy: null,
    })
    expect(await te.db.get(C.points_redemptions, b.id)).toMatchObject({ status: 'expired' })
    expect(await te.db.get(C.points_redemptions, later.id)).toMatchObject({ status: 'pending' })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm - 15)
    expect(await balance(YANGJIN_HH)).toBe(before.yj)
    expect((await stock(V, soap.name)).stock).toBe(soap.stock - 1)
    expect((await stock(V2, tea.name)).stock).toBe(tea.stock)

    // again, twice at once, and the keeper's button afterwards: nothing comes back twice
    expect(await expireTimer()).toEqual({ expired: 0, more: false })
    expect(await Promise.all([expireTimer(), expireTimer()])).toEqual([
      { expired: 0, more: false },
      { expired: 0, more: false },
    ])
    expect(await points.ok('u-chenguilan', 'expireRedemptions', { villageId: V })).toEqual({
      expired: 0,
      remaining: 0,
    })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm - 15)
    expect((await stock(V, soap.name)).stock).toBe(soap.stock - 1)
    expect(await entries(ZHUOMA_HH, { kind: 'refund' })).toBe(1)
    expect(await entries(YANGJIN_HH, { kind: 'refund' })).toBe(1)
    const month = (await te.db.get(C.points_village_months, pointsKeys.villageMonth(V, bjMonth(a.createdAt))))!
    expect(month.expired).toBe(1)
    // the pickup code is retired: the keeper cannot hand the goods out
    expect(await points.call('u-chenguilan', 'fulfil', { villageId: V, code: a.code })).toMatchObject({
      ok: false,
    })

    // the later redemption's turn comes a day after
    te.env.clock.advance(DAY)
    expect(await expireTimer()).toEqual({ expired: 1, more: false })
    expect(await balance(ZHUOMA_HH)).toBe(before.zm)
    expect((await stock(V, soap.name)).stock).toBe(soap.stock)
    await ledgerAddsUp(ZHUOMA_HH)
    await ledgerAddsUp(YANGJIN_HH)
  })

  it('two runs at the same moment expire each redemption once between them', async () => {
    const soap = await stock(V, '香皂（3 块装）')
    const before = await balance(ZHUOMA_HH)
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    await points.ok('u-wangdeming', 'redeem', { goodsId: soap._id })
    te.env.clock.advance(7 * DAY)
    const runs = (await Promise.all([
      expireTimer(),
      expireTimer(),
      expireAllRedemptions(te.env.rt, te.env.clock.now(), 1),
    ])) as Array<{ expired: number }>
    expect(runs.reduce((s, r) => s + r.expired, 0)).toBe(2)
    expect(await balance(ZHUOMA_HH)).toBe(before)
    expect((await stock(V, soap.name)).stock).toBe(soap.stock)
    expect(await te.db.count(C.points_ledger, { kind: 'refund' })).toBe(2)
    expect(te.env.errors).toEqual([])
  })
})
