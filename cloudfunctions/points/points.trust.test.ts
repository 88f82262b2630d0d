import { pointsContract } from '@shared/points/points.contract'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { C } from '../_core/collections'
import { pointsKeys } from './points.repo'
import { saveRoleAssignment } from '../_core/grants'
import { leaveHousehold } from '../_core/membership'

/**
 * Issue #16, the points part: separation of duties (item 3), goods photos that must be files of ours (item 7),
 * content checks of text others read (item 11), and household access that trusts only the caller's user document
 * at the time of the call (from item 1).
 */
const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const WANG_HH = 'hh-513328100001-G01-03'
/** 扎西's household: he is a grid worker and a resident; some tests make him a village official too */
const ZHAXI_HH = 'hh-513328100001-G02-01'
const DAY = 86_400_000
const GARBAGE = pointsKeys.rule(V, 'GARBAGE_SORT')
const GAMBLE = pointsKeys.rule(V, 'GAMBLING_DRUGS')

const t = freshEnvEachTest(pointsContract)
const points = t.calls
const write = t.write

const photo = (userId = 'u-lixiuying') => t.env.rt.files.savePhoto(jpegWithExif(), userId).fileId
const balance = async (hh: string) => (await t.db.get(C.points_accounts, hh))?.balance ?? 0

/** 扎西 becomes a village official of V as well (an official who is also a resident with a household). */
async function zhaxiIsOfficial() {
  await write((tx) =>
    saveRoleAssignment(tx, {
      _id: 'ra-u-zhaxi-village_official-test',
      userId: 'u-zhaxi',
      role: 'village_official',
      unitId: V,
      grantedBy: null,
      via: 'seed',
      createdAt: t.env.clock.now(),
      revokedAt: null,
    }),
  )
}

async function proposeAndApprove(households: string[], by = 'u-lixiuying', approver = 'u-wangjianguo') {
  const batch = await points.ok(by, 'propose', {
    villageId: V,
    ruleId: GARBAGE,
    items: households.map((householdId) => ({ householdId })),
    note: '垃圾分类检查',
  })
  await points.ok(approver, 'approveBatch', { batchId: batch.id })
  const detail = await points.ok(by, 'getBatch', { batchId: batch.id })
  return { batch, awards: detail.awards }
}

