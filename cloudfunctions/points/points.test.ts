import { pointsContract } from '@shared/points/points.contract'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { rid } from '../../tests/support/harness'
import { C } from '../_core/collections'
import { pointsKeys } from './points.repo'
import { fileIdOfUrl, signedFileUrl } from '../../tests/support/files'

const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const WANG_HH = 'hh-513328100001-G01-03'
const DAY = 86_400_000
const YARD = pointsKeys.rule(V, 'YARD_CLEAN')
const LITTER = pointsKeys.rule(V, 'LITTER')
const GAMBLE = pointsKeys.rule(V, 'GAMBLING_DRUGS')

const te = freshEnvEachTest(pointsContract)
const points = te.calls

/** A real upload by `userId` (the proposing official unless said), as the upload route stores it. */
const photo = (userId = 'u-lixiuying') => te.env.rt.files.savePhoto(jpegWithExif(), userId).fileId
const account = async (hh: string) => (await te.db.get(C.points_accounts, hh))?.balance ?? 0
async function checkLedger(hh: string) {
  const entries = await te.db.find(C.points_ledger, {
    where: { householdId: hh },
    orderBy: [['seq', 'asc']],
  })
  const sum = entries.reduce((s, e) => s + e.delta, 0)
  expect(await account(hh)).toBe(sum)
  expect(sum).toBeGreaterThanOrEqual(0)
  return sum
}
async function proposeAndApprove(
  items: Array<{ householdId: string; quantity?: number }>,
  ruleId = YARD,
  evidence = [photo()],
) {
  const batch = await points.ok('u-lixiuying', 'propose', {
    villageId: V,
    ruleId,
    items,
    note: '3 月庭院评比',
    evidence,
  })
  await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id })
  return batch
}

