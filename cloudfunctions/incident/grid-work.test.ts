import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { incidentSteps } from '../../tests/support/incident'
import { testEnv, T0, type TestEnv } from '../../tests/support/harness'
import { callsOf } from '../../tests/support/contract-calls'
import { fileIdOfUrl } from '../../tests/support/files'
import { incidentContract } from '@shared/incident/incident.contract'
import { pointsContract } from '@shared/points/points.contract'
import type { IncidentCounter } from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import { counterOf } from './incident.repo'
import { sweepTimer } from './incident.sweep'

/**
 * Grid work as the source documents describe it (issue #22): 街道吹哨、部门报到 with several departments and
 * 一哨一考核, two-way hand-over, the county level, county-set deadlines with 进度预警, mediation records and the
 * dispute ledger, daily rounds, rewards for useful reports, and "my grid worker". Real handlers, real store.
 */
const G01 = '513328100001-G01'
const ZJ = '513328-D-ZJ'
const GA = '513328-D-GA'
const YJ = '513328-D-YJ'
const HOUR = 3_600_000
const DAY = 24 * HOUR

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
const points = callsOf(() => env, pointsContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())
const { report } = incidentSteps(() => env)

/** A unit's figures of a month, as the figures pages read them (a unit below a county is kept in its county's month). */
async function counters(unitId: string, month = '2026-03'): Promise<Partial<IncidentCounter>> {
  return counterOf(env.rt, unitId, month)
}
/** A serious hazard goes straight to 甘孜镇's centre. */
const atTownship = async () => (await report('u-zhuoma', { category: 'hazard', severity: 'serious' })).id

async function whistleTwo(id: string) {
  return ok('u-zhoumin', 'dispatch', {
    incidentId: id,
    departments: [
      { departmentId: ZJ, task: '查看危房，设置警示', deadlineDays: 3 },
      { departmentId: GA, task: '维持现场秩序', deadlineDays: 2 },
    ],
    note: '两个部门一起处理',
  })
}

