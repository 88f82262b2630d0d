import ExcelJS from 'exceljs'
import { pointsContract } from '@shared/points/points.contract'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { T0 } from '../../tests/support/harness'
import { C } from '../_core/collections'
import { creditSystemAward } from './points.award'
import { pointsKeys } from './points.repo'

/**
 * Issue #20: the points domain speaks the caller's language. Refusals carry their parameters into the Tibetan,
 * labels in views come in the language of the call, what the system wrote on a ledger line is kept as a message
 * and read in each reader's language, and exports have Tibetan headers. Chinese stays the default.
 */
const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const GARBAGE = pointsKeys.rule(V, 'GARBAGE_SORT')
const BO = { lang: 'bo' } as const
const TIBETAN = /[\u0F00-\u0FFF]/
const CHINESE = /[\u3400-\u9fff]/

const t = freshEnvEachTest(pointsContract)
const points = t.calls
const write = t.write

describe('refusals in Tibetan, with their parameters', () => {
  it('out of stock names what is left; the monthly limit names the limit and what was taken', async () => {
    const goods = (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items.find((g) => g.limitPerMonth)!
    await write((tx) => tx.update(C.points_goods, goods.id, { stock: 1, price: 1 }))
    const zh = await points.call('u-zhuoma', 'redeem', { goodsId: goods.id, quantity: 2 })
    const bo = await points.call('u-zhuoma', 'redeem', { goodsId: goods.id, quantity: 2 }, undefined, BO)
    expect(zh).toMatchObject({ ok: false, code: 'POINTS.OUT_OF_STOCK', message: '库存不够了，只剩 1 件' })
    expect(bo).toMatchObject({ ok: false, code: 'POINTS.OUT_OF_STOCK', message: 'ཉར་ཚགས་མི་འདང་། 1 ལས་ལྷག་མེད།' })

    await write((tx) => tx.update(C.points_goods, goods.id, { stock: 50 }))
    const limit = goods.limitPerMonth!
    for (let i = 0; i < limit; i++) await points.ok('u-zhuoma', 'redeem', { goodsId: goods.id })
    const over = await points.call('u-zhuoma', 'redeem', { goodsId: goods.id }, undefined, BO)
    expect(over).toMatchObject({ ok: false, code: 'POINTS.LIMIT_REACHED' })
    if (over.ok) return
    expect(over.message).toMatch(TIBETAN)
    expect(over.message).not.toMatch(CHINESE)
    expect(over.message).toContain(` ${limit} `)
  })

  it('a cap refusal lists the households in Tibetan; the profile language answers when the call names none', async () => {
    const rule = { villageId: V, ruleId: GARBAGE, items: [{ householdId: ZHUOMA_HH, quantity: 5 }] }
    const bo = await points.call('u-lixiuying', 'propose', rule, undefined, BO)
    expect(bo).toMatchObject({ ok: false, code: 'POINTS.CAP_EXCEEDED' })
    if (bo.ok) return
    expect(bo.message).toContain('ཟླ་འདིར་ད་དུང་སྐར་གྲངས་ 8 ཆོག')
    // names people typed (the household head, the rule) stay as written; every word around them is Tibetan
    expect(bo.message).toContain('卓玛')
    expect(bo.message.replace('卓玛', '').replace('垃圾分类定点投放', '')).not.toMatch(CHINESE)
    await write((tx) => tx.update(C.users, 'u-lixiuying', { lang: 'bo' }))
    expect(await points.call('u-lixiuying', 'propose', rule)).toMatchObject({ message: bo.message })
  })

  it('an input check names the field by its Tibetan label', async () => {
    const r = await points.call('u-zhuoma', 'fileObjection', { awardId: 'x', reason: '' }, undefined, BO)
    expect(r).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' })
    if (r.ok) return
    expect(r.message).toContain('རྒྱུ་མཚན')
    expect(r.message).not.toMatch(CHINESE)
    const pickup = await points.call('u-chenguilan', 'lookupPickup', { villageId: V, code: '12' }, undefined, BO)
    expect(pickup).toMatchObject({ ok: false, message: expect.stringContaining('ལེན་ཨང་ནི་ཨང་གྲངས་ 6 ཡིན།') })
  })
})

describe('views in the language of the call', () => {
  it('rules, the ledger and redemptions carry their labels in Tibetan; the same call in Chinese by default', async () => {
    const rules = await points.ok('u-zhuoma', 'listRules', { villageId: V }, undefined, BO)
    const yard = rules.items.find((r) => r.code === 'YARD_CLEAN')!
    expect(yard).toMatchObject({ category: 'sanitation', categoryLabel: 'ཁོར་ཡུག་གཙང་སྦྲ།', mode: 'manual' })
    expect(yard.modeLabel).toMatch(TIBETAN)
    expect(
      (await points.ok('u-zhuoma', 'listRules', { villageId: V })).items.find((r) => r.id === yard.id),
    ).toMatchObject({ categoryLabel: '环境卫生', modeLabel: '干部评定' })

    const goods = (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items[0]!
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: goods.id }, undefined, BO)
    expect(r.statusLabel).toBe('ལེན་རྒྱུ་ལྷག་ཡོད།')
    const mine = await points.ok('u-zhuoma', 'myPoints', {}, undefined, BO)
    expect(mine.history.items[0]).toMatchObject({
      kind: 'redeem',
      kindLabel: 'ཅ་དངོས་བརྗེ་རེས།',
      reason: `ཅ་དངོས་བརྗེ་རེས། ${goods.name} ×1`,
    })
    // the same line, read in Chinese: the message was kept, not a sentence in one language
    expect((await points.ok('u-zhuoma', 'myPoints', {})).history.items[0]).toMatchObject({
      kindLabel: '兑换商品',
      reason: `兑换 ${goods.name} ×1`,
    })
    // an older line with a plain reason shows it as it is, in every language
    const seeded = mine.history.items.find((e) => e.kind === 'award')!
    expect(seeded.reason).toMatch(/月度评议/)
    expect(seeded.categoryLabel).toMatch(TIBETAN)
  })

  it('a cancelled redemption’s refund and a correction read in the reader’s language', async () => {
    const goods = (await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items[0]!
    const r = await points.ok('u-zhuoma', 'redeem', { goodsId: goods.id })
    await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: r.id })
    const entry = (await points.ok('u-zhuoma', 'myPoints', {}, undefined, BO)).history.items[0]!
    expect(entry).toMatchObject({ kind: 'refund', reason: `བརྗེ་རེས་མེད་པར་བཟོས། ${goods.name} ×1` })
    const stored = await t.db.get(C.points_ledger, entry.id)
    expect(stored).toMatchObject({
      reason: `取消兑换：${goods.name} ×1`,
      reasonRef: { key: 'points.reason.cancelled', params: { goods: goods.name, n: 1 } },
    })
    const award = (await points.ok('u-zhuoma', 'myPoints', { pageSize: 50 })).history.items.find(
      (e) => e.kind === 'award',
    )!
    const corrected = await points.ok(
      'u-wangjianguo',
      'correctEntry',
      { entryId: award.id, reason: '评错了户' },
      undefined,
      BO,
    )
    expect(corrected).toMatchObject({ kindLabel: 'ནོར་བཅོས།', reason: 'ནོར་བཅོས། 评错了户' })
  })

  it('publicity, objections and figures in Tibetan', async () => {
    const batch = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: GARBAGE,
      items: [{ householdId: ZHUOMA_HH }],
    })
    expect((await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id }, undefined, BO)).statusLabel).toBe(
      'ཆོག་མཆན་ཐོབ་ཟིན། ཁྱབ་བསྒྲགས་བྱེད་བཞིན།',
    )
    const pub = await points.ok('u-wangdeming', 'listPublicity', { villageId: V }, undefined, BO)
    expect(pub.items[0]).toMatchObject({ statusLabel: 'ཁྱབ་བསྒྲགས་བྱེད་བཞིན།', categoryLabel: 'ཁོར་ཡུག་གཙང་སྦྲ།' })
    const o = await points.ok(
      'u-wangdeming',
      'fileObjection',
      { awardId: pub.items[0]!.id, reason: '不对' },
      undefined,
      BO,
    )
    expect(o.statusLabel).toBe('ཐག་གཅོད་སྒུག་བཞིན།')
    const figures = await points.ok('u-lixiuying', 'getFigures', { villageId: V, month: '2026-02' }, undefined, BO)
    expect(figures.given.length).toBeGreaterThan(0)
    for (const g of figures.given) expect(g.categoryLabel).toMatch(TIBETAN)
  })

  it('figures merge counters an older version kept under the Chinese category names', async () => {
    const id = pointsKeys.villageMonth(V, '2025-12')
    await write((tx) =>
      tx.set(C.points_village_months, {
        _id: id,
        villageId: V,
        month: '2025-12',
        givenByCategory: { 环境卫生: 5, sanitation: 3, 平安建设: 2 },
        deductedByCategory: {},
        activeHouseholds: 1,
        redemptions: 0,
        redeemedPoints: 0,
        fulfilled: 0,
        cancelled: 0,
        expired: 0,
      }),
    )
    const f = await points.ok('u-lixiuying', 'getFigures', { villageId: V, month: '2025-12' })
    expect(f.given).toEqual([
      { category: 'sanitation', categoryLabel: '环境卫生', points: 8 },
      { category: 'safety', categoryLabel: '平安建设', points: 2 },
    ])
  })

  it('a rule saved by an older client with the Chinese category name is stored by its code', async () => {
    const rule = { villageId: V, code: 'RIVER', name: '清理河道', points: 3 }
    const old = await points.ok('u-lixiuying', 'saveRule', { ...rule, category: '环境卫生' })
    expect(old).toMatchObject({ category: 'sanitation', version: 1 })
    // saving it again by code is no change
    expect(await points.ok('u-lixiuying', 'saveRule', { ...rule, category: 'sanitation' })).toMatchObject({
      version: 1,
    })
    expect(await points.call('u-lixiuying', 'saveRule', { ...rule, category: '随便' })).toMatchObject({
      ok: false,
      message: '填写的内容有误：请选择类别',
    })
  })
})

