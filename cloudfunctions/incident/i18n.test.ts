import { fileIdOfUrl } from '../../tests/support/files'
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { incidentContract } from '@shared/incident/incident.contract'
import { callsOf } from '../../tests/support/contract-calls'
import { incidentSteps, pushNow } from '../../tests/support/incident'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'

/**
 * The incident domain in its readers' languages (issue #20): refusals, views, messages and the ledger come in
 * Tibetan to whoever reads Tibetan (the call's `lang`, else their profile's), and stay Chinese for the rest.
 */
const TIBETAN = /[\u0F00-\u0FFF]/
const CJK = /[\u3400-\u9fff]/
const BO = { lang: 'bo' as const }

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const { photo, report } = incidentSteps(() => env)
/** The person reads Tibetan: their profile says so (pushes and messages made for them later use it). */
// as the person sets it (account.setLang, which keeps the copy on their role assignments that pushes to holders use)
const readsTibetan = (userId: string) => env.ok('account', userId, 'setLang', { lang: 'bo' })

describe('refusals in Tibetan', () => {
  it('a domain error, an input check and a permission refusal come in the language of the call', async () => {
    const forged = await call('u-zhaxi', 'accept', { incidentId: 'inc_forged' }, undefined, BO)
    expect(forged).toMatchObject({ ok: false, code: 'INCIDENT.NOT_FOUND', message: 'དོན་རྐྱེན་འདི་རྙེད་མ་བྱུང་།' })
    expect((await call('u-zhaxi', 'accept', { incidentId: 'inc_forged' })).ok === false).toBe(true)
    const bad = await call(
      'u-zhuoma',
      'report',
      { category: 'sanitation', description: '短', photos: [photo('u-zhuoma')], location: null },
      undefined,
      BO,
    )
    expect(bad).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' })
    if (!bad.ok) {
      // the field by its Tibetan label, the check's own sentence in Tibetan, no Chinese left
      expect(bad.message).toContain('གསལ་བཤད')
      expect(bad.message).toContain('ཁ་བྱང་གསལ་པོ་འབྲི་རོགས།')
      expect(bad.message).not.toMatch(CJK)
    }
    const { id } = await report()
    const outside = await call('u-ciren', 'accept', { incidentId: id }, undefined, BO)
    expect(outside).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    if (!outside.ok) expect(outside.message).not.toMatch(CJK)
  })

  it("without a language in the call, the profile's language is used", async () => {
    await readsTibetan('u-zhaxi')
    const res = await call('u-zhaxi', 'accept', { incidentId: 'inc_forged' })
    expect(res).toMatchObject({ ok: false, message: 'དོན་རྐྱེན་འདི་རྙེད་མ་བྱུང་།' })
  })
})

describe('views in Tibetan', () => {
  it('a case, its timeline and the report form are labelled in Tibetan; what people typed stays as typed', async () => {
    const { id } = await report('u-zhuoma', { anonymous: true })
    await ok('u-zhaxi', 'accept', { incidentId: id, note: '马上去看' })
    const v = await ok('u-zhaxi', 'get', { incidentId: id }, undefined, BO)
    expect(v).toMatchObject({
      statusLabel: 'ཐག་གཅོད་བྱེད་བཞིན།',
      categoryLabel: 'ཁོར་ཡུག་གཙང་སྦྲ།',
      description: '三号楼后面垃圾堆了三天没人清运',
      reporterName: 'མིང་མ་བཀོད་པའི་མང་ཚོགས།',
    })
    expect(v.timeline.map((t) => t.actionLabel)).toEqual(['སྙན་ཞུ།', 'ལེན་པ།'])
    expect(v.timeline[1]).toMatchObject({ statusLabel: 'ཐག་གཅོད་བྱེད་བཞིན།', note: '马上去看' })
    // the same case in Chinese for a Chinese reader
    expect(await ok('u-zhaxi', 'get', { incidentId: id })).toMatchObject({
      statusLabel: '处置中',
      categoryLabel: '环境卫生',
      reporterName: '匿名群众',
    })
    const form = await ok('u-zhuoma', 'getConfig', {}, undefined, BO)
    expect(form.categories.map((c) => c.label)).toContain('ཁོར་ཡུག་གཙང་སྦྲ།')
    expect(form.severities.map((s) => s.label)).toEqual(['རྒྱུན་ལྡན།', 'ཅུང་ཆེ།', 'ཚབས་ཆེན།'])
    const queue = await ok('u-zhaxi', 'listQueue', { view: 'todo' }, undefined, BO)
    expect(queue.items[0]).toMatchObject({ statusLabel: 'ཐག་གཅོད་བྱེད་བཞིན།', categoryLabel: 'ཁོར་ཡུག་གཙང་སྦྲ།' })
  })

  it("the system's notes on a timeline are rendered for each reader; a county's own category names stay as named", async () => {
    const { id } = await report('u-zhuoma', { category: 'dispute', description: '邻居装修占用楼道，双方争吵' })
    await ok('u-zhaxi', 'mediate', { incidentId: id, outcome: 'failed', note: '双方各执一词' })
    const note = async (opts?: { lang: 'bo' }) =>
      (await ok('u-zhaxi', 'get', { incidentId: id }, undefined, opts)).timeline.at(-1)!.note
    // who mediated (the body in the reader's language, the mediator as named), the outcome, then the notes
    expect(await note()).toBe('调解员扎西：调解未成功：双方各执一词')
    expect(await note(BO)).toBe('བར་འདུམ་པ། 扎西 བར་འདུམ་མ་འགྲུབ། 双方各执一词')
    const moved = await ok('u-zhaxi', 'escalate', { incidentId: id, note: '需要村里协调' }, undefined, BO)
    expect(moved.statusLabel).toBe('གོང་རིམ་ལ་སྙན་ཞུ་བྱས་ཟིན།')
    await ok('u-zhangwei', 'saveCategories', {
      countyId: '513328',
      categories: [
        { key: null, label: '草场纠纷' },
        { key: 'other', label: '其他' },
      ],
    })
    const form = await ok('u-zhuoma', 'getConfig', {}, undefined, BO)
    expect(form.categories.map((c) => c.label)).toEqual(['草场纠纷', 'གཞན།'])
  })
})

