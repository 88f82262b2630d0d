import { pointsContract } from '@shared/points/points.contract'
import { parsePickupQr } from '@shared/points/points.rules'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { readQrDataUrl } from '../../tests/support/qr'
import { checkPickupQr, DEV_POINTS_KEY, pickupPayload } from './points.codes'

const V = '513328100001'
const te = freshEnvEachTest(pointsContract)
const points = te.calls

const soap = async () => {
  const list = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
  return list.items.find((g) => g.name.startsWith('香皂'))!
}

describe('pickup QR codes (drawn by the function, signed)', () => {
  it('the household sees a PNG whose content is the signed payload; the keeper scans it and hands over', async () => {
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: (await soap()).id })
    expect(r.qr).not.toContain(':')
    expect(readQrDataUrl(r.qrImage!)).toBe(r.qr)
    const mine = await points.ok('u-zhuoma', 'myRedemptions', {})
    const listed = mine.items.find((i) => i.id === r.id)!
    expect(listed.qr).toBe(r.qr)
    expect(readQrDataUrl(listed.qrImage!)).toBe(r.qr)

    const scanned = parsePickupQr(r.qr!)!
    expect(scanned).toMatchObject({ villageId: V, code: r.code })
    const looked = await points.ok('u-chenguilan', 'lookupPickup', { villageId: V, code: scanned.code, qr: r.qr! })
    expect(looked.id).toBe(r.id)
    // the keeper's views never draw the household's QR
    expect(looked.qrImage).toBeNull()
    const store = await points.ok('u-chenguilan', 'listRedemptions', { villageId: V })
    expect(store.items.find((i) => i.id === r.id)).toMatchObject({ code: null, qr: null, qrImage: null })
    const done = await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: scanned.code, qr: r.qr! })
    expect(done).toMatchObject({ status: 'fulfilled', qr: null, qrImage: null })
  })

  it('a QR with a forged signature or another code opens nothing and hands nothing over', async () => {
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: (await soap()).id })
    const forged = r.qr!.slice(0, -3) + (r.qr!.endsWith('AAA') ? 'BBB' : 'AAA')
    for (const action of ['lookupPickup', 'fulfil'] as const)
      expect(await points.call('u-chenguilan', action, { villageId: V, code: r.code!, qr: forged })).toMatchObject({
        ok: false,
        code: 'POINTS.BAD_QR',
      })
    const other = await points.ok('u-zhuoma', 'redeem', { goodsId: (await soap()).id })
    expect(await points.call('u-chenguilan', 'fulfil', { villageId: V, code: other.code!, qr: r.qr! })).toMatchObject({
      ok: false,
      code: 'POINTS.BAD_QR',
    })
    const mine = await points.ok('u-zhuoma', 'myRedemptions', {})
    expect(mine.items.filter((i) => i.status === 'pending')).toHaveLength(2)
    // typed digits still work as before
    expect(await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: r.code! })).toMatchObject({
      status: 'fulfilled',
    })
  })

  it('a QR made for one redemption does not verify for another that later got the same 6 digits', () => {
    const first = { _id: 'rd-1', villageId: V, code: '123456' }
    const later = { _id: 'rd-2', villageId: V, code: '123456' }
    const qr = pickupPayload(DEV_POINTS_KEY, first)
    expect(() => checkPickupQr(DEV_POINTS_KEY, first, qr)).not.toThrow()
    expect(() => checkPickupQr(DEV_POINTS_KEY, later, qr)).toThrow(expect.objectContaining({ code: 'POINTS.BAD_QR' }))
    expect(() => checkPickupQr('k'.repeat(40), first, qr)).toThrow(expect.objectContaining({ code: 'POINTS.BAD_QR' }))
    expect(parsePickupQr('123456')).toBeNull()
    expect(parsePickupQr(`LINLI-PICKUP:${V}:123456`)).toBeNull()
  })
})