describe('街道吹哨、部门报到 with several departments', () => {
  it('whistles two departments at once; one hands it back, the other reports in and back; then it is ready to close', async () => {
    const id = await atTownship()
    expect(await whistleTwo(id)).toMatchObject({ status: 'dispatched', level: 'department' })
    let v = await ok('u-zhoumin', 'get', { incidentId: id })
    expect(v.tasks.map((t) => [t.department.id, t.status, t.task])).toEqual([
      [ZJ, 'assigned', '查看危房，设置警示'],
      [GA, 'assigned', '维持现场秩序'],
    ])
    expect(v.tasks.map((t) => t.deadline)).toEqual([T0 + 3 * DAY, T0 + 2 * DAY])
    // each department sees its own part in its queue, and is told
    expect((await ok('u-liuyang', 'listQueue', { view: 'todo' })).items.map((i) => i.id)).toEqual([id])
    expect((await ok('u-lamu', 'listQueue', { view: 'todo' })).items.map((i) => i.id)).toEqual([id])
    expect((await ok('u-lamu', 'myInbox', {})).items[0]!.title).toBe('新的派单')
    // the police station: not ours, with a reason (双向流转)
    expect(await ok('u-lamu', 'returnTask', { incidentId: id, note: '现场无治安问题，不属本部门' })).toMatchObject({
      status: 'dispatched',
    })
    expect((await ok('u-lamu', 'listQueue', { view: 'todo' })).items).toHaveLength(0)
    // the housing bureau reports in (报到) an hour later, then back
    env.clock.advance(HOUR)
    await ok('u-liuyang', 'reportIn', { incidentId: id, note: '马上派人' })
    v = await ok('u-liuyang', 'get', { incidentId: id })
    expect(v.tasks.find((t) => t.department.id === ZJ)).toMatchObject({ status: 'accepted', acceptedAt: T0 + HOUR })
    // a department cannot act on the other's part, nor report in twice
    expect(await call('u-liuyang', 'returnTask', { incidentId: id, departmentId: GA, note: '代退回' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    expect(await call('u-liuyang', 'reportIn', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.INVALID_TRANSITION',
    })
    // the centre cannot close while a department holds a part, and is told which one
    expect(await call('u-zhoumin', 'close', { incidentId: id, note: '先销号' })).toMatchObject({
      ok: false,
      code: 'INCIDENT.PARTS_OPEN',
      message: '还有部门未反馈：甘孜县住房和城乡建设局',
    })
    expect(await ok('u-liuyang', 'feedback', { incidentId: id, note: '危房已设警示并通知住户搬离' })).toMatchObject({
      status: 'reported_back',
      level: 'township',
    })
    v = await ok('u-zhoumin', 'get', { incidentId: id })
    expect(v.actions).toEqual(expect.arrayContaining(['close', 'rateDepartment']))
    expect(v.tasks.map((t) => [t.status, t.onTime])).toEqual([
      ['reported_back', true],
      ['returned', true],
    ])
    // the timeline shows each hand-over
    expect(v.timeline.map((e) => e.action)).toEqual(['report', 'dispatch', 'task_return', 'report_in', 'feedback'])
    expect(v.timeline[2]!.note).toContain('不属本部门')
    // 一哨一考核: the township rates the department that reported back, once; the one that handed it back is not rated
    expect(await call('u-zhoumin', 'rateDepartment', { incidentId: id, departmentId: GA, score: 2 })).toMatchObject({
      ok: false,
      code: 'INCIDENT.NOT_REPORTED_BACK',
    })
    await ok('u-zhoumin', 'rateDepartment', { incidentId: id, score: 4, comment: '响应及时' })
    expect(await call('u-zhoumin', 'rateDepartment', { incidentId: id, score: 5 })).toMatchObject({
      ok: false,
      code: 'INCIDENT.ALREADY_RATED',
    })
    await ok('u-zhoumin', 'close', { incidentId: id, note: '核实已处理，销号' })
    // counters from the work: dispatched, 报到 and its hours, on time, handed back, rated
    expect(await counters(ZJ)).toMatchObject({
      dispatched: 1,
      deptAccepted: 1,
      deptAcceptHoursSum: 1,
      reportedBack: 1,
      reportedBackOnTime: 1,
      deptRatingCount: 1,
      deptRatingSum: 4,
    })
    const ga = await counters(GA)
    expect([ga.dispatched, ga.deptReturned, ga.reportedBack ?? 0]).toEqual([1, 1, 0])
  })

  it('the quarterly appraisal table ranks the departments from their parts, with the county weight, as XLSX', async () => {
    const id = await atTownship()
    await whistleTwo(id)
    await ok('u-lamu', 'returnTask', { incidentId: id, note: '不属本部门' })
    env.clock.advance(2 * HOUR)
    await ok('u-liuyang', 'reportIn', { incidentId: id })
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理完毕' })
    await ok('u-zhoumin', 'rateDepartment', { incidentId: id, score: 4 })
    const t = await ok('u-luobu', 'getAppraisal', { countyId: '513328', quarter: '2026-Q1' })
    expect(t.weight).toBe(0.3)
    const zj = t.rows.find((r) => r.department.id === ZJ)!
    expect(zj).toMatchObject({
      rank: 1,
      cases: 1,
      accepted: 1,
      avgResponseHours: 2,
      reportedBack: 1,
      onTimeRate: 1,
      avgScore: 4,
      score: 90,
      weighted: 27,
    })
    expect(t.rows.find((r) => r.department.id === GA)).toMatchObject({ cases: 1, returned: 1, score: null })
    // a township dispatcher sees only... the county's table is the county's
    expect(await call('u-zhoumin', 'getAppraisal', { countyId: '513328', quarter: '2026-Q1' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    expect(await call('u-luobu', 'getAppraisal', { countyId: '513328', quarter: '2026-03' })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
    })
    const file = await ok('u-luobu', 'exportAppraisal', { countyId: '513328', quarter: '2026-Q1' })
    expect(file.fileName).toBe('甘孜县-一哨一考核-2026-Q1.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(join(env.rt.files.dir, fileIdOfUrl(file.url))) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).getCell(11).value).toBe('计入部门考核（权重 30%）')
    const row = [2, 3].map((n) => ws.getRow(n)).find((r) => String(r.getCell(2).value).includes('住房'))!
    expect([row.getCell(3).value, row.getCell(7).value, row.getCell(10).value, row.getCell(11).value]).toEqual([
      '1',
      '100%',
      '90',
      '27',
    ])
    // headed in the reader's language
    const bo = await ok(
      'u-luobu',
      'exportAppraisal',
      { countyId: '513328', quarter: '2026-Q1', format: 'csv' },
      undefined,
      {
        lang: 'bo',
      },
    )
    expect(bo.preview[0]![1]).toBe('ལས་ཁུངས་སྡེ་ཚན།')
  })

  it('every department hands it back: returned to the centre, which whistles another; 协办 adds a department', async () => {
    const id = await atTownship()
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departments: [{ departmentId: GA, task: '查看' }] })
    expect(await ok('u-lamu', 'returnTask', { incidentId: id, note: '属住建局' })).toMatchObject({
      status: 'returned',
      level: 'township',
    })
    expect((await ok('u-zhoumin', 'myInbox', {})).items[0]!.title).toBe('部门退回，请重新派单')
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departments: [{ departmentId: ZJ, task: '危房处置' }] })
    await ok('u-liuyang', 'requestAssist', { incidentId: id, note: '需要应急局派人协助疏散' })
    expect((await ok('u-zhoumin', 'myInbox', {})).items[0]!.title).toBe('部门请求协办，请派单')
    // the page offers the centre 定责派单 and the departments to choose from; the department holding it neither
    expect((await ok('u-zhoumin', 'get', { incidentId: id })).actions).toContain('dispatch')
    expect((await ok('u-zhoumin', 'listDepartments', { incidentId: id })).items.map((d) => d.id)).toContain(YJ)
    expect((await ok('u-liuyang', 'get', { incidentId: id })).actions).not.toContain('dispatch')
    expect(await call('u-liuyang', 'listDepartments', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    // the centre adds the helper while the case stays with the departments; the same department twice is refused
    expect(
      await call('u-zhoumin', 'dispatch', { incidentId: id, departments: [{ departmentId: ZJ, task: '再派' }] }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.DEPT_HOLDS' })
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departments: [{ departmentId: YJ, task: '协助疏散' }] })
    const v = await ok('u-zhoumin', 'get', { incidentId: id })
    expect(v.tasks.map((t) => [t.department.id, t.kind, t.status])).toEqual([
      [GA, 'lead', 'returned'],
      [ZJ, 'lead', 'assigned'],
      [YJ, 'assist', 'assigned'],
    ])
    expect(v.tasks[1]!.assistAsked).toBe('需要应急局派人协助疏散')
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处置' })
    expect((await ok('u-zhoumin', 'get', { incidentId: id })).status).toBe('dispatched')
    // the county's emergency bureau has no handler of its own in the demo: the system admin acts for it
    expect(await ok('u-zhangwei', 'feedback', { incidentId: id, departmentId: YJ, note: '已疏散' })).toMatchObject({
      status: 'reported_back',
    })
    // two departments reported back: the rating names which
    expect(await call('u-zhoumin', 'rateDepartment', { incidentId: id, score: 5 })).toMatchObject({
      ok: false,
      code: 'INCIDENT.WHICH_DEPARTMENT',
    })
    await ok('u-zhoumin', 'rateDepartment', { incidentId: id, departmentId: YJ, score: 5 })
  })

  it('bad input changes nothing: no department, the same one twice, a department of another county', async () => {
    const id = await atTownship()
    const before = await env.rt.db.count(C.incident_events, { incidentId: id })
    for (const [data, code] of [
      [{ incidentId: id, departments: [] }, 'COMMON.BAD_INPUT'],
      [{ incidentId: id, departments: [{ departmentId: ZJ }, { departmentId: ZJ }] }, 'COMMON.BAD_INPUT'],
      [{ incidentId: id, departments: [{ departmentId: '620802-D-CG' }] }, 'INCIDENT.NOT_A_DEPARTMENT'],
    ] as const)
      expect(await call('u-zhoumin', 'dispatch', data)).toMatchObject({ ok: false, code })
    expect(await env.rt.db.count(C.incident_events, { incidentId: id })).toBe(before)
    expect(await env.rt.db.count(C.incident_tasks, {})).toBe(0)
  })
})

describe('依责销号 while departments still hold parts', () => {
  it("names the departments that have not reported back, in the reader's language, and changes nothing", async () => {
    const id = await atTownship()
    await whistleTwo(id)
    const before = await env.rt.db.get(C.incidents, id)
    const events = await env.rt.db.count(C.incident_events, { incidentId: id })
    expect(await call('u-zhoumin', 'close', { incidentId: id, note: '先销号' })).toMatchObject({
      ok: false,
      code: 'INCIDENT.PARTS_OPEN',
      message: '还有部门未反馈：甘孜县住房和城乡建设局、甘孜县公安局甘孜镇派出所',
    })
    const bo = await call('u-zhoumin', 'close', { incidentId: id, note: '先销号' }, 'close-bo-1', { lang: 'bo' })
    expect(bo).toMatchObject({ ok: false, code: 'INCIDENT.PARTS_OPEN' })
    expect(!bo.ok && bo.message).toContain('ད་དུང་ལན་མ་བཏབ་པའི་ལས་ཁུངས་སྡེ་ཚན།')
    expect(!bo.ok && bo.message).toContain('甘孜县公安局甘孜镇派出所')
    // one reported back: only the other is named
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '危房已处理' })
    expect(await call('u-zhoumin', 'close', { incidentId: id, note: '先销号' })).toMatchObject({
      message: '还有部门未反馈：甘孜县公安局甘孜镇派出所',
    })
    expect(await env.rt.db.count(C.incident_events, { incidentId: id })).toBe(events + 1)
    expect((await env.rt.db.get(C.incidents, id))!.status).toBe(before!.status)
    // someone outside the centre that whistled is refused on permission, and learns nothing of the departments
    const refused = await call('u-zhaxi', 'close', { incidentId: id, note: '销号' })
    expect(refused).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(!refused.ok && refused.message).not.toContain('派出所')
  })

  it('a page opened before another department was whistled: the close names it, and the case stays with it', async () => {
    const id = await atTownship()
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: ZJ, deadlineDays: 2 })
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理' })
    // ready to close; meanwhile the centre whistles the police station too
    expect((await ok('u-zhoumin', 'get', { incidentId: id })).actions).toContain('close')
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: GA, task: '再看看治安', deadlineDays: 1 })
    expect(await call('u-zhoumin', 'close', { incidentId: id, note: '销号' }, 'close-stale-page')).toMatchObject({
      ok: false,
      code: 'INCIDENT.PARTS_OPEN',
      message: '还有部门未反馈：甘孜县公安局甘孜镇派出所',
    })
    expect((await env.rt.db.get(C.incidents, id))!).toMatchObject({ status: 'dispatched', handlerUnitId: GA })
    expect((await counters('513328100')).closed ?? 0).toBe(0)
    // once it reports back, the same centre closes
    await ok('u-lamu', 'feedback', { incidentId: id, note: '无治安问题' })
    expect(await ok('u-zhoumin', 'close', { incidentId: id, note: '销号' })).toMatchObject({ status: 'resolved' })
  })
})