describe("messages in their reader's language", () => {
  it('an inbox message written for a Tibetan reader shows in Tibetan, and in Chinese to a Chinese reader', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'accept', { incidentId: id, note: '马上去看' })
    const bo = await ok('u-zhuoma', 'myInbox', {}, undefined, BO)
    expect(bo.items.map((m) => m.title)).toEqual(['དོན་རྐྱེན་ལེན་ཟིན།', 'སྙན་ཞུ་ལེགས་གྲུབ།'])
    expect(bo.items[0]!.body).toMatch(/^ཁྱེད་ཀྱི་དོན་རྐྱེན། \(SJ20260302-.{4}\) ལེན་ཟིན། ཐག་གཅོད་བྱེད་བཞིན་ཡོད། ལེན་མཁན། དྲ་མིག$/)
    expect(bo.items[1]!.body).toContain('"ཁོར་ཡུག་གཙང་སྦྲ།"')
    expect(`${bo.items[0]!.title}${bo.items[0]!.body}`).not.toMatch(CJK)
    const zh = await ok('u-zhuoma', 'myInbox', {})
    expect(zh.items.map((m) => m.title)).toEqual(['事件已受理', '上报成功'])
    expect(zh.items[0]!.body).toMatch(/^您上报的事（SJ20260302-.{4}）已由网格受理，正在处理。$/)
  })

  it("pushes go out in each recipient's profile language", async () => {
    const pushed: Array<{ userId: string; title: string; body: string }> = []
    env.rt.notifier = { push: async (m) => void pushed.push({ userId: m.userId, title: m.title, body: m.body }) }
    await readsTibetan('u-zhaxi')
    await report()
    await pushNow(env)
    expect(pushed.find((p) => p.userId === 'u-zhaxi')).toMatchObject({ title: 'ལེན་རྒྱུའི་སྙན་ཞུ་གསར་པ་ཡོད།' })
    expect(pushed.find((p) => p.userId === 'u-zhaxi')!.body).toMatch(TIBETAN)
    expect(pushed.find((p) => p.userId === 'u-zhuoma')).toMatchObject({ title: '上报成功' })
  })

  it('a message kept as text before the catalogue still shows, as it was written', async () => {
    await env.rt.db.transaction((tx) =>
      tx.insert(C.incident_inbox, {
        _id: 'im_legacy',
        userId: 'u-zhuoma',
        incidentId: null,
        title: '事件已受理',
        body: '您上报的事已由网格受理，正在处理。',
        at: 1,
        readAt: null,
      }),
    )
    const inbox = await ok('u-zhuoma', 'myInbox', {}, undefined, BO)
    expect(inbox.items.find((m) => m.id === 'im_legacy')).toMatchObject({ title: '事件已受理' })
  })
})

describe('the ledger in both languages', () => {
  const headers = {
    zh: [
      '编号',
      '上报时间',
      '上报人',
      '网格',
      '类别',
      '描述',
      '处置单位',
      '处置结果',
      '办结时间',
      '满意度',
      '处置层级',
    ],
    bo: [
      'ཨང་རྟགས།',
      'སྙན་ཞུའི་དུས་ཚོད།',
      'སྙན་ཞུ་བ།',
      'དྲ་མིག',
      'རིགས།',
      'གསལ་བཤད།',
      'ཐག་གཅོད་ལས་ཁུངས།',
      'ཐག་གཅོད་འབྲས་བུ།',
      'ལེགས་གྲུབ་ཀྱི་དུས་ཚོད།',
      'ཚིམ་ཚད།',
      'ཐག་གཅོད་རིམ་པ།',
    ],
  }
  const bytesOf = (url: string) => readFileSync(join(env.rt.files.dir, fileIdOfUrl(url)))

  it('is headed and labelled in the language of whoever exports it', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' })
    const input = { unitId: '513328100001-G01', month: '2026-03', format: 'xlsx' }
    for (const lang of ['zh', 'bo'] as const) {
      const x = await ok('u-lixiuying', 'exportLedger', input, undefined, { lang })
      expect(x.preview[0]).toEqual(headers[lang])
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(bytesOf(x.url) as never)
      const ws = wb.worksheets[0]!
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers[lang])
      expect(String(ws.getRow(2).getCell(5).value)).toBe(lang === 'zh' ? '环境卫生' : 'ཁོར་ཡུག་གཙང་སྦྲ།')
      expect(String(ws.getRow(2).getCell(10).value)).toBe(lang === 'zh' ? '满意' : 'ཚིམ་པོ།')
      // what people typed stays as typed
      expect(String(ws.getRow(2).getCell(8).value)).toBe('已清运')
    }
    const csv = await ok('u-lixiuying', 'exportLedger', { ...input, format: 'csv' }, undefined, BO)
    expect(
      bytesOf(csv.url)
        .toString('utf8')
        .startsWith(`\uFEFF${headers.bo.join(',')}`),
    ).toBe(true)
    expect(csv.fileName).toMatch(/^旭日岭社区第一网格-དྲ་མིག་དོན་རྐྱེན་ཐོ་དེབ་-2026-03\.csv$/)
  })
})