describe('item 3: nobody decides a matter they are part of', () => {
  it('the official who proposed points cannot decide objections to them; another official can', async () => {
    const { awards } = await proposeAndApprove([ZHUOMA_HH])
    const objection = await points.ok('u-wangdeming', 'fileObjection', { awardId: awards[0]!.id, reason: '没看到分类' })
    // the resident who filed it is not the one to decide it
    expect(objection.canDecide).toBe(false)
    for (const decision of ['uphold', 'withdraw'] as const) {
      expect(
        await points.call('u-lixiuying', 'resolveObjection', { objectionId: objection.id, decision, note: '核实过' }),
      ).toMatchObject({
        ok: false,
        code: 'POINTS.OWN_PROPOSAL_OBJECTION',
        message: '这条积分是您提出的，异议请另一位干部处理',
      })
    }
    expect(await t.db.get(C.points_objections, objection.id)).toMatchObject({ status: 'open', resolvedBy: null })
    // the list says so before anyone taps: she may not, he may
    const asLi = await points.ok('u-lixiuying', 'listObjections', { villageId: V, status: 'open' })
    const asWang = await points.ok('u-wangjianguo', 'listObjections', { villageId: V, status: 'open' })
    expect(asLi.items.map((o) => o.canDecide)).toEqual([false])
    expect(asWang.items.map((o) => o.canDecide)).toEqual([true])
    const done = await points.ok('u-wangjianguo', 'resolveObjection', {
      objectionId: objection.id,
      decision: 'withdraw',
      note: '核实属实',
    })
    expect(done).toMatchObject({ status: 'accepted', canDecide: false })
  })

  it('an official decides neither her own objection nor one about her own household', async () => {
    await zhaxiIsOfficial()
    const { awards } = await proposeAndApprove([ZHUOMA_HH, ZHAXI_HH])
    const toZhuoma = awards.find((a) => a.householdId === ZHUOMA_HH)!
    const toZhaxi = awards.find((a) => a.householdId === ZHAXI_HH)!
    // 扎西 objects to 卓玛's award as a resident, then tries to decide it as an official
    const his = await points.ok('u-zhaxi', 'fileObjection', { awardId: toZhuoma.id, reason: '她家没分类' })
    expect(
      await points.call('u-zhaxi', 'resolveObjection', { objectionId: his.id, decision: 'withdraw', note: '属实' }),
    ).toMatchObject({ ok: false, code: 'POINTS.OWN_OBJECTION' })
    // 卓玛 objects to 扎西's household's award: he may not keep his own household's points
    const hers = await points.ok('u-zhuoma', 'fileObjection', { awardId: toZhaxi.id, reason: '他家也没分类' })
    expect(
      await points.call('u-zhaxi', 'resolveObjection', { objectionId: hers.id, decision: 'uphold', note: '不属实' }),
    ).toMatchObject({ ok: false, code: 'POINTS.OWN_HOUSEHOLD' })
    expect((await points.ok('u-zhaxi', 'listObjections', { villageId: V })).items.map((o) => o.canDecide)).toEqual([
      false,
      false,
    ])
    // another official decides both
    await points.ok('u-wangjianguo', 'resolveObjection', { objectionId: his.id, decision: 'uphold', note: '已分类' })
    await points.ok('u-wangjianguo', 'resolveObjection', { objectionId: hers.id, decision: 'uphold', note: '已分类' })
  })

  it("approving or rejecting a batch that scores one's own household is refused", async () => {
    await zhaxiIsOfficial()
    const reward = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: GARBAGE,
      items: [{ householdId: ZHUOMA_HH }, { householdId: ZHAXI_HH }],
    })
    expect(await points.call('u-zhaxi', 'approveBatch', { batchId: reward.id })).toMatchObject({
      ok: false,
      code: 'POINTS.OWN_HOUSEHOLD',
    })
    // refusing a deduction of one's own household is deciding it too
    const deduction = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: GAMBLE,
      items: [{ householdId: ZHAXI_HH }],
      evidence: [photo()],
    })
    expect(await points.call('u-zhaxi', 'rejectBatch', { batchId: deduction.id, note: '不属实' })).toMatchObject({
      ok: false,
      code: 'POINTS.OWN_HOUSEHOLD',
    })
    for (const id of [reward.id, deduction.id]) {
      expect(await t.db.get(C.points_batches, id)).toMatchObject({ status: 'pending', decidedBy: null })
      for (const a of await t.db.find(C.points_awards, { where: { batchId: id } }))
        expect(a).toMatchObject({ status: 'proposed', approvedBy: null })
    }
    // the proposer still may not; another official may
    expect(await points.call('u-lixiuying', 'approveBatch', { batchId: reward.id })).toMatchObject({
      code: 'POINTS.OWN_PROPOSAL',
    })
    await points.ok('u-wangjianguo', 'approveBatch', { batchId: reward.id })
  })

  it('an official cannot correct an entry of her own household (reversing its deduction would score herself)', async () => {
    await zhaxiIsOfficial()
    await proposeAndApprove([ZHAXI_HH, ZHUOMA_HH])
    t.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    const entryOf = async (hh: string) =>
      (await t.db.find(C.points_ledger, { where: { householdId: hh }, orderBy: [['seq', 'desc']], limit: 1 }))[0]!
    const own = await entryOf(ZHAXI_HH)
    const before = await balance(ZHAXI_HH)
    expect(await points.call('u-zhaxi', 'correctEntry', { entryId: own._id, reason: '评错了' })).toMatchObject({
      ok: false,
      code: 'POINTS.OWN_HOUSEHOLD',
    })
    expect(await balance(ZHAXI_HH)).toBe(before)
    // someone else's entry he may correct; another official may correct his
    await points.ok('u-zhaxi', 'correctEntry', { entryId: (await entryOf(ZHUOMA_HH))._id, reason: '评错了户' })
    await points.ok('u-wangjianguo', 'correctEntry', { entryId: own._id, reason: '评错了户' })
    expect(await balance(ZHAXI_HH)).toBe(before - own.delta)
  })
})