describe('大事全网联动: the county level', () => {
  it("a township passes a case to the county's 综治中心, which whistles a county department and closes it", async () => {
    const id = await atTownship()
    expect(await call('u-zhaxi', 'escalateToCounty', { incidentId: id, note: '乡镇解决不了' })).toMatchObject({
      ok: false,
    })
    expect(
      await ok('u-zhoumin', 'escalateToCounty', { incidentId: id, note: '涉及多个乡镇，需县里协调' }),
    ).toMatchObject({
      status: 'escalated',
      level: 'county',
    })
    expect((await ok('u-luobu', 'listQueue', { view: 'todo' })).items.map((i) => i.id)).toEqual([id])
    expect((await ok('u-luobu', 'get', { incidentId: id })).actions).toEqual(
      expect.arrayContaining(['dispatch', 'close', 'reject']),
    )
    // the township no longer dispatches it
    expect(await call('u-zhoumin', 'dispatch', { incidentId: id, departmentId: ZJ, deadlineDays: 2 })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    await ok('u-luobu', 'dispatch', { incidentId: id, departmentId: ZJ, deadlineDays: 2 })
    expect(await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理' })).toMatchObject({
      status: 'reported_back',
      level: 'county',
    })
    await ok('u-luobu', 'rateDepartment', { incidentId: id, score: 5 })
    await ok('u-luobu', 'close', { incidentId: id, note: '县综治中心销号' })
    expect((await counters('513328')).countyEscalated).toBe(1)
    expect((await counters('513328100')).countyEscalated).toBe(1)
  })

  it('the county, township and village figures and rankings count what went up to the county, and the ledger says so', async () => {
    const id = await atTownship()
    // the township whistles first; the department hands it back; the township passes it up
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: GA, deadlineDays: 1 })
    await ok('u-lamu', 'returnTask', { incidentId: id, note: '不属本部门' })
    await ok('u-zhoumin', 'escalateToCounty', { incidentId: id, note: '涉及多个乡镇，需县里协调' })
    // the county's 综治中心 whistles, the department hands it back, it whistles again (one case, counted once)
    await ok('u-luobu', 'dispatch', { incidentId: id, departmentId: GA, deadlineDays: 2 })
    await ok('u-lamu', 'returnTask', { incidentId: id, note: '还是不属本部门' })
    await ok('u-luobu', 'dispatch', { incidentId: id, departmentId: ZJ, deadlineDays: 2 })
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理' })
    await ok('u-luobu', 'close', { incidentId: id, note: '县综治中心销号' })
    // and one the township solves itself, for contrast
    const local = await atTownship()
    await ok('u-zhoumin', 'close', { incidentId: local, note: '乡镇处理完毕' })
    const county = { countyEscalated: 1, countyDispatched: 1, countyClosed: 1 }
    const c = await ok('u-luobu', 'getFigures', { unitId: '513328', period: '2026-03' })
    expect(c.figures).toMatchObject(county)
    // in the county's ranking the township's row carries what it passed up
    expect(c.children.find((r) => r.unit.id === '513328100')!.figures).toMatchObject(county)
    const t = await ok('u-zhoumin', 'getFigures', { unitId: '513328100', period: '2026-Q1' })
    expect(t.figures).toMatchObject(county)
    expect(t.children.find((r) => r.unit.id === '513328100001')!.figures).toMatchObject(county)
    const v = await ok('u-lixiuying', 'getFigures', { unitId: '513328100001', period: '2026-03' })
    expect(v.figures).toMatchObject(county)
    // the departments are ranked on their own parts: two handed back, one reported back
    expect((await counters(GA)).deptReturned).toBe(2)
    expect((await counters(ZJ)).reportedBack).toBe(1)
    // the ledger says where each was handled
    const file = await ok('u-zhoumin', 'exportLedger', { unitId: '513328100', month: '2026-03', format: 'csv' })
    const text = readFileSync(join(env.rt.files.dir, fileIdOfUrl(file.url))).toString('utf8')
    const row = (incidentId: string) => text.split('\n').find((l) => l.includes(incidentId.slice(-4).toUpperCase()))!
    expect(row(id).trim().endsWith('县综治中心')).toBe(true)
    expect(row(local).trim().endsWith('乡镇综治中心')).toBe(true)
  })

  it("a case past its deadline at the county is told to the county's 综治中心, not the township's", async () => {
    const id = await atTownship()
    await ok('u-zhoumin', 'escalateToCounty', { incidentId: id, note: '需县里协调' })
    env.clock.advance(3 * DAY)
    expect((await ok('u-luobu', 'sweepOverdue', {})).flagged).toBeGreaterThanOrEqual(1)
    const told = async (u: string) =>
      (await ok(u, 'myInbox', { pageSize: 50 })).items.filter((i) => i.incidentId === id).map((i) => i.title)
    expect(await told('u-luobu')).toContain('事件已超期')
    expect(await told('u-zhoumin')).not.toContain('事件已超期')
  })
})