describe('rules', () => {
  it('a change makes a new version; entries keep citing the version they were made under', async () => {
    const rules = await points.ok('u-zhuoma', 'listRules', { villageId: V })
    expect(rules.items.map((r) => r.code)).toContain('YARD_CLEAN')
    const b = await proposeAndApprove([{ householdId: ZHUOMA_HH }])
    const v2 = await points.ok('u-lixiuying', 'saveRule', {
      villageId: V,
      code: 'yard_clean',
      name: '庭院整洁、门前三包',
      category: '环境卫生',
      points: 8,
      evidenceRequired: true,
      capPerMonth: 16,
    })
    expect(v2).toMatchObject({ id: YARD, version: 2, points: 8 })
    const same = await points.ok('u-lixiuying', 'saveRule', {
      villageId: V,
      code: 'YARD_CLEAN',
      name: '庭院整洁、门前三包',
      category: '环境卫生',
      points: 8,
      evidenceRequired: true,
      capPerMonth: 16,
    })
    expect(same.version).toBe(2)
    const versions = await points.ok('u-lixiuying', 'listRuleVersions', { ruleId: YARD })
    expect(versions.items.map((v) => [v.version, v.points])).toEqual([
      [2, 8],
      [1, 5],
    ])
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    const detail = await points.ok('u-lixiuying', 'getBatch', { batchId: b.id })
    expect(detail.awards[0]).toMatchObject({ status: 'credited', delta: 5, creditedDelta: 5 })
    const entry = await te.db.get(C.points_ledger, pointsKeys.awardEntry(detail.awards[0]!.id))
    expect(entry).toMatchObject({
      ruleId: YARD,
      ruleVersion: 1,
      delta: 5,
      proposedBy: 'u-lixiuying',
      approvedBy: 'u-wangjianguo',
    })
  })

  it('only officials manage rules, only in their village', async () => {
    const rule = { villageId: V, code: 'X_TEST', name: '测试', category: '其他', points: 1 }
    expect(await points.call('u-zhuoma', 'saveRule', rule)).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    expect(await points.call('u-lixiuying', 'saveRule', { ...rule, villageId: '513328101201' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
  })
})

describe('scoring: propose → approve → publicity → settle', () => {
  it('credits a batch only after publicity, once, and shows residents masked names', async () => {
    const before = await account(ZHUOMA_HH)
    const b = await proposeAndApprove([{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }])
    expect(b).toMatchObject({ households: 2, totalPoints: 10, status: 'pending' })
    const pub = await points.ok('u-zhuoma', 'listPublicity', { villageId: V })
    expect(pub.items).toHaveLength(2)
    expect(pub.items.map((i) => i.headNameMasked).sort()).toEqual(['卓*', '王*明'])
    expect(pub.items.find((i) => i.mine)).toMatchObject({ canObject: true, status: 'publicity' })
    // nothing credited during publicity
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toEqual({
      settled: 0,
      points: 0,
      remaining: 0,
    })
    const mine = await points.ok('u-zhuoma', 'myPoints', {})
    expect(mine).toMatchObject({ balance: before, pending: { count: 1, points: 5 } })
    te.env.clock.advance(3 * DAY)
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toEqual({
      settled: 2,
      points: 10,
      remaining: 0,
    })
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toEqual({
      settled: 0,
      points: 0,
      remaining: 0,
    })
    expect(await account(ZHUOMA_HH)).toBe(before + 5)
    await checkLedger(ZHUOMA_HH)
    await checkLedger(WANG_HH)
  })

  it('settles lazily when a resident looks at their points', async () => {
    const before = await account(ZHUOMA_HH)
    await proposeAndApprove([{ householdId: ZHUOMA_HH }])
    te.env.clock.advance(3 * DAY + 1)
    const mine = await points.ok('u-zhuoma', 'myPoints', {})
    expect(mine.balance).toBe(before + 5)
    expect(mine.history.items[0]).toMatchObject({ kind: 'award', delta: 5, ruleName: '庭院整洁、门前三包' })
  })

  it('nobody approves their own proposal; evidence and rule checks', async () => {
    const b = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH }],
      evidence: [photo()],
    })
    expect(b.canDecide).toBe(false)
    expect(await points.call('u-lixiuying', 'approveBatch', { batchId: b.id })).toMatchObject({
      ok: false,
      code: 'POINTS.OWN_PROPOSAL',
    })
    expect(
      await points.call('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: YARD,
        items: [{ householdId: ZHUOMA_HH }],
      }),
    ).toMatchObject({ ok: false, code: 'POINTS.EVIDENCE_REQUIRED' })
    expect(
      await points.call('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: pointsKeys.rule(V, 'PATROL_DUTY'),
        items: [{ householdId: ZHUOMA_HH }],
      }),
    ).toMatchObject({ ok: false, code: 'POINTS.RULE_IS_SYSTEM' })
    expect(
      await points.call('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: YARD,
        evidence: [photo()],
        items: [{ householdId: 'hh-513328101201-G01-01' }],
      }),
    ).toMatchObject({ ok: false, code: 'POINTS.HOUSEHOLD_NOT_IN_VILLAGE' })
    expect(
      await points.call('u-zhuoma', 'propose', {
        villageId: V,
        ruleId: YARD,
        evidence: [photo('u-zhuoma')],
        items: [{ householdId: ZHUOMA_HH }],
      }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    const rejected = await points.ok('u-wangjianguo', 'rejectBatch', { batchId: b.id, note: '照片看不清' })
    expect(rejected.status).toBe('rejected')
    expect(await points.call('u-wangjianguo', 'approveBatch', { batchId: b.id })).toMatchObject({
      ok: false,
      code: 'POINTS.BATCH_DECIDED',
    })
  })

  describe('evidence photos are checked with the file port before anything is written', () => {
    const written = async () => ({
      batches: await te.db.count(C.points_batches),
      awards: await te.db.count(C.points_awards),
      caps: await te.db.count(C.points_caps),
      ledger: await te.db.count(C.points_ledger),
    })
    const propose = (evidence: unknown, requestId?: string) =>
      points.call(
        'u-lixiuying',
        'propose',
        {
          villageId: V,
          ruleId: YARD,
          items: [{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }],
          note: '庭院评比',
          evidence,
        },
        requestId,
      )

    it("a forged, unknown, someone else's or generated file is refused in Chinese and writes nothing", async () => {
      const before = await written()
      const exported = (await te.env.rt.files.putGenerated('台账.csv', new TextEncoder().encode('a,b\n'), 'text/csv'))
        .fileId
      const cases: Array<[evidence: unknown, code: string, message: RegExp]> = [
        [['p'], 'COMMON.BAD_INPUT', /照片编号不对/],
        [['photo-1'], 'COMMON.BAD_INPUT', /照片编号不对/],
        [['../../etc/passwd'], 'COMMON.BAD_INPUT', /照片编号不对/],
        [['f_' + '0'.repeat(32)], 'FILE.NOT_FOUND', /照片没有找到，请重新上传/],
        [[photo('u-wangjianguo')], 'FILE.NOT_YOURS', /只能使用您自己上传的照片/],
        [[photo('u-zhuoma')], 'FILE.NOT_YOURS', /只能使用您自己上传的照片/],
        [[exported], 'FILE.NOT_FOUND', /照片没有找到/],
        // one good photo does not carry a bad one
        [[photo(), 'f_' + 'a'.repeat(32)], 'FILE.NOT_FOUND', /照片没有找到/],
        [Array.from({ length: 10 }, () => photo()), 'COMMON.BAD_INPUT', /最多 9 张照片/],
      ]
      for (const [evidence, code, message] of cases) {
        expect(await propose(evidence)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
      }
      expect(await written()).toEqual(before)
      expect((await points.ok('u-wangjianguo', 'listBatches', { villageId: V, status: 'pending' })).items).toEqual([])
      // the rule still asks for a photo
      expect(await propose([])).toMatchObject({
        ok: false,
        code: 'POINTS.EVIDENCE_REQUIRED',
        message: '这条规则需要上传照片作为依据',
      })
    })

    it("the proposer's own uploads are stored on the batch and on every award, once each", async () => {
      const a = photo()
      const b = photo()
      const requestId = rid('propose')
      const batch = await propose([a, b, a], requestId)
      expect(batch).toMatchObject({
        ok: true,
        data: {
          evidence: [
            { fileId: a, url: signedFileUrl(a) },
            { fileId: b, url: signedFileUrl(b) },
          ],
          households: 2,
        },
      })
      if (!batch.ok) return
      const id = (batch.data as { id: string }).id
      expect((await te.db.get(C.points_batches, id))!.evidence).toEqual([a, b])
      const awards = await te.db.find(C.points_awards, { where: { batchId: id } })
      expect(awards.map((x) => x.evidence)).toEqual([
        [a, b],
        [a, b],
      ])
      // a repeat of the same request returns the same batch, without a second one
      expect(await propose([a, b, a], requestId)).toEqual(batch)
      expect(await te.db.count(C.points_batches, { ruleId: YARD })).toBe(1)
      // the approver sees the same photos
      expect(
        (await points.ok('u-wangjianguo', 'getBatch', { batchId: id })).batch.evidence.map((p) => p.fileId),
      ).toEqual([a, b])
    })

    it("the approving official sees each photo with a URL the host serves; residents' publicity carries no photos", async () => {
      const a = photo()
      const b = photo()
      const batch = await points.ok('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: YARD,
        items: [{ householdId: ZHUOMA_HH }],
        note: '庭院评比',
        evidence: [a, b],
      })
      const listed = (await points.ok('u-wangjianguo', 'listBatches', { villageId: V, status: 'pending' })).items.find(
        (x) => x.id === batch.id,
      )!
      const detail = (await points.ok('u-wangjianguo', 'getBatch', { batchId: batch.id })).batch
      for (const view of [listed, detail]) {
        expect(view.canDecide).toBe(true)
        expect(view.evidence).toEqual([
          { fileId: a, url: signedFileUrl(a) },
          { fileId: b, url: signedFileUrl(b) },
        ])
        for (const p of view.evidence) {
          // the URL is the local host's GET /api/files/<id>: that file is there, a clean JPEG of the proposer's upload
          const served = te.env.rt.files.read(fileIdOfUrl(p.url))
          expect(served?.meta).toMatchObject({ ownerId: 'u-lixiuying', contentType: 'image/jpeg', name: null })
          expect(served!.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
        }
      }
      const approved = await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id })
      expect(approved.evidence.map((p) => p.url)).toEqual([signedFileUrl(a), signedFileUrl(b)])
      // the same award in publicity, as a resident sees it: no photo ids or URLs anywhere
      const pub = await points.ok('u-zhuoma', 'listPublicity', { villageId: V })
      expect(pub.items).toHaveLength(1)
      expect(JSON.stringify(pub)).not.toMatch(/f_[0-9a-f]{32}|\/api\/files\//)
      // a proposal without photos shows none
      const bare = await points.ok('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: pointsKeys.rule(V, 'GARBAGE_SORT'),
        items: [{ householdId: WANG_HH }],
      })
      expect((await points.ok('u-wangjianguo', 'getBatch', { batchId: bare.id })).batch.evidence).toEqual([])
    })

    it('a proposal over the cap is refused before its photos are adopted; without photos the transaction still checks the cap', async () => {
      await points.ok('u-lixiuying', 'propose', {
        villageId: V,
        ruleId: YARD,
        items: [{ householdId: ZHUOMA_HH, quantity: 2 }],
        evidence: [photo()],
      })
      const adopt = jest.spyOn(te.env.rt.files, 'adoptPhoto')
      expect(await propose([photo()])).toMatchObject({
        ok: false,
        code: 'POINTS.CAP_EXCEEDED',
        message: expect.stringContaining('卓玛（本月还可 0 分）'),
      })
      expect(adopt).not.toHaveBeenCalled()
      // GARBAGE_SORT: 2 points, cap 8, no photo needed
      const sort = {
        villageId: V,
        ruleId: pointsKeys.rule(V, 'GARBAGE_SORT'),
        items: [{ householdId: ZHUOMA_HH, quantity: 5 }],
      }
      expect(await points.call('u-lixiuying', 'propose', sort)).toMatchObject({
        ok: false,
        code: 'POINTS.CAP_EXCEEDED',
        message: expect.stringContaining('本月还可 8 分'),
      })
      adopt.mockRestore()
    })
  })

  it('enforces the monthly cap per household at proposal; rejection frees the room', async () => {
    // YARD_CLEAN: 5 points, cap 10 a month
    const first = await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: ZHUOMA_HH, quantity: 2 }],
      evidence: [photo()],
    })
    const over = await points.call('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: WANG_HH }, { householdId: ZHUOMA_HH }],
      evidence: [photo()],
    })
    expect(over).toMatchObject({ ok: false, code: 'POINTS.CAP_EXCEEDED', message: expect.stringContaining('卓玛') })
    await points.ok('u-wangjianguo', 'rejectBatch', { batchId: first.id, note: '重复' })
    await points.ok('u-lixiuying', 'propose', {
      villageId: V,
      ruleId: YARD,
      items: [{ householdId: WANG_HH }, { householdId: ZHUOMA_HH }],
      evidence: [photo()],
    })
  })

  /** 李秀英 proposes YARD_CLEAN (5 points, cap 10 a month) for one household, with a photo. */
  const yardFor = (householdId: string) =>
    points.call('u-lixiuying', 'propose', { villageId: V, ruleId: YARD, items: [{ householdId }], evidence: [photo()] })

  it('two proposals at once with room under the cap for one: exactly one is made, the cap counts it once', async () => {
    // YARD_CLEAN: 5 points, cap 10 a month; 卓玛's household has 5 of it, so the cap is there and has room for one more
    expect(await yardFor(ZHUOMA_HH)).toMatchObject({ ok: true })
    const capId = pointsKeys.cap(ZHUOMA_HH, YARD, '2026-03')
    expect((await te.db.get(C.points_caps, capId))?.used).toBe(5)
    const both = await Promise.all([0, 1].map(() => yardFor(ZHUOMA_HH)))
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ code: 'POINTS.CAP_EXCEEDED' })
    expect((await te.db.get(C.points_caps, capId))?.used).toBe(10)
    const proposed = await te.db.find(C.points_awards, { where: { householdId: ZHUOMA_HH, ruleId: YARD } })
    expect(proposed).toHaveLength(2)
    // a third, with no room left, is refused and changes nothing
    expect(await yardFor(ZHUOMA_HH)).toMatchObject({ ok: false, code: 'POINTS.CAP_EXCEEDED' })
    expect((await te.db.get(C.points_caps, capId))?.used).toBe(10)
  })

  it('three proposals at once for a household with no cap yet this month: the cap made once, two made, one refused', async () => {
    // YARD_CLEAN: 5 points, cap 10 a month; 王德明's household has none of it yet, so each proposal's check finds no cap
    const capId = pointsKeys.cap(WANG_HH, YARD, '2026-03')
    expect(await te.db.get(C.points_caps, capId)).toBeNull()
    const all = await Promise.all([0, 1, 2].map(() => yardFor(WANG_HH)))
    expect(all.filter((r) => r.ok)).toHaveLength(2)
    expect(all.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'POINTS.CAP_EXCEEDED' })])
    expect(await te.db.get(C.points_caps, capId)).toMatchObject({ used: 10, householdId: WANG_HH, ruleId: YARD })
    expect(await te.db.find(C.points_awards, { where: { householdId: WANG_HH, ruleId: YARD } })).toHaveLength(2)
  })

  it('a deduction goes the same way and never takes a balance below zero', async () => {
    const before = await account(ZHUOMA_HH)
    await proposeAndApprove([{ householdId: ZHUOMA_HH }], GAMBLE, [photo()])
    await proposeAndApprove([{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }], GAMBLE, [photo()])
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    expect(await account(ZHUOMA_HH)).toBe(Math.max(0, before - 60))
    await checkLedger(ZHUOMA_HH)
    await checkLedger(WANG_HH)
    const mine = await points.ok('u-zhuoma', 'myPoints', {})
    expect(mine.history.items[0]).toMatchObject({ kind: 'deduction' })
  })

  it('objections: residents of the village object; uphold lets it credit, withdraw never credits', async () => {
    const before = await account(ZHUOMA_HH)
    const b = await proposeAndApprove([{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }])
    const detail = await points.ok('u-lixiuying', 'getBatch', { batchId: b.id })
    const [za, wa] = [
      detail.awards.find((a) => a.householdId === ZHUOMA_HH)!,
      detail.awards.find((a) => a.householdId === WANG_HH)!,
    ]
    const o1 = await points.ok('u-wangdeming', 'fileObjection', { awardId: za.id, reason: '她家门口还堆着柴火' })
    expect(o1.status).toBe('open')
    expect(await points.call('u-wangdeming', 'fileObjection', { awardId: za.id, reason: '再提一次' })).toMatchObject({
      ok: false,
      code: 'POINTS.ALREADY_OBJECTED',
    })
    // a resident of another village cannot object
    expect(await points.call('u-yangjin', 'fileObjection', { awardId: za.id, reason: '不对' })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_MY_VILLAGE',
    })
    const o2 = await points.ok('u-zhuoma', 'fileObjection', { awardId: wa.id, reason: '没看到打扫' })
    te.env.clock.advance(4 * DAY)
    // open objections hold crediting past the period; objecting after it is refused
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toMatchObject({ settled: 0 })
    expect(await points.call('u-zhaxi', 'fileObjection', { awardId: za.id, reason: '晚了' })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_IN_PUBLICITY',
    })
    const objections = await points.ok('u-lixiuying', 'listObjections', { villageId: V, status: 'open' })
    expect(objections.total).toBe(2)
    await points.ok('u-wangjianguo', 'resolveObjection', {
      objectionId: o1.id,
      decision: 'uphold',
      note: '已核实，柴火是临时的',
    })
    await points.ok('u-wangjianguo', 'resolveObjection', {
      objectionId: o2.id,
      decision: 'withdraw',
      note: '核实确实没打扫',
    })
    expect(
      await points.call('u-wangjianguo', 'resolveObjection', {
        objectionId: o2.id,
        decision: 'uphold',
        note: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'POINTS.OBJECTION_RESOLVED' })
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toMatchObject({
      settled: 1,
      points: 5,
    })
    expect(await account(ZHUOMA_HH)).toBe(before + 5)
    const pub = await points.ok('u-zhuoma', 'listPublicity', { villageId: V })
    expect(pub.items.map((i) => i.status).sort()).toEqual(['credited', 'withdrawn'])
  })

  it('a correction appends the opposite entry, once', async () => {
    await proposeAndApprove([{ householdId: ZHUOMA_HH }])
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    const before = await account(ZHUOMA_HH)
    const mine = await points.ok('u-zhuoma', 'myPoints', {})
    const e = await points.ok('u-wangjianguo', 'correctEntry', {
      entryId: mine.history.items[0]!.id,
      reason: '评错了户',
    })
    expect(e).toMatchObject({ kind: 'correction', delta: -5 })
    expect(await account(ZHUOMA_HH)).toBe(before - 5)
    expect(
      await points.call('u-wangjianguo', 'correctEntry', { entryId: mine.history.items[0]!.id, reason: '再来' }),
    ).toMatchObject({ ok: false, code: 'POINTS.ALREADY_CORRECTED' })
    await checkLedger(ZHUOMA_HH)
  })

  it('publicity days are per village', async () => {
    await points.ok('u-lixiuying', 'saveSettings', { villageId: V, publicityDays: 5, pickupDays: 2 })
    await proposeAndApprove([{ householdId: ZHUOMA_HH }])
    te.env.clock.advance(4 * DAY)
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toMatchObject({ settled: 0 })
    te.env.clock.advance(DAY)
    expect(await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })).toMatchObject({ settled: 1 })
  })
})

