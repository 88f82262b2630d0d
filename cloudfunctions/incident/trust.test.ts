import { fileIdOfUrl } from '../../tests/support/files'
import { incidentContract } from '@shared/incident/incident.contract'
import { cellBounds, geohash } from '@shared/incident/incident.rules'
import { accountContract } from '@shared/account/account.contract'
import { callsOf } from '../../tests/support/contract-calls'
import { HERE, incidentSteps } from '../../tests/support/incident'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'

/**
 * Issue #16, the incident part: what a resident, a neighbour, a handler or a prober can learn or write, tried as
 * an attacker would.
 */

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
const account = callsOf(() => env, accountContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const { photo, report } = incidentSteps(() => env)

const nearby = (userId: string, location: { lat: number; lng: number }, category = 'sanitation') =>
  ok(userId, 'listNearbyOpen', { category, location })

describe('"我也遇到" gives away no location (#16 item 2)', () => {
  it('a resident of another grid, village or county gets nothing, from any point', async () => {
    const { id } = await report('u-zhuoma', { anonymous: true })
    // 央金 lives in 色西底村 (same county), 杨立新 in 崆峒区: standing right on the report, they are offered nothing
    for (const user of ['u-yangjin', 'u-yanglixin']) expect((await nearby(user, HERE)).items).toEqual([])
    // someone who moves into the next grid of the same community gets nothing either
    await account.ok('u-yangjin', 'setResidence', { gridId: '513328100001-G02' })
    expect((await nearby('u-yangjin', HERE)).items).toEqual([])
    // a neighbour in the report's own grid, and its grid worker, are offered it
    expect((await nearby('u-wangdeming', HERE)).items.map((i) => i.id)).toEqual([id])
    expect((await nearby('u-zhaxi', HERE)).items.map((i) => i.id)).toEqual([id])
  })

  it('many probes learn no more than the coarse cell a case lies in', async () => {
    const first = await report()
    // a second report at another point of the same cell, near its opposite corner
    const cell = geohash(HERE.lat, HERE.lng)
    const b = cellBounds(cell)
    const corner = {
      lat: HERE.lat < (b.latLo + b.latHi) / 2 ? b.latHi - 1e-6 : b.latLo + 1e-6,
      lng: HERE.lng < (b.lngLo + b.lngHi) / 2 ? b.lngHi - 1e-6 : b.lngLo + 1e-6,
      datum: 'gcj02' as const,
    }
    expect(geohash(corner.lat, corner.lng)).toBe(cell)
    const second = await report('u-zhuoma', { location: corner, description: '三号楼旁边的垃圾也没人清运' })

    // a 21 × 21 lattice of probes, 25 m apart, over ±250 m around the first report
    const answers = new Map<string, string>()
    const sameCell: Array<{ lat: number; lng: number }> = []
    let inCell = 0
    for (let i = -10; i <= 10; i++) {
      for (let j = -10; j <= 10; j++) {
        const probe = { lat: HERE.lat + (i * 25) / 111_320, lng: HERE.lng + (j * 25) / 94_800 }
        const { items } = await nearby('u-wangdeming', probe)
        for (const item of items) {
          // a coarse step, never a distance
          expect(Object.keys(item)).not.toContain('distanceM')
          expect(['same_cell', 'next_cell']).toContain(item.step)
        }
        const stepOf = (id: string) => items.find((x) => x.id === id)?.step ?? null
        // the two reports of one cell are indistinguishable from every probe
        expect(stepOf(second.id)).toBe(stepOf(first.id))
        if (stepOf(first.id) === 'same_cell') sameCell.push(probe)
        // every point of one cell gets the same answer
        const answer = JSON.stringify(items.map((x) => [x.id, x.step]))
        const probeCell = geohash(probe.lat, probe.lng)
        if (probeCell === cell) inCell += 1
        expect(answers.get(probeCell) ?? answer).toBe(answer)
        answers.set(probeCell, answer)
      }
    }
    // the finest answer ("same cell") comes back exactly from the probes in the case's cell: the whole cell, so
    // the best estimate of where the case is spans the cell (> 100 m each way), not a point
    expect(sameCell.length).toBeGreaterThan(0)
    expect(sameCell.every((p) => geohash(p.lat, p.lng) === cell)).toBe(true)
    expect(sameCell).toHaveLength(inCell)
    expect((b.latHi - b.latLo) * 111_320).toBeGreaterThan(100)
    expect((b.lngHi - b.lngLo) * 94_800).toBeGreaterThan(100)
    // and beyond the eight neighbouring cells, nothing
    expect((await nearby('u-wangdeming', { lat: HERE.lat + 0.006, lng: HERE.lng })).items).toEqual([])
  })

  it('offers newest first within a step, never ordered by distance', async () => {
    const cell = cellBounds(geohash(HERE.lat, HERE.lng))
    const older = await report('u-zhuoma', { location: { ...HERE, lat: cell.latLo + 1e-6 } })
    env.clock.advance(60_000)
    const newer = await report('u-zhuoma', { location: { ...HERE, lat: cell.latHi - 1e-6 } })
    for (const lat of [cell.latLo + 2e-6, cell.latHi - 2e-6]) {
      expect((await nearby('u-wangdeming', { lat, lng: HERE.lng })).items.map((i) => i.id)).toEqual([
        newer.id,
        older.id,
      ])
    }
  })

  it('offers nothing once the case is no longer open', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    expect((await nearby('u-wangdeming', HERE)).items).toEqual([])
    expect(await env.rt.db.count(C.incidents, { _id: id, open: false })).toBe(1)
  })
})