describe('deadlines the county sets, and 进度预警', () => {
  it('a county sets accept/handle deadlines per category × severity; new reports follow them; the weight is bounded', async () => {
    const s = await ok('u-luobu', 'getSettings', { countyId: '513328' })
    expect(s.deadlines.find((d) => d.category === 'sanitation' && d.severity === 'normal')).toEqual({
      category: 'sanitation',
      severity: 'normal',
      acceptHours: 24,
      resolveDays: 7,
    })
    await ok('u-luobu', 'saveSettings', {
      countyId: '513328',
      deadlines: [{ category: 'sanitation', severity: 'normal', acceptHours: 12, resolveDays: 3 }],
      appraisalWeight: 0.4,
      rewards: [{ category: 'hazard', points: 5 }],
    })
    const v = await report()
    expect(v.dueAt).toBe(T0 + 12 * HOUR)
    const saved = await ok('u-luobu', 'getSettings', { countyId: '513328' })
    expect(saved).toMatchObject({ appraisalWeight: 0.4, version: 1, updatedByName: '罗布' })
    expect(saved.rewards.find((r) => r.category === 'hazard')!.points).toBe(5)
    for (const bad of [
      { appraisalWeight: 0.2 },
      {
        appraisalWeight: 0.4,
        deadlines: [{ category: 'sanitation', severity: 'normal', acceptHours: 0, resolveDays: 3 }],
      },
      { appraisalWeight: 0.4, rewards: [{ category: 'nothing', points: 5 }] },
    ]) {
      const res = await call('u-luobu', 'saveSettings', { countyId: '513328', deadlines: [], rewards: [], ...bad })
      expect(res.ok).toBe(false)
    }
    expect((await ok('u-luobu', 'getSettings', { countyId: '513328' })).version).toBe(1)
    // the change is in the audit log, once, with what it was before (the refused saves wrote nothing)
    const logged = await env.rt.db.find(C.audit_log, { where: { what: 'incident.settings' }, limit: 10 })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({ unitId: '513328', before: null })
    expect((logged[0]!.after as { appraisalWeight: number }).appraisalWeight).toBe(0.4)
    // a township dispatcher and a grid worker may not set the county's deadlines
    expect((await call('u-zhaxi', 'getSettings', { countyId: '513328' })).ok).toBe(false)
  })

  it('at 75 % of a stage the handler is warned, once per stage; a dispatched case warns the departments and the centre', async () => {
    const { id } = await report()
    // accept within 24 h: warned after 18 h
    env.clock.advance(17 * HOUR)
    expect((await ok('u-zhoumin', 'sweepOverdue', {})).warned).toBe(0)
    env.clock.advance(HOUR + 1)
    expect((await ok('u-zhoumin', 'sweepOverdue', {})).warned).toBe(1)
    expect((await ok('u-zhoumin', 'sweepOverdue', {})).warned).toBe(0)
    expect((await ok('u-zhaxi', 'myInbox', {})).items[0]!.title).toBe('进度预警：时限快到了')
    const v = await ok('u-zhaxi', 'get', { incidentId: id })
    expect(v.timeline.filter((e) => e.action === 'warning')).toHaveLength(1)
    expect((await counters(G01)).warned).toBe(1)
    // a new stage is warned again
    const serious = await atTownship()
    await ok('u-zhoumin', 'dispatch', { incidentId: serious, departmentId: ZJ, deadlineDays: 4 })
    env.clock.advance(3 * DAY + HOUR)
    expect((await ok('u-zhoumin', 'sweepOverdue', {})).warned).toBeGreaterThanOrEqual(1)
    expect((await ok('u-liuyang', 'myInbox', {})).items[0]!.title).toBe('进度预警：时限快到了')
    expect((await ok('u-zhoumin', 'myInbox', {})).items.map((i) => i.title)).toContain('进度预警：时限快到了')
    const after = await env.rt.db.get(C.incidents, serious)
    expect(after!.warnAt).toBeNull()
  })
})