describe('points store', () => {
  const goodsOf = async (name: string) => {
    const list = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
    return list.items.find((g) => g.name.startsWith(name))!
  }
  const stock = async (id: string) => (await te.db.get(C.points_goods, id))!.stock

  it('redeem holds points and stock; keeper fulfils by code; the code dies', async () => {
    const soap = await goodsOf('香皂')
    const before = await account(ZHUOMA_HH)
    const redemption = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })
    expect(redemption).toMatchObject({
      status: 'pending',
      points: 30,
      code: expect.stringMatching(/^\d{6}$/),
      qr: expect.stringMatching(new RegExp(`^LLPK1\\.${V}\\.${redemption.code}\\.[0-9A-Za-z]{10}$`)),
      qrImage: expect.stringMatching(/^data:image\/png;base64,/),
    })
    expect(await account(ZHUOMA_HH)).toBe(before - 30)
    expect(await stock(soap.id)).toBe(soap.stock - 2)
    const looked = await points.ok('u-chenguilan', 'lookupPickup', { villageId: V, code: redemption.code })
    expect(looked).toMatchObject({ id: redemption.id, headName: '卓玛', goodsName: soap.name })
    const done = await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: redemption.code })
    expect(done.status).toBe('fulfilled')
    expect(await points.call('u-chenguilan', 'fulfil', { villageId: V, code: redemption.code })).toMatchObject({
      ok: false,
      code: 'POINTS.CODE_NOT_FOUND',
    })
    expect(await points.call('u-zhuoma', 'cancelRedemption', { redemptionId: redemption.id })).toMatchObject({
      ok: false,
      code: 'POINTS.REDEMPTION_CLOSED',
    })
    expect(await stock(soap.id)).toBe(soap.stock - 2)
    await checkLedger(ZHUOMA_HH)
  })

  it('a keeper of one village cannot fulfil another village’s redemptions; residents cannot fulfil', async () => {
    const soap = await goodsOf('香皂')
    const redemption = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    expect(
      await points.call('u-chenguilan', 'fulfil', { villageId: '513328101201', code: redemption.code }),
    ).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    expect(await points.call('u-wangdeming', 'fulfil', { villageId: V, code: redemption.code })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
  })

  it('cancel and expiry return points and stock; limits per month hold', async () => {
    const soap = await goodsOf('香皂') // limit 3 a month
    const before = await account(ZHUOMA_HH)
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 2 })).toMatchObject({
      ok: false,
      code: 'POINTS.LIMIT_REACHED',
    })
    expect(await points.call('u-wangdeming', 'cancelRedemption', { redemptionId: a.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_YOUR_REDEMPTION',
    })
    const c = await points.ok('u-zhuoma', 'cancelRedemption', { redemptionId: a.id })
    expect(c).toMatchObject({ status: 'cancelled', code: null })
    expect(await account(ZHUOMA_HH)).toBe(before)
    expect(await stock(soap.id)).toBe(soap.stock)
    const b = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id, quantity: 3 })
    te.env.clock.advance(7 * DAY)
    const mine = await points.ok('u-zhuoma', 'myRedemptions', {})
    expect(mine.items.find((r) => r.id === b.id)).toMatchObject({ status: 'expired' })
    expect(await account(ZHUOMA_HH)).toBe(before)
    expect(await stock(soap.id)).toBe(soap.stock)
    await checkLedger(ZHUOMA_HH)
  })

  it('expireRedemptions closes overdue redemptions of the village; fulfil after expiry refuses to hand out', async () => {
    const soap = await goodsOf('香皂')
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id })
    const b = await points.ok('u-wangdeming', 'redeem', { goodsId: soap.id })
    te.env.clock.advance(7 * DAY)
    const late = await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: a.code })
    expect(late.status).toBe('expired')
    expect(await points.ok('u-chenguilan', 'expireRedemptions', { villageId: V })).toEqual({
      expired: 1,
      remaining: 0,
    })
    expect(await points.ok('u-chenguilan', 'expireRedemptions', { villageId: V })).toEqual({
      expired: 0,
      remaining: 0,
    })
    expect(await stock(soap.id)).toBe(soap.stock)
    expect((await points.ok('u-lixiuying', 'listRedemptions', { villageId: V, status: 'expired' })).total).toBe(2)
    void b
  })

  it('not enough points, out of stock, goods off', async () => {
    const oil = await goodsOf('菜籽油')
    await te.db.transaction((tx) => tx.update(C.points_goods, oil.id, { price: 100_000 }))
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: oil.id })).toMatchObject({
      ok: false,
      code: 'POINTS.INSUFFICIENT_BALANCE',
    })
    const towel = await goodsOf('毛巾')
    await points.ok('u-chenguilan', 'adjustStock', { goodsId: towel.id, delta: -towel.stock, reason: '盘点' })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: towel.id })).toMatchObject({
      ok: false,
      code: 'POINTS.OUT_OF_STOCK',
    })
    expect(
      await points.call('u-chenguilan', 'adjustStock', { goodsId: towel.id, delta: -1, reason: '盘点' }),
    ).toMatchObject({ ok: false, code: 'POINTS.STOCK_NEGATIVE' })
    const g = await points.ok('u-chenguilan', 'saveGoods', {
      villageId: V,
      name: '电饭煲',
      price: 300,
      stock: 2,
      active: false,
    })
    expect(await points.call('u-zhuoma', 'redeem', { goodsId: g.id })).toMatchObject({
      ok: false,
      code: 'POINTS.GOODS_OFF',
    })
    expect((await points.ok('u-zhuoma', 'listGoods', { villageId: V })).items.map((x) => x.name)).not.toContain(
      '电饭煲',
    )
    // a household with no account at all
    expect(await points.call('u-zeren', 'redeem', { goodsId: towel.id })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
  })

  it('the same requestId makes one redemption', async () => {
    const soap = await goodsOf('香皂')
    const requestId = rid('redeem')
    const a = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id }, requestId)
    const b = await points.ok('u-zhuoma', 'redeem', { goodsId: soap.id }, requestId)
    expect(b.id).toBe(a.id)
    expect(await te.db.count(C.points_redemptions)).toBe(1)
  })
})

