import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import type { IncidentView } from '@shared/incident/incident.schema'
import { jpegWithExif } from '../../tests/support/fixtures'

/**
 * Every seeded role × every action × an in-scope and an out-of-scope unit. `ok` means allowed; otherwise the
 * expected error code. In scope = 旭日岭社区 (513328100001) / 甘孜镇 (513328100); out of scope = 色西底村
 * (513328101201, 呷拉镇) — the same county, so a county-level role still reaches it.
 */
const USERS = [
  'u-zhuoma',
  'u-zhaxi',
  'u-zeren',
  'u-lixiuying',
  'u-wangjianguo',
  'u-zhoumin',
  'u-liuyang',
  'u-ciren',
  'u-mahongmei',
  'u-sunli',
  'u-zhangwei',
] as const
type U = (typeof USERS)[number]
const F = 'COMMON.FORBIDDEN'
const O = 'COMMON.OUT_OF_SCOPE'
const ok = 'ok'
type Row = Record<U, string>
const row = (r: Partial<Row>, rest: string): Row => Object.fromEntries(USERS.map((u) => [u, r[u] ?? rest])) as Row

const HERE = { lat: 31.6249, lng: 99.9872 }
let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(() => env.close())

const photo = (u: string) => env.rt.files.savePhoto(jpegWithExif(), u).fileId

/** A fresh incident by a resident of the grid, optionally moved to a stage by its handlers. */
async function incidentIn(
  grid: 'in' | 'out',
  stage: 'grid' | 'township' | 'dispatched' | 'reported_back' | 'resolved',
): Promise<string> {
  const reporter = grid === 'in' ? 'u-zhuoma' : 'u-yangjin'
  const v = await env.ok<IncidentView>('incident', reporter, 'report', {
    category: 'sanitation',
    severity: stage === 'grid' || stage === 'resolved' ? 'normal' : 'serious',
    description: '路边垃圾无人清运',
    photos: [photo(reporter)],
    location: HERE,
  })
  const admin = 'u-zhangwei'
  if (stage === 'resolved') await env.ok('incident', admin, 'resolve', { incidentId: v.id, note: '已清运' })
  if (stage === 'dispatched' || stage === 'reported_back') {
    await env.ok('incident', admin, 'dispatch', { incidentId: v.id, departmentId: '513328-D-ZJ', deadlineDays: 3 })
  }
  if (stage === 'reported_back') await env.ok('incident', admin, 'feedback', { incidentId: v.id, note: '已处理' })
  return v.id
}

interface Case {
  action: string
  stage: 'grid' | 'township' | 'dispatched' | 'reported_back' | 'resolved'
  data: (id: string) => Record<string, unknown>
  in: Row
  out: Row
}