describe('进度预警 of each department part', () => {
  const WARNING = '进度预警：时限快到了'
  it("warns each department at 75 % of its own part's time, with the centre, once per part across runs and retries", async () => {
    const id = await atTownship()
    // 住建局 3 days (warned after 54 h), 派出所 2 days (warned after 36 h)
    await whistleTwo(id)
    const warnings = async (u: string) =>
      (await ok(u, 'myInbox', { pageSize: 50 })).items.filter((i) => i.incidentId === id && i.title === WARNING)
    const onTimeline = async () =>
      (await env.rt.db.find(C.incident_events, { where: { incidentId: id }, limit: 100 })).filter(
        (e) => e.action === 'warning',
      )
    // the case itself is not warned by its earliest part: each part is, by its own deadline
    expect((await env.rt.db.get(C.incidents, id))!.warnAt).toBeNull()
    env.clock.advance(36 * HOUR - 1)
    await ok('u-zhoumin', 'sweepOverdue', {})
    expect(await onTimeline()).toHaveLength(0)
    env.clock.advance(2)
    await ok('u-zhoumin', 'sweepOverdue', {})
    // the timer and a retry at the same moment, and the next run: nothing more
    await Promise.all([sweepTimer.run(env.rt, env.clock.now()), sweepTimer.run(env.rt, env.clock.now())])
    await ok('u-zhoumin', 'sweepOverdue', {})
    expect(await onTimeline()).toHaveLength(1)
    expect((await onTimeline())[0]!.systemNote).toMatchObject({
      key: 'incident.note.part_warning',
      params: { dept: '甘孜县公安局甘孜镇派出所' },
    })
    const lamu = await warnings('u-lamu')
    expect(lamu).toHaveLength(1)
    expect(lamu[0]!.body).toContain('甘孜县公安局甘孜镇派出所的时限')
    expect(await warnings('u-zhoumin')).toHaveLength(1)
    expect(await warnings('u-liuyang')).toHaveLength(0)
    expect((await counters(GA)).warned).toBe(1)
    // the housing bureau reports in (its part still open) and is warned of its own part at 54 h
    await ok('u-liuyang', 'reportIn', { incidentId: id, note: '已派人' })
    env.clock.advance(18 * HOUR - 2)
    await ok('u-zhoumin', 'sweepOverdue', {})
    expect(await warnings('u-liuyang')).toHaveLength(0)
    env.clock.advance(2)
    await sweepTimer.run(env.rt, env.clock.now())
    await sweepTimer.run(env.rt, env.clock.now())
    expect(await warnings('u-liuyang')).toHaveLength(1)
    expect((await warnings('u-liuyang'))[0]!.body).toContain('甘孜县住房和城乡建设局的时限')
    expect(await warnings('u-lamu')).toHaveLength(1)
    expect(await warnings('u-zhoumin')).toHaveLength(2)
    expect(await onTimeline()).toHaveLength(2)
    const parts = (await env.rt.db.get(C.incidents, id))!.tasks!
    expect(parts.map((t) => t.warnedAt)).toEqual([T0 + 54 * HOUR + 1, T0 + 36 * HOUR + 1])
  })

  it('a part done before its 75 % is never warned; the other still is', async () => {
    const id = await atTownship()
    await whistleTwo(id)
    await ok('u-lamu', 'returnTask', { incidentId: id, note: '不属本部门' })
    // past the police station's 75 % (36 h) and the housing bureau's (54 h), before its deadline
    env.clock.advance(2 * DAY + 7 * HOUR)
    await sweepTimer.run(env.rt, env.clock.now())
    const told = (await ok('u-lamu', 'myInbox', { pageSize: 50 })).items.filter(
      (i) => i.incidentId === id && i.title === WARNING,
    )
    expect(told).toHaveLength(0)
    expect(
      (await ok('u-liuyang', 'myInbox', { pageSize: 50 })).items.filter(
        (i) => i.incidentId === id && i.title === WARNING,
      ),
    ).toHaveLength(1)
    // reported back in time, nothing is left to warn of
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理' })
    expect(await env.rt.db.count(C.incident_tasks, { incidentId: id, warnAt: { $ne: null } })).toBe(0)
  })
})