describe('item 7: a goods photo is a photo file of ours, never a link', () => {
  const goods = (patch: Record<string, unknown>) => ({
    villageId: V,
    name: '酥油茶壶',
    price: 50,
    stock: 3,
    ...patch,
  })

  it("refuses links, data URLs and another user's file, and writes nothing", async () => {
    const before = await t.db.count(C.points_goods, { villageId: V })
    const cases: Array<[photo: string, code: string]> = [
      ['javascript:alert(document.cookie)', 'COMMON.BAD_INPUT'],
      [' JavaScript:alert(1)', 'COMMON.BAD_INPUT'],
      ['data:image/png;base64,iVBORw0KGgo=', 'COMMON.BAD_INPUT'],
      ['https://evil.example/pot.jpg', 'COMMON.BAD_INPUT'],
      ['//evil.example/pot.jpg', 'COMMON.BAD_INPUT'],
      ['/api/files/../../etc/passwd', 'COMMON.BAD_INPUT'],
      [photo('u-zhuoma'), 'FILE.NOT_YOURS'],
      ['f_' + '0'.repeat(32), 'FILE.NOT_FOUND'],
    ]
    for (const [p, code] of cases) {
      expect(await points.call('u-chenguilan', 'saveGoods', goods({ photo: p }))).toMatchObject({ ok: false, code })
    }
    expect(await t.db.count(C.points_goods, { villageId: V })).toBe(before)
  })

  it("keeps the keeper's own upload as a file id and shows it by the file port's URL", async () => {
    const mine = photo('u-chenguilan')
    const saved = await points.ok('u-chenguilan', 'saveGoods', goods({ photo: mine }))
    expect(saved.photo).toEqual({ fileId: mine, url: expect.stringContaining(`/api/files/${mine}`) })
    expect((await t.db.get(C.points_goods, saved.id))!.photo).toBe(mine)
    const listed = (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items.find((g) => g.id === saved.id)!
    expect(listed.photo).toEqual(saved.photo)
    // another goods manager changes the price without sending the photo: it stays (not adopted again as hers)
    const changed = await points.ok('u-lixiuying', 'saveGoods', goods({ goodsId: saved.id, price: 60 }))
    expect(changed).toMatchObject({ price: 60, photo: { fileId: mine } })
    // null takes it off
    expect((await points.ok('u-chenguilan', 'saveGoods', goods({ goodsId: saved.id, photo: null }))).photo).toBeNull()
  })

  it('goods without a photo still work; an older document carrying a link is never echoed as one', async () => {
    const list = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
    expect(list.items.length).toBeGreaterThan(3)
    expect(list.items.every((g) => g.photo === null)).toBe(true)
    const soap = list.items[0]!
    // written directly, as an older version of the app could have stored it
    await write((tx) => tx.update(C.points_goods, soap.id, { photo: 'javascript:alert(1)' }))
    const again = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
    expect(again.items.find((g) => g.id === soap.id)!.photo).toBeNull()
    expect(JSON.stringify(again)).not.toMatch(/javascript/i)
    // and it can still be redeemed and edited
    await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    const edited = await points.ok('u-chenguilan', 'saveGoods', {
      villageId: V,
      goodsId: soap.id,
      name: soap.name,
      price: soap.price,
    })
    expect(edited.photo).toBeNull()
    expect((await t.db.get(C.points_goods, soap.id))!.photo).toBeNull()
  })

  it('no view of the domain carries a URL that is not from the file port', async () => {
    const { batch } = await proposeAndApprove([ZHUOMA_HH])
    const views = [
      await points.ok('u-wangjianguo', 'getBatch', { batchId: batch.id }),
      await points.ok('u-zhuoma', 'listPublicity', { villageId: V }),
      await points.ok('u-zhuoma', 'myPoints', {}),
      await points.ok('u-zhuoma', 'listGoods', { villageId: V }),
      await points.ok('u-zhuoma', 'listRules', { villageId: V }),
    ]
    const urls = JSON.stringify(views).match(/"url":"[^"]*"/g) ?? []
    for (const u of urls) expect(u).toMatch(/^"url":"(\/api\/files\/f_[0-9a-f]{32}[^"]*)?"$/)
  })
})