describe('text others read passes the content check (#16 item 11)', () => {
  const BLOCKED = '有人卖六合彩'
  const G01 = '513328100001-G01'
  const submitted = async () => (await report()).id
  const atTownship = async () => (await report('u-zhuoma', { category: 'hazard', severity: 'serious' })).id
  const dispatched = async () => {
    const id = await atTownship()
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3 })
    return id
  }
  const round = async () => (await ok('u-zhaxi', 'startRound', { gridId: G01 })).id
  const visited = async () => {
    const id = await round()
    const r = await ok('u-zhaxi', 'visitHousehold', {
      roundId: id,
      householdId: 'hh-513328100001-G01-01',
      note: '楼道灯坏了',
    })
    return r.id
  }
  const reportedBack = async () => {
    const id = await dispatched()
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理完毕' })
    return id
  }
  const resolved = async () => {
    const id = await submitted()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    return id
  }
  const dispute = async () => (await report('u-zhuoma', { category: 'dispute', description: '邻居装修占用楼道' })).id
  const base = {
    category: 'sanitation',
    description: '三号楼后面垃圾堆了三天没人清运',
    location: HERE,
  }

  /** Every free-text field of every write action: who writes it, in which state, and the input carrying `text`. */
  const CASES: Array<{
    action: keyof typeof incidentContract.actions
    field: string
    as: string
    setup: () => Promise<string | null>
    data: (id: string | null, text: string) => Record<string, unknown>
  }> = [
    {
      action: 'report',
      field: 'description',
      as: 'u-zhuoma',
      setup: async () => null,
      data: (_, t) => ({ ...base, photos: [photo('u-zhuoma')], description: `楼下${t}` }),
    },
    {
      action: 'report',
      field: 'address',
      as: 'u-zhuoma',
      setup: async () => null,
      data: (_, t) => ({ ...base, photos: [photo('u-zhuoma')], address: t }),
    },
    {
      action: 'report',
      field: 'parties.name',
      as: 'u-zhuoma',
      setup: async () => null,
      data: (_, t) => ({ ...base, photos: [photo('u-zhuoma')], category: 'dispute', parties: [{ name: t.slice(-3) }] }),
    },
    {
      action: 'report',
      field: 'parties.note',
      as: 'u-zhuoma',
      setup: async () => null,
      data: (_, t) => ({
        ...base,
        photos: [photo('u-zhuoma')],
        category: 'dispute',
        parties: [{ name: '王德明', note: t }],
      }),
    },
    {
      action: 'joinIncident',
      field: 'note',
      as: 'u-wangdeming',
      setup: submitted,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'accept',
      field: 'note',
      as: 'u-zhaxi',
      setup: submitted,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'resolve',
      field: 'note',
      as: 'u-zhaxi',
      setup: submitted,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'escalate',
      field: 'note',
      as: 'u-zhaxi',
      setup: submitted,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'reject',
      field: 'note',
      as: 'u-zhaxi',
      setup: submitted,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'dispatch',
      field: 'note',
      as: 'u-zhoumin',
      setup: atTownship,
      data: (id, t) => ({ incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3, note: t }),
    },
    {
      action: 'feedback',
      field: 'note',
      as: 'u-liuyang',
      setup: dispatched,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'dispatch',
      field: 'departments.task',
      as: 'u-zhoumin',
      setup: atTownship,
      data: (id, t) => ({ incidentId: id, departments: [{ departmentId: '513328-D-ZJ', task: t }] }),
    },
    {
      action: 'escalateToCounty',
      field: 'note',
      as: 'u-zhoumin',
      setup: atTownship,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'reportIn',
      field: 'note',
      as: 'u-liuyang',
      setup: dispatched,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'returnTask',
      field: 'note',
      as: 'u-liuyang',
      setup: dispatched,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'requestAssist',
      field: 'note',
      as: 'u-liuyang',
      setup: dispatched,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'mediate',
      field: 'agreement',
      as: 'u-zhaxi',
      setup: dispute,
      data: (id, t) => ({ incidentId: id, outcome: 'success', note: '双方同意', agreement: t }),
    },
    {
      action: 'mediate',
      field: 'mediatorName',
      as: 'u-zhaxi',
      setup: dispute,
      data: (id, t) => ({ incidentId: id, outcome: 'failed', note: '再约时间', mediatorName: t.slice(-8) }),
    },
    {
      action: 'mediate',
      field: 'parties.name',
      as: 'u-zhaxi',
      setup: dispute,
      data: (id, t) => ({ incidentId: id, outcome: 'failed', note: '再约时间', parties: [{ name: t.slice(-3) }] }),
    },
    {
      action: 'mediate',
      field: 'parties.note',
      as: 'u-zhaxi',
      setup: dispute,
      data: (id, t) => ({
        incidentId: id,
        outcome: 'failed',
        note: '再约时间',
        parties: [{ name: '王德明', note: t }],
      }),
    },
    {
      action: 'visitHousehold',
      field: 'note',
      as: 'u-zhaxi',
      setup: round,
      data: (id, t) => ({ roundId: id, householdId: 'hh-513328100001-G01-01', note: t }),
    },
    {
      action: 'reportFromVisit',
      field: 'description',
      as: 'u-zhaxi',
      setup: visited,
      data: (id, t) => ({ roundId: id, visit: 0, category: 'sanitation', description: t }),
    },
    {
      action: 'close',
      field: 'note',
      as: 'u-zhoumin',
      setup: reportedBack,
      data: (id, t) => ({ incidentId: id, note: t }),
    },
    {
      action: 'mediate',
      field: 'note',
      as: 'u-zhaxi',
      setup: dispute,
      data: (id, t) => ({ incidentId: id, outcome: 'failed', note: t }),
    },
    {
      action: 'rate',
      field: 'comment',
      as: 'u-zhuoma',
      setup: resolved,
      data: (id, t) => ({ incidentId: id, rating: 'basic', comment: t }),
    },
    {
      action: 'rateDepartment',
      field: 'comment',
      as: 'u-zhoumin',
      setup: reportedBack,
      data: (id, t) => ({ incidentId: id, score: 4, comment: t }),
    },
    {
      action: 'safeReport',
      field: 'note',
      as: 'u-zhaxi',
      setup: async () => null,
      data: (_, t) => ({ gridId: G01, note: t }),
    },
    {
      action: 'saveCategories',
      field: 'categories.label',
      as: 'u-zhangwei',
      setup: async () => null,
      data: (_, t) => ({
        countyId: '513328',
        categories: [
          { key: null, label: t.slice(-3) },
          { key: 'other', label: '其他' },
        ],
      }),
    },
  ]

  /** How many documents the incident domain keeps: a refused write leaves every count as it was. */
  const footprint = async () => {
    const out: Record<string, number> = {}
    for (const c of [
      C.incidents,
      C.incident_events,
      C.incident_inbox,
      C.incident_joins,
      C.incident_counters,
      C.incident_configs,
      C.safe_reports,
      C.incident_tasks,
      C.grid_rounds,
      C.requests,
    ])
      out[c] = await env.rt.db.count(c, {})
    return out
  }

  it.each(CASES.map((c) => [`${c.action} ${c.field}`, c] as const))(
    '%s: a blocked word is refused and nothing is written',
    async (_, c) => {
      const id = await c.setup()
      const before = await footprint()
      const refused = await call(c.as, c.action, c.data(id, BLOCKED))
      expect(refused).toMatchObject({ ok: false, code: 'COMMON.CONTENT_UNSAFE' })
      expect(await footprint()).toEqual(before)
      // the same input with clean words goes through, so the refusal was the word's
      expect(await call(c.as, c.action, c.data(id, '已经跟大家说清楚了'))).toMatchObject({ ok: true })
    },
  )

  it('covers every free-text field of every write action of the contract', () => {
    const fields: string[] = []
    for (const [name, def] of Object.entries(incidentContract.actions))
      if (def.write) for (const f of freeTextFields(def.input)) fields.push(`${name} ${f}`)
    expect(fields.sort()).toEqual(CASES.map((c) => `${c.action} ${c.field}`).sort())
  })
})