describe('daily rounds (一日两巡、五访五问)', () => {
  it('a grid worker does a morning round with two visits and files a report from one in one tap', async () => {
    const r = await ok('u-zhaxi', 'startRound', { gridId: G01 })
    expect(r).toMatchObject({ slot: 'morning', slotLabel: '上午巡查', finishedAt: null })
    expect(r.households.length).toBeGreaterThanOrEqual(2)
    const [a, b] = r.households
    await ok('u-zhaxi', 'visitHousehold', { roundId: r.id, householdId: a!.id, note: '老人身体好，家里安全' })
    const two = await ok('u-zhaxi', 'visitHousehold', { roundId: r.id, householdId: b!.id, note: '楼道电线老化裸露' })
    expect(two.visits).toHaveLength(2)
    const inc = await ok('u-zhaxi', 'reportFromVisit', { roundId: r.id, visit: 1, category: 'hazard' })
    expect(inc).toMatchObject({ description: '楼道电线老化裸露', status: 'submitted', categoryLabel: '安全隐患' })
    expect(await call('u-zhaxi', 'reportFromVisit', { roundId: r.id, visit: 1, category: 'hazard' })).toMatchObject({
      ok: false,
      code: 'INCIDENT.VISIT_REPORTED',
    })
    const done = await ok('u-zhaxi', 'finishRound', { roundId: r.id })
    expect(done.visits[1]!.incidentId).toBe(inc.id)
    expect(done.finishedAt).toBe(T0)
    expect(await call('u-zhaxi', 'finishRound', { roundId: r.id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.ROUND_FINISHED',
    })
    // the village and township see rounds done / due per grid beside the safe report, counts only
    const status = await ok('u-lixiuying', 'getRoundStatus', { unitId: '513328100001' })
    expect(status.grids.find((g) => g.grid.id === G01)).toMatchObject({ done: 1, due: 2, visits: 2, safe: true })
    expect((await counters(G01)).roundsDone).toBe(1)
    expect((await counters('513328100')).roundVisits).toBe(2)
    // the visit notes are the grid's handlers': a resident of the grid, a village official, another grid worker may not read them
    for (const u of ['u-zhuoma', 'u-lixiuying', 'u-ciren'])
      expect((await call(u, 'myRounds', { gridId: G01 })).ok).toBe(false)
    expect((await ok('u-zhaxi', 'myRounds', {})).grids[0]!.rounds[0]!.visits).toHaveLength(2)
    // and in the monthly ledger, a sheet of its own: the day, the grid, rounds done, households visited, safe report
    const file = await ok('u-lixiuying', 'exportLedger', { unitId: '513328100001', month: '2026-03' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(join(env.rt.files.dir, fileIdOfUrl(file.url))) as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('巡查 2026-03')!
    expect(sheet.getRow(1).values).toEqual([undefined, '日期', '网格', '完成巡查（次）', '走访户数', '报平安'])
    expect([2, 3, 4].map((n) => sheet.getRow(n).getCell(3).value)).toContain('1')
    // the afternoon is a round of its own
    env.clock.advance(5 * HOUR)
    expect((await ok('u-zhaxi', 'startRound', { gridId: G01 })).slot).toBe('afternoon')
  })

  it('a household of another grid, and a visit on a finished round, are refused and change nothing', async () => {
    const r = await ok('u-zhaxi', 'startRound', { gridId: G01 })
    expect(
      await call('u-zhaxi', 'visitHousehold', { roundId: r.id, householdId: 'hh-513328101201-G01-01', note: '走访' }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.NO_HOUSEHOLD' })
    await ok('u-zhaxi', 'finishRound', { roundId: r.id })
    expect(
      await call('u-zhaxi', 'visitHousehold', { roundId: r.id, householdId: r.households[0]!.id, note: '走访' }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.ROUND_FINISHED' })
    expect((await env.rt.db.get(C.grid_rounds, r.id))!.visits).toHaveLength(0)
  })
})

describe('价值信息以奖代补', () => {
  it("credits the county's reward to the reporter's household once, with the report as the entry's source", async () => {
    await ok('u-zhangwei', 'saveSettings', {
      countyId: '513328',
      deadlines: [],
      appraisalWeight: 0.3,
      rewards: [{ category: 'sanitation', points: 5 }],
    })
    const { id } = await report()
    const before = (await env.rt.db.get(C.points_accounts, 'hh-513328100001-G01-01'))?.balance ?? 0
    expect(await ok('u-zhaxi', 'markValid', { incidentId: id }, 'mark-valid-once')).toMatchObject({
      points: 5,
      credited: true,
    })
    expect(await call('u-zhaxi', 'markValid', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.ALREADY_VALID',
    })
    const account = await env.rt.db.get(C.points_accounts, 'hh-513328100001-G01-01')
    expect(account!.balance).toBe(before + 5)
    const entries = await env.rt.db.find(C.points_ledger, { where: { householdId: 'hh-513328100001-G01-01' } })
    const entry = entries.find((e) => e.sourceId === `incident:${id}`)!
    expect(entry).toMatchObject({ delta: 5, kind: 'system', approvedBy: 'u-zhaxi', memberUserId: 'u-zhuoma' })
    expect((await ok('u-zhuoma', 'myInbox', {})).items[0]!.title).toBe('您的上报有用，已得积分')
    expect((await ok('u-zhuoma', 'get', { incidentId: id })).rewardPoints).toBe(5)
    expect((await counters(G01)).validReports).toBe(1)
    // in the village's publicity like any other points, naming the report, already credited, once
    const code = (await ok('u-zhuoma', 'get', { incidentId: id })).code
    const village = { villageId: '513328100001', month: '2026-03' }
    const listed = (await points.ok('u-wangdeming', 'listPublicity', village)).items.filter((a) =>
      a.source?.includes(code),
    )
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({
      ruleName: '价值信息以奖代补',
      delta: 5,
      status: 'credited',
      canObject: false,
      source: `来源：上报 ${code}（经网格员认定有价值）`,
    })
    const bo = await points.ok('u-zhuoma', 'listPublicity', village, undefined, { lang: 'bo' })
    expect(bo.items.find((a) => a.id === listed[0]!.id)!.source).toContain(`སྙན་ཞུ། ${code}`)
    // the household's history names it the same way, and the village's ledger file traces it to the report
    const mine = await points.ok('u-zhuoma', 'myPoints', {})
    expect(mine.history.items.find((e) => e.delta === 5 && e.reason.includes(code))).toMatchObject({
      ruleName: '价值信息以奖代补',
    })
    const ledger = await points.ok('u-lixiuying', 'exportLedger', { ...village, format: 'csv' })
    const line = Buffer.from(ledger.base64, 'base64')
      .toString('utf8')
      .split('\n')
      .find((l) => l.includes(`incident:${id}`))!
    expect(line).toContain('价值信息以奖代补')
    expect(line).toContain(code)
    // credited once: a replay of the same request writes no second line anywhere
    expect(await ok('u-zhaxi', 'markValid', { incidentId: id }, 'mark-valid-once')).toMatchObject({ points: 5 })
    expect(
      (await env.rt.db.find(C.points_awards, { where: { householdId: 'hh-513328100001-G01-01' } })).filter(
        (a) => a.source?.incidentId === id,
      ),
    ).toHaveLength(1)
    // a resident may not mark reports useful
    const other = await report()
    expect(await call('u-wangdeming', 'markValid', { incidentId: other.id })).toMatchObject({ ok: false })
  })
})

describe('my grid worker', () => {
  it("a resident sees their grid's worker with a masked phone and the number to call", async () => {
    const me = await ok('u-zhuoma', 'myGridWorker', {})
    expect(me.grid!.id).toBe(G01)
    expect(me.workers).toEqual([
      { name: '扎西', phone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/), dial: expect.stringMatching(/^1\d{10}$/) },
    ])
    // someone with no residence gets none
    expect(await ok('u-zhoumin', 'myGridWorker', {})).toEqual({ grid: null, workers: [] })
  })
})

describe('mediation records and the dispute ledger', () => {
  it('keeps each session with body and mediator; the agreement on success; the ledger masks the parties', async () => {
    const { id } = await report('u-zhuoma', {
      category: 'dispute',
      description: '两家草场边界有争议',
      parties: [{ name: '王德明', note: '东边' }, { name: '卓玛' }],
    })
    await ok('u-zhaxi', 'mediate', {
      incidentId: id,
      outcome: 'failed',
      note: '第一次调解，双方各执一词',
      kind: 'grassland',
      body: 'committee',
      mediatorName: '才旺',
    })
    await ok('u-zhaxi', 'mediate', {
      incidentId: id,
      outcome: 'success',
      note: '第二次调解，划定界桩',
      body: 'legal_person',
      // the mediator records the parties as they sat at the table (the report named two of them)
      parties: [{ name: '王德明', note: '东边' }, { name: '卓玛' }, { name: '次仁多吉', note: '村民小组长' }],
      agreement: '以河沟为界，各自放牧',
    })
    const v = await ok('u-zhaxi', 'get', { incidentId: id })
    expect(v.dispute).toMatchObject({ kind: 'grassland', agreement: '以河沟为界，各自放牧', outcome: 'success' })
    expect(v.dispute!.parties.map((p) => p.name)).toEqual(['王德明', '卓玛', '次仁多吉'])
    expect(v.dispute!.mediations.map((m) => [m.body, m.mediatorName])).toEqual([
      ['committee', '才旺'],
      ['legal_person', '扎西'],
    ])
    expect(await call('u-zhaxi', 'mediate', { incidentId: id, outcome: 'transferred', note: '转' })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
    })
    const file = await ok('u-lixiuying', 'exportDisputes', { unitId: '513328100001', month: '2026-03', format: 'csv' })
    expect(file.rows).toBe(1)
    const [head, row] = file.preview
    expect(head).toContain('纠纷类型')
    expect(row).toEqual(expect.arrayContaining(['草场边界', '法律明白人', '2', '以河沟为界，各自放牧', '调解成功']))
    expect(row!.join(' ')).not.toContain('王德明')
    expect(row).toContain('王*明、卓*、次**吉')
  })
})
