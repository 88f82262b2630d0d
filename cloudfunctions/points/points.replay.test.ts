import { pointsContract } from '@shared/points/points.contract'
import { bjMonth } from '@shared/time/beijing'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { rid } from '../../tests/support/harness'
import { C } from '../_core/collections'
import { pointsKeys } from './points.repo'
import { signedFileUrl } from '../../tests/support/files'

/**
 * Replays of the points writes that move state: a retried request whose target has moved on since (so a fresh
 * call would now be refused) gets its first result, and writes nothing again; a request id reused for another
 * request is refused with COMMON.REQUEST_ID_REUSED.
 */
const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const YARD = pointsKeys.rule(V, 'YARD_CLEAN')

const te = freshEnvEachTest(pointsContract)
const points = te.calls

const balance = async () => (await te.db.get(C.points_accounts, ZHUOMA_HH))?.balance ?? 0
const goodsNamed = async (name: string) =>
  (await te.db.find(C.points_goods, { where: { villageId: V } })).find((g) => g.name.startsWith(name))!
const written = async () => ({
  redemptions: await te.db.count(C.points_redemptions),
  ledger: await te.db.count(C.points_ledger),
  batches: await te.db.count(C.points_batches),
})

describe('redeem', () => {
  it('a retry after the redemption was fulfilled and the goods taken off the shelf gets its redemption, once', async () => {
    const soap = await goodsNamed('香皂')
    const before = await balance()
    const requestId = rid('redeem')
    const first = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id }, requestId)
    await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: first.code! })
    await points.ok('u-chenguilan', 'saveGoods', {
      villageId: V,
      goodsId: soap._id,
      name: soap.name,
      price: soap.price,
      limitPerMonth: soap.limitPerMonth,
      active: false,
    })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap._id })).toMatchObject({
      ok: false,
      code: 'POINTS.GOODS_OFF',
    })
    const counts = await written()
    const again = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id }, requestId)
    // the same redemption, as it now is (handed over: its code is retired)
    expect(again).toEqual({
      ...first,
      status: 'fulfilled',
      statusLabel: '已领取',
      code: null,
      qr: null,
      qrImage: null,
      closedAt: again.closedAt,
    })
    expect(again.closedAt).not.toBeNull()
    expect(await written()).toEqual(counts)
    expect(await balance()).toBe(before - soap.price)
    expect((await te.db.get(C.points_goods, soap._id))!.stock).toBe(soap.stock - 1)
  })

  it('refuses the request id reused for other goods or another quantity, and writes nothing', async () => {
    const soap = await goodsNamed('香皂')
    const towel = await goodsNamed('毛巾')
    const requestId = rid('redeem')
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id }, requestId)
    const counts = await written()
    for (const data of [{ goodsId: towel._id }, { goodsId: soap._id, quantity: 2 }]) {
      expect(await points.call('u-zhuoma', 'redeem', data, requestId)).toMatchObject({
        ok: false,
        code: 'COMMON.REQUEST_ID_REUSED',
      })
    }
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: 'rd_x' }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect(await written()).toEqual(counts)
    expect((await te.db.get(C.points_goods, towel._id))!.stock).toBe(towel.stock)
  })
})