const CASES: Case[] = [
  {
    action: 'accept',
    stage: 'grid',
    data: (id) => ({ incidentId: id }),
    in: row(
      { 'u-zhaxi': ok, 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-ciren': O, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
    out: row(
      { 'u-zhaxi': O, 'u-lixiuying': O, 'u-wangjianguo': O, 'u-ciren': ok, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
  },
  {
    action: 'resolve',
    stage: 'grid',
    data: (id) => ({ incidentId: id, note: '已处理' }),
    in: row(
      { 'u-zhaxi': ok, 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-ciren': O, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
    out: row(
      { 'u-zhaxi': O, 'u-lixiuying': O, 'u-wangjianguo': O, 'u-ciren': ok, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
  },
  {
    action: 'escalate',
    stage: 'grid',
    data: (id) => ({ incidentId: id, note: '需要上级' }),
    in: row(
      { 'u-zhaxi': ok, 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-ciren': O, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
    out: row(
      { 'u-zhaxi': O, 'u-lixiuying': O, 'u-wangjianguo': O, 'u-ciren': ok, 'u-mahongmei': O, 'u-zhangwei': ok },
      F,
    ),
  },
  {
    action: 'reject',
    stage: 'grid',
    data: (id) => ({ incidentId: id, note: '重复上报' }),
    in: row(
      {
        'u-zhaxi': ok,
        'u-lixiuying': ok,
        'u-wangjianguo': ok,
        'u-zhoumin': ok,
        'u-ciren': O,
        'u-mahongmei': O,
        'u-sunli': O,
        'u-zhangwei': ok,
      },
      F,
    ),
    out: row(
      {
        'u-zhaxi': O,
        'u-lixiuying': O,
        'u-wangjianguo': O,
        'u-zhoumin': O,
        'u-ciren': ok,
        'u-mahongmei': O,
        'u-sunli': O,
        'u-zhangwei': ok,
      },
      F,
    ),
  },
  {
    action: 'dispatch',
    stage: 'township',
    data: (id) => ({ incidentId: id, departmentId: '513328-D-YJ', deadlineDays: 2 }),
    in: row({ 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
    out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
  },
  {
    action: 'close',
    stage: 'reported_back',
    data: (id) => ({ incidentId: id, note: '销号' }),
    in: row({ 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
    out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
  },
  // the department is the same for both (a county unit): out of scope here means another county's handler
  {
    action: 'feedback',
    stage: 'dispatched',
    data: (id) => ({ incidentId: id, note: '已处理完毕' }),
    in: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
    out: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
  },
  // issue #22: a department's steps on its part (报到, 退回, 协办), the county level, rewards for useful reports
  {
    action: 'reportIn',
    stage: 'dispatched',
    data: (id) => ({ incidentId: id, note: '马上派人' }),
    in: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
    out: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
  },
  {
    action: 'returnTask',
    stage: 'dispatched',
    data: (id) => ({ incidentId: id, note: '不属本部门' }),
    in: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
    out: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
  },
  {
    action: 'requestAssist',
    stage: 'dispatched',
    data: (id) => ({ incidentId: id, note: '需要公安协助' }),
    in: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
    out: row({ 'u-liuyang': ok, 'u-zhangwei': ok }, F),
  },
  {
    action: 'markValid',
    stage: 'grid',
    data: (id) => ({ incidentId: id }),
    in: row(
      {
        'u-zhaxi': ok,
        'u-lixiuying': ok,
        'u-wangjianguo': ok,
        'u-zhoumin': ok,
        'u-ciren': O,
        'u-mahongmei': O,
        'u-sunli': O,
        'u-zhangwei': ok,
      },
      F,
    ),
    out: row(
      {
        'u-zhaxi': O,
        'u-lixiuying': O,
        'u-wangjianguo': O,
        'u-zhoumin': O,
        'u-ciren': ok,
        'u-mahongmei': O,
        'u-sunli': O,
        'u-zhangwei': ok,
      },
      F,
    ),
  },
  {
    action: 'escalateToCounty',
    stage: 'township',
    data: (id) => ({ incidentId: id, note: '需县里协调' }),
    in: row({ 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
    out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
  },
  {
    action: 'rateDepartment',
    stage: 'reported_back',
    data: (id) => ({ incidentId: id, score: 4 }),
    in: row({ 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
    out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
  },
  {
    action: 'listDepartments',
    stage: 'township',
    data: (id) => ({ incidentId: id }),
    in: row({ 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
    out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
  },
  {
    action: 'rate',
    stage: 'resolved',
    data: (id) => ({ incidentId: id, rating: 'basic' }),
    in: row({ 'u-zhuoma': ok }, 'INCIDENT.NOT_REPORTER'),
    out: row({}, 'INCIDENT.NOT_REPORTER'),
  },
]

describe.each(CASES)('$action', (c) => {
  it.each(USERS.map((u) => [u]))('%s in and out of scope', async (user) => {
    for (const where of ['in', 'out'] as const) {
      const id = await incidentIn(where, c.stage)
      const before = await env.rt.db.count(C.incident_events, { incidentId: id })
      const res = await env.call('incident', user, c.action, c.data(id))
      const want = c[where][user]
      expect([where, res.ok ? ok : (res as { code: string }).code]).toEqual([where, want])
      if (!res.ok) expect(await env.rt.db.count(C.incident_events, { incidentId: id })).toBe(before)
    }
  })
})

describe('unit-scoped reads and writes', () => {
  const UNIT_CASES: Array<{
    action: string
    inUnit: string
    outUnit: string
    data: (u: string) => Record<string, unknown>
    in: Row
    out: Row
  }> = [
    {
      action: 'report',
      inUnit: '513328100001-G01',
      outUnit: '513328101201-G01',
      data: (u) => ({ category: 'other', description: '这里有个问题需要处理', photos: [], location: HERE, gridId: u }),
      in: row(
        {
          'u-zhuoma': ok,
          'u-zhaxi': ok,
          'u-zeren': ok,
          'u-lixiuying': ok,
          'u-wangjianguo': ok,
          'u-ciren': O,
          'u-mahongmei': O,
          'u-zhangwei': ok,
        },
        F,
      ),
      out: row(
        {
          'u-zhuoma': O,
          'u-zhaxi': O,
          'u-zeren': O,
          'u-lixiuying': O,
          'u-wangjianguo': O,
          'u-ciren': ok,
          'u-mahongmei': O,
          'u-zhangwei': ok,
        },
        F,
      ),
    },
    {
      action: 'safeReport',
      inUnit: '513328100001-G01',
      outUnit: '513328101201-G01',
      data: (u) => ({ gridId: u }),
      in: row({ 'u-zhaxi': ok, 'u-ciren': O, 'u-mahongmei': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-zhaxi': O, 'u-ciren': ok, 'u-mahongmei': O, 'u-zhangwei': ok }, F),
    },
    {
      action: 'getSafeStatus',
      inUnit: '513328100001',
      outUnit: '513328101201',
      data: (u) => ({ unitId: u }),
      in: row({ 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
    },
    {
      action: 'getFigures',
      inUnit: '513328100001',
      outUnit: '513328101201',
      data: (u) => ({ unitId: u, period: '2026-Q1' }),
      in: row({ 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
    },
    {
      action: 'exportLedger',
      inUnit: '513328100001',
      outUnit: '513328101201',
      data: (u) => ({ unitId: u, month: '2026-03', format: 'csv' }),
      in: row({ 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
    },
    {
      action: 'listQueue',
      inUnit: '513328100001-G01',
      outUnit: '513328101201-G01',
      data: (u) => ({ view: 'all', unitId: u }),
      in: row(
        {
          'u-zhaxi': ok,
          'u-lixiuying': ok,
          'u-wangjianguo': ok,
          'u-zhoumin': ok,
          'u-ciren': O,
          'u-mahongmei': O,
          'u-sunli': O,
          'u-liuyang': O,
          'u-zhangwei': ok,
        },
        F,
      ),
      out: row(
        {
          'u-zhaxi': O,
          'u-lixiuying': O,
          'u-wangjianguo': O,
          'u-zhoumin': O,
          'u-ciren': ok,
          'u-mahongmei': O,
          'u-sunli': O,
          'u-liuyang': O,
          'u-zhangwei': ok,
        },
        F,
      ),
    },
    // categories are set per county: only a county-level dispatcher or an admin above the county
    {
      action: 'listCategories',
      inUnit: '513328',
      outUnit: '620802',
      data: (u) => ({ countyId: u }),
      in: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': O }, F),
    },
    {
      action: 'saveCategories',
      inUnit: '513328',
      outUnit: '620802',
      data: (u) => ({ countyId: u, categories: [{ key: 'other', label: '其他' }] }),
      in: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': O }, F),
    },
    // issue #22: the county's settings and appraisal, the dispute ledger, the rounds beside the safe report
    {
      action: 'getSettings',
      inUnit: '513328',
      outUnit: '620802',
      data: (u) => ({ countyId: u }),
      in: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': O }, F),
    },
    {
      action: 'saveSettings',
      inUnit: '513328',
      outUnit: '620802',
      data: (u) => ({ countyId: u, deadlines: [], appraisalWeight: 0.3, rewards: [] }),
      in: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': O }, F),
    },
    {
      action: 'getAppraisal',
      inUnit: '513328',
      outUnit: '620802',
      data: (u) => ({ countyId: u, quarter: '2026-Q1' }),
      in: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': O }, F),
    },
    {
      action: 'exportDisputes',
      inUnit: '513328100001',
      outUnit: '513328101201',
      data: (u) => ({ unitId: u, month: '2026-03', format: 'csv' }),
      in: row({ 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
    },
    {
      action: 'getRoundStatus',
      inUnit: '513328100001',
      outUnit: '513328101201',
      data: (u) => ({ unitId: u }),
      in: row({ 'u-lixiuying': ok, 'u-wangjianguo': ok, 'u-zhoumin': ok, 'u-sunli': O, 'u-zhangwei': ok }, F),
      out: row({ 'u-lixiuying': O, 'u-wangjianguo': O, 'u-zhoumin': O, 'u-sunli': O, 'u-zhangwei': ok }, F),
    },
  ]
  describe.each(UNIT_CASES)('$action', (c) => {
    it.each(USERS.map((u) => [u]))('%s', async (user) => {
      for (const where of ['in', 'out'] as const) {
        const data = c.data(where === 'in' ? c.inUnit : c.outUnit)
        if (c.action === 'report') data.photos = [photo(user)]
        const res = await env.call('incident', user, c.action, data)
        expect([where, res.ok ? ok : (res as { code: string }).code]).toEqual([where, c[where][user]])
      }
    })
  })

  it('sweepOverdue and the queue are for handlers only', async () => {
    for (const u of ['u-zhuoma', 'u-zeren', 'u-zhaxi', 'u-lixiuying', 'u-liuyang']) {
      expect(await env.call('incident', u, 'sweepOverdue', {})).toMatchObject({ ok: false, code: F })
    }
    for (const u of ['u-zhoumin', 'u-sunli', 'u-zhangwei'])
      expect((await env.call('incident', u, 'sweepOverdue', {})).ok).toBe(true)
    for (const u of ['u-zhuoma', 'u-zeren'])
      expect(await env.call('incident', u, 'listQueue', {})).toMatchObject({ ok: false, code: F })
  })
})