describe('remarks the system adds to a ledger line', () => {
  it('the remark of a capped system award reads in each language, whatever form its reason came in', async () => {
    const DUOJI_HH = 'hh-513328100001-G03-01'
    // VOLUNTEER_HOUR: 2 points an hour, at most 40 a month; another domain passes its reason as a message
    const r = await write((tx) =>
      creditSystemAward(tx, {
        villageId: V,
        householdId: DUOJI_HH,
        userId: 'u-duoji',
        ruleCode: 'VOLUNTEER_HOUR',
        quantity: 25,
        sourceKey: 'volunteer:test-1',
        reason: { key: 'points.reason.award', params: { rule: '打扫村道' } },
        now: T0,
      }),
    )
    expect(r).toMatchObject({ credited: true, points: 40 })
    const read = async (lang?: 'bo') =>
      (await points.ok('u-duoji', 'myPoints', {}, undefined, lang ? { lang } : undefined)).history.items[0]!.reason
    expect(await read()).toBe('打扫村道（已达本月上限 40 分）')
    expect(await read('bo')).toBe('打扫村道 (ཟླ་འདིའི་མཐོ་ཚད་སྐར་གྲངས་ 40 ལ་སླེབས་ཟིན།)')
    // an older caller's plain reason is kept as it is, with the remark in the reader's language (the cap is full now)
    await write((tx) =>
      creditSystemAward(tx, {
        villageId: V,
        householdId: DUOJI_HH,
        userId: 'u-duoji',
        ruleCode: 'VOLUNTEER_HOUR',
        quantity: 1,
        sourceKey: 'volunteer:test-2',
        reason: '志愿服务 1 小时',
        now: T0,
      }),
    )
    expect(await read()).toBe('志愿服务 1 小时（已达本月上限 40 分）')
    expect(await read('bo')).toBe('志愿服务 1 小时 (ཟླ་འདིའི་མཐོ་ཚད་སྐར་གྲངས་ 40 ལ་སླེབས་ཟིན།)')
  })
})

describe('exports in the caller’s language', () => {
  it('the ledger has Tibetan headers, kinds and file name', async () => {
    const r = await points.ok(
      'u-lixiuying',
      'exportLedger',
      { villageId: V, month: '2026-02', format: 'xlsx' },
      undefined,
      BO,
    )
    expect(r.filename).toMatch(/^སྐར་གྲངས་ཐོ་དེབ་-.+-2026-02\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as never)
    const ws = wb.worksheets[0]!
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header[0]).toBe('དུས་ཚོད།')
    expect(header.every((h) => TIBETAN.test(String(h)))).toBe(true)
    const kinds = new Set<string>()
    ws.eachRow((row, n) => {
      if (n > 1) kinds.add(String(row.getCell(5).value))
    })
    for (const k of kinds) expect(k).toMatch(TIBETAN)
    const csv = await points.ok('u-lixiuying', 'exportRedemptions', { villageId: V, month: '2026-02', format: 'csv' })
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('兑换时间')
  })
})