describe('fulfil', () => {
  it('a retry after the redemption is listed as fulfilled says ok with the same data', async () => {
    const soap = await goodsNamed('香皂')
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    const requestId = rid('fulfil')
    const first = await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: r.code! }, requestId)
    expect(first).toMatchObject({ id: r.id, status: 'fulfilled' })
    const listed = await points.ok('u-chenguilan', 'listRedemptions', { villageId: V, status: 'fulfilled' })
    expect(listed.items.map((x) => x.id)).toEqual([r.id])
    // a fresh call is refused: the code was retired with the hand-over
    expect(await points.call('u-chenguilan', 'fulfil', { villageId: V, code: r.code! })).toMatchObject({
      ok: false,
      code: 'POINTS.CODE_NOT_FOUND',
    })
    const month = async () =>
      (await te.db.get(C.points_village_months, pointsKeys.villageMonth(V, bjMonth(r.createdAt))))!
    const fulfilled = (await month()).fulfilled
    expect(await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: r.code! }, requestId)).toEqual(first)
    expect((await month()).fulfilled).toBe(fulfilled)
  })

  it('refuses the request id reused for another code', async () => {
    const soap = await goodsNamed('香皂')
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    const b = await points.ok('u-wangdeming', 'redeem', { goodsId: soap._id })
    const requestId = rid('fulfil')
    await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: a.code! }, requestId)
    expect(await points.call('u-chenguilan', 'fulfil', { villageId: V, code: b.code! }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect((await te.db.get(C.points_redemptions, b.id))!.status).toBe('pending')
  })
})

describe('cancelRedemption', () => {
  it('a retry after the cancellation gets its first result; the points come back once', async () => {
    const soap = await goodsNamed('香皂')
    const before = await balance()
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id, quantity: 2 })
    const requestId = rid('cancel')
    const first = await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: r.id }, requestId)
    expect(first).toMatchObject({ status: 'cancelled', code: null })
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      code: 'POINTS.REDEMPTION_CLOSED',
    })
    expect(await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: r.id }, requestId)).toEqual(first)
    expect(await balance()).toBe(before)
    expect(await te.db.count(C.points_ledger, { householdId: ZHUOMA_HH, kind: 'refund' })).toBe(1)
    expect((await te.db.get(C.points_goods, soap._id))!.stock).toBe(soap.stock)
  })

  it('refuses the request id reused for another redemption', async () => {
    const soap = await goodsNamed('香皂')
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    const b = await points.ok('u-zhuoma', 'redeem', { goodsId: soap._id })
    const requestId = rid('cancel')
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: a.id }, requestId)
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: b.id }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect((await te.db.get(C.points_redemptions, b.id))!.status).toBe('pending')
  })
})

describe('approveBatch', () => {
  const propose = () =>
    points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH }],
      evidence: [te.env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId],
    })

  it('a retry after the batch was decided gets its first result', async () => {
    const b = await propose()
    const requestId = rid('approve')
    const first = await points.ok('u-wangjianguo', 'approveBatch', { batchId: b.id, note: '属实' }, requestId)
    expect(first).toMatchObject({ status: 'approved', decisionNote: '属实', canDecide: false })
    expect(first.evidence[0]!.url).toEqual(signedFileUrl(first.evidence[0]!.fileId))
    expect(await points.call('u-wangjianguo', 'approveBatch', { batchId: b.id, note: '属实' })).toMatchObject({
      ok: false,
      code: 'POINTS.BATCH_DECIDED',
    })
    const publicUntil = (await te.db.find(C.points_awards, { where: { batchId: b.id } }))[0]!.publicUntil
    te.env.clock.advance(60_000)
    expect(await points.ok('u-wangjianguo', 'approveBatch', { batchId: b.id, note: '属实' }, requestId)).toEqual(first)
    expect((await te.db.find(C.points_awards, { where: { batchId: b.id } }))[0]!.publicUntil).toBe(publicUntil)
  })

  it('refuses the request id reused for another batch or for a rejection', async () => {
    const a = await propose()
    const b = await propose()
    const requestId = rid('approve')
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: a.id }, requestId)
    for (const [action, data] of [
      ['approveBatch', { batchId: b.id }],
      ['rejectBatch', { batchId: b.id, note: '不属实' }],
    ] as const) {
      expect(await points.call('u-wangjianguo', action, data, requestId)).toMatchObject({
        ok: false,
        code: 'COMMON.REQUEST_ID_REUSED',
      })
    }
    expect((await te.db.get(C.points_batches, b.id))!.status).toBe('pending')
  })
})