describe('item 11: text others read passes the content check before anything is written', () => {
  const BAD = '这里卖六合彩'

  it('goods names, rule names and clauses, notes, objections, decisions and correction reasons', async () => {
    const { batch, awards } = await proposeAndApprove([ZHUOMA_HH])
    const pending = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: GARBAGE,
      items: [{ householdId: WANG_HH }],
    })
    const objection = await points.ok('u-wangdeming', 'fileObjection', { awardId: awards[0]!.id, reason: '不对' })
    const entry = (await t.db.find(C.points_ledger, { where: { householdId: ZHUOMA_HH }, limit: 1 }))[0]!
    const rule = { villageId: V, code: 'RIVER_CLEAN', name: '清理河道', category: 'sanitation', points: 3 }
    const cases: Array<[string, Parameters<typeof points.call>[1], Record<string, unknown>]> = [
      ['u-chenguilan', 'saveGoods', { villageId: V, name: `砖茶${BAD}`, price: 10 }],
      ['u-lixiuying', 'saveRule', { ...rule, name: BAD }],
      ['u-lixiuying', 'saveRule', { ...rule, clause: `第三条 ${BAD}` }],
      ['u-lixiuying', 'propose', { villageId: V, ruleId: GARBAGE, items: [{ householdId: WANG_HH }], note: BAD }],
      [
        'u-lixiuying',
        'propose',
        { villageId: V, ruleId: GARBAGE, items: [{ householdId: WANG_HH, memberName: '六合彩' }] },
      ],
      ['u-wangjianguo', 'approveBatch', { batchId: pending.id, note: BAD }],
      ['u-wangjianguo', 'rejectBatch', { batchId: pending.id, note: BAD }],
      ['u-zhuoma', 'fileObjection', { awardId: awards[0]!.id, reason: BAD }],
      ['u-wangjianguo', 'resolveObjection', { objectionId: objection.id, decision: 'uphold', note: BAD }],
      ['u-wangjianguo', 'correctEntry', { entryId: entry._id, reason: BAD }],
    ]
    const counts = async () =>
      Promise.all(
        [
          C.points_goods,
          C.points_rules,
          C.points_batches,
          C.points_awards,
          C.points_objections,
          C.points_ledger,
          C.requests,
        ].map((c) => t.db.count(c)),
      )
    const before = await counts()
    for (const [who, action, data] of cases) {
      expect([action, await points.call(who, action, data)]).toEqual([
        action,
        { ok: false, code: 'COMMON.CONTENT_UNSAFE', message: expect.stringContaining('不能发布') },
      ])
    }
    expect(await counts()).toEqual(before)
    expect(await t.db.get(C.points_batches, pending.id)).toMatchObject({ status: 'pending' })
    expect(await t.db.get(C.points_batches, batch.id)).toMatchObject({ status: 'approved' })
    expect(await t.db.get(C.points_objections, objection.id)).toMatchObject({ status: 'open' })
  })
})

describe('household access trusts only the caller’s user document at the time of the call', () => {
  const soapOf = async () => (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items[0]!
  // as the account actions do it: leaving moves the household's account on (leaveHousehold)
  const setHousehold = (userId: string, householdId: string | null) =>
    write(async (tx) => {
      const was = (await tx.get(C.users, userId))?.householdId
      await tx.update(C.users, userId, { householdId })
      if (was && was !== householdId) await leaveHousehold(tx, was)
    })
  const leave = (userId: string) => setHousehold(userId, null)

  it('a member whose household is cleared between two calls can no longer spend, cancel or read its points', async () => {
    const soap = await soapOf()
    const first = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    const hh = await balance(ZHUOMA_HH)
    await leave('u-zhuoma')
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: first.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_YOUR_REDEMPTION',
    })
    expect(await points.ok('u-zhuoma', 'myPoints', {})).toMatchObject({
      household: null,
      balance: 0,
      history: { items: [], total: 0 },
    })
    expect(await points.ok('u-zhuoma', 'myRedemptions', {})).toMatchObject({ items: [], total: 0 })
    expect((await points.ok('u-zhuoma', 'listGoods', { villageId: V })).balance).toBeNull()
    const pub = await points.ok('u-zhuoma', 'getBoard', { villageId: V })
    expect(pub.items.some((i) => i.mine)).toBe(false)
    expect(await balance(ZHUOMA_HH)).toBe(hh)
    expect(await t.db.get(C.points_redemptions, first.id)).toMatchObject({ status: 'pending' })
    // the household's other member still can
    await setHousehold('u-wangdeming', ZHUOMA_HH)
    expect((await points.ok('u-wangdeming', 'cancelRedemption', { redemptionId: first.id })).status).toBe('cancelled')
  })

  it('a membership revoked while a call is under way: redeem and cancel re-read it inside their transaction', async () => {
    const soap = await soapOf()
    const first = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    const hh = await balance(ZHUOMA_HH)
    const stock = (await t.db.get(C.points_goods, soap.id))!.stock
    // the revocation commits after the call loaded the caller and before its transaction starts
    const spy = jest.spyOn(t.db, 'transaction').mockImplementation(async (body) => {
      await leave('u-zhuoma')
      return write(body)
    })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
    await setHousehold('u-zhuoma', ZHUOMA_HH)
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: first.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_YOUR_REDEMPTION',
    })
    spy.mockRestore()
    expect(await balance(ZHUOMA_HH)).toBe(hh)
    expect((await t.db.get(C.points_goods, soap.id))!.stock).toBe(stock)
    expect(await t.db.get(C.points_redemptions, first.id)).toMatchObject({ status: 'pending' })
    expect(await t.db.count(C.points_redemptions, { householdId: ZHUOMA_HH })).toBe(1)
  })
})