describe('figures, board, exports', () => {
  it('counts by category, redemptions and stock from counters; board and exports', async () => {
    await proposeAndApprove([{ householdId: ZHUOMA_HH }, { householdId: WANG_HH }])
    await proposeAndApprove([{ householdId: WANG_HH }], LITTER, [photo()])
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    const list = await points.ok('u-zhuoma', 'listGoods', { villageId: V })
    const redemption = await points.ok('u-zhuoma', 'redeem', { goodsId: list.items[0]!.id })
    await points.ok('u-chenguilan', 'fulfil', { villageId: V, code: redemption.code })
    const s = await points.ok('u-lixiuying', 'getFigures', { villageId: V, month: '2026-03' })
    expect(s).toMatchObject({
      givenTotal: 10,
      deductedTotal: 5,
      activeHouseholds: 2,
      redemptions: 1,
      fulfilled: 1,
      redeemedPoints: list.items[0]!.price,
    })
    expect(s.given).toEqual([{ category: 'sanitation', categoryLabel: '环境卫生', points: 10 }])
    expect(s.stock.length).toBeGreaterThan(3)
    expect(await points.call('u-zhuoma', 'getFigures', { villageId: V, month: '2026-03' })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })

    const board = await points.ok('u-zhuoma', 'getBoard', { villageId: V })
    expect(board.items[0]!.rank).toBe(1)
    expect(board.items.every((i) => i.headNameMasked.includes('*') || [...i.headNameMasked].length <= 1)).toBe(true)
    expect(board.items.some((i) => i.mine)).toBe(true)
    const monthBoard = await points.ok('u-zhuoma', 'getBoard', { villageId: V, month: '2026-03' })
    expect(monthBoard.items.map((i) => i.points)).toEqual([5, 5])
    expect(await points.call('u-yangjin', 'getBoard', { villageId: V })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })

    const csv = await points.ok('u-lixiuying', 'exportLedger', { villageId: V, month: '2026-03', format: 'csv' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(csv).toMatchObject({
      mime: expect.stringContaining('text/csv'),
      rows: 4,
      filename: '积分台账-旭日岭社区-2026-03.csv',
    })
    expect(text.startsWith('\ufeff时间,户编号')).toBe(true)
    expect(text).toContain('李秀英')
    expect(text).toContain('王建国')
    const xlsx = await points.ok('u-lixiuying', 'exportRedemptions', {
      villageId: V,
      month: '2026-03',
      format: 'xlsx',
    })
    expect(xlsx.rows).toBe(1)
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
    expect(await points.call('u-chenguilan', 'exportLedger', { villageId: V, month: '2026-03' })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
  })
})