/** The paths of a schema's strings that are free text (no pattern: not an id, a key or a code). */
function freeTextFields(schema: unknown, path: string[] = []): string[] {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => freeTextFields(v, [...path, k]))
    case 'string': {
      const checks = (def.checks ?? []) as Array<{ _zod: { def: { check: string } } }>
      return checks.some((c) => c._zod.def.check === 'string_format') ? [] : [path.join('.')]
    }
    case 'array':
      return freeTextFields(def.element, path)
    case 'default':
    case 'optional':
    case 'nullable':
      return freeTextFields(def.innerType, path)
    case 'pipe':
      return freeTextFields(def.in, path)
    default:
      return []
  }
}

describe('reporters and the people they name, by role (#16 item 8)', () => {
  /** Everyone who may open a case in 旭日岭社区一网格 once it reached the department, by role. */
  const HANDLERS = {
    'grid worker': 'u-zhaxi',
    'village official': 'u-lixiuying',
    'township dispatcher': 'u-zhoumin',
    'county department': 'u-liuyang',
  }
  const NEIGHBOURS = { neighbour: 'u-wangdeming', 'another village': 'u-ciren', 'another county': 'u-mahongmei' }

  /** A case seen by every role: escalated to the township and dispatched, so the department may open it too. */
  async function atDepartment(extra: Record<string, unknown>): Promise<string> {
    const { id } = await report('u-zhuoma', {
      category: 'dispute',
      description: '邻居装修占用楼道，双方争吵',
      ...extra,
    })
    await ok('u-wangdeming', 'joinIncident', { incidentId: id, note: '我家门口也是' })
    await ok('u-zhaxi', 'escalate', { incidentId: id, note: '需要村里协调' })
    await ok('u-lixiuying', 'escalate', { incidentId: id, note: '需要住建局' })
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3 })
    return id
  }
  const seen = async (as: string, id: string) => {
    const v = await ok(as, 'get', { incidentId: id })
    const by = (action: string) => v.timeline.find((t) => t.action === action)?.byName
    return {
      access: v.access,
      reporterName: v.reporterName,
      reporterPhone: v.reporterPhone,
      report: by('report'),
      join: by('join'),
      escalate: by('escalate'),
      parties: v.dispute?.parties.map((p) => p.name) ?? null,
    }
  }
  const parties = [{ name: '王德明', note: '楼上住户' }, { name: '卓玛' }]

  it('an anonymous report: no handler sees who reported or whom they named, nor the full phone', async () => {
    const id = await atDepartment({ anonymous: true, parties })
    for (const [role, as] of Object.entries(HANDLERS)) {
      expect([role, await seen(as, id)]).toEqual([
        role,
        {
          access: 'handler',
          reporterName: '匿名群众',
          reporterPhone: '139****1201',
          report: '匿名群众',
          join: '王*明',
          escalate: expect.stringMatching(/^(扎西|李秀英)$/),
          parties: ['王*明', '卓*'],
        },
      ])
    }
    for (const [role, as] of Object.entries(NEIGHBOURS)) {
      const v = await seen(as, id)
      expect([role, v]).toEqual([
        role,
        {
          access: 'public',
          reporterName: '匿名群众',
          reporterPhone: null,
          report: '匿名群众',
          join: as === 'u-wangdeming' ? '王德明' : '王*明',
          escalate: '扎*',
          parties: null,
        },
      ])
    }
    // the reporter always sees their own
    expect(await seen('u-zhuoma', id)).toMatchObject({
      access: 'reporter',
      reporterName: '卓玛',
      reporterPhone: '139****1201',
      report: '卓玛',
    })
  })

  it('an anonymous reporter who agreed to be contacted is named to handlers only, the phone still masked', async () => {
    const id = await atDepartment({ anonymous: true, contactable: true, parties })
    for (const as of Object.values(HANDLERS)) {
      expect(await seen(as, id)).toMatchObject({
        reporterName: '卓玛',
        reporterPhone: '139****1201',
        report: '卓玛',
        join: '王*明',
        parties: ['王德明', '卓玛'],
      })
      expect((await ok(as, 'get', { incidentId: id })).contactable).toBe(true)
    }
    for (const as of Object.values(NEIGHBOURS)) expect((await seen(as, id)).reporterName).toBe('匿名群众')
  })

  it('a named report is named to handlers unless the reporter said not to contact them', async () => {
    const named = await atDepartment({ parties })
    const unreachable = await atDepartment({ contactable: false, parties })
    for (const as of Object.values(HANDLERS)) {
      expect(await seen(as, named)).toMatchObject({ reporterName: '卓玛', report: '卓玛', parties: ['王德明', '卓玛'] })
      expect(await seen(as, unreachable)).toMatchObject({
        reporterName: '卓*',
        reporterPhone: '139****1201',
        report: '卓*',
        parties: ['王*明', '卓*'],
      })
    }
    expect((await seen('u-wangdeming', named)).reporterName).toBe('卓*')
    expect((await seen('u-zhuoma', unreachable)).reporterName).toBe('卓玛')
  })

  it("the reporter's rating carries the same name as the report", async () => {
    const { id } = await report('u-zhuoma', { anonymous: true })
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' })
    const rating = async (as: string) =>
      (await ok(as, 'get', { incidentId: id })).timeline.find((t) => t.action === 'rate_ok')!.byName
    expect(await rating('u-zhaxi')).toBe('匿名群众')
    expect(await rating('u-wangdeming')).toBe('匿名群众')
    expect(await rating('u-zhuoma')).toBe('卓玛')
  })

  it('the ledger names no anonymous reporter, even masked, and masks the rest', async () => {
    await report('u-zhuoma', { anonymous: true, contactable: true })
    await report('u-wangdeming')
    const csv = await ok('u-lixiuying', 'exportLedger', { unitId: '513328100001-G01', month: '2026-03', format: 'csv' })
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const text = readFileSync(join(env.rt.files.dir, fileIdOfUrl(csv.url))).toString('utf8')
    expect(text).toContain('匿名群众')
    expect(text).not.toMatch(/卓/)
    expect(text).toContain('王*明')
    expect(text).not.toContain('王德明')
    expect(text).not.toContain('1390836')
  })

  it('messages to handlers and reporters carry no reporter name or phone', async () => {
    const id = await atDepartment({ anonymous: true, parties })
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理完毕' })
    for (const as of [...Object.values(HANDLERS), 'u-zhuoma', 'u-wangdeming']) {
      const { items } = await ok(as, 'myInbox', { pageSize: 50 })
      for (const m of items) expect(`${m.title} ${m.body}`).not.toMatch(/卓玛|卓\*|1390836/)
    }
  })
})
