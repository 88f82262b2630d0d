import { incidentContract } from '@shared/incident/incident.contract'
import type { IncidentCounter, IncidentEvent } from '@shared/incident/incident.schema'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import { T0, testEnv, type TestEnv } from '../../tests/support/harness'
import { callsOf } from '../../tests/support/contract-calls'
import { ADDITIVE, incidentSteps } from '../../tests/support/incident'
import { counterId, counterOf, eventId, foundEver, loadEvents, reportEvent } from './incident.repo'

/**
 * Issue #21: a counted change is one write. A place's counters are its county's month, with the county's own
 * figures at the top and its townships', villages' and grids' under `below.<unit>`; a sub-unit's own months from
 * before are read beside (no migration), and a case's first timeline entry is made from the case.
 */
let env: TestEnv
const { ok } = callsOf(() => env, incidentContract)
const { report } = incidentSteps(() => env)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const MONTH = bjMonth(T0)
const COUNTY = '513328'
const XURILING = { township: '513328100', village: '513328100001', g1: '513328100001-G01', g2: '513328100001-G02' }
const SEXIDI = { township: '513328101', village: '513328101201', g1: '513328101201-G01' }

const found = async (unitId: string) => (await counterOf(env.rt, unitId, MONTH)).found
const countersOfMonth = () => env.rt.db.find(C.incident_counters, { where: { month: MONTH }, limit: 1000 })

describe("a report's counters: one document, its county's month", () => {
  it('writes the county month only, with its township, village and grid below it', async () => {
    const before = await countersOfMonth()
    await report()
    const after = await countersOfMonth()
    // no document for the month appears for the grid, village or township
    expect(after.map((d) => d.unitId).sort()).toEqual([...new Set([...before.map((d) => d.unitId), COUNTY])].sort())
    const changed = after.filter((d) => JSON.stringify(d) !== JSON.stringify(before.find((b) => b._id === d._id)))
    expect(changed.map((d) => d._id)).toEqual([counterId(COUNTY, MONTH)])
    const county = changed[0] as IncidentCounter
    const was = before.find((b) => b._id === county._id)
    expect(county.found).toBe((was?.found ?? 0) + 1)
    for (const u of [XURILING.township, XURILING.village, XURILING.g1])
      expect({ u, found: county.below?.[u]?.found }).toEqual({ u, found: (was?.below?.[u]?.found ?? 0) + 1 })
    expect(county.below?.[XURILING.g2]?.found ?? 0).toBe(was?.below?.[XURILING.g2]?.found ?? 0)
  })

  it('reports at the same time from three grids of two townships: every level is exact', async () => {
    const units = [COUNTY, ...Object.values(XURILING), ...Object.values(SEXIDI)]
    const before = new Map(await Promise.all(units.map(async (u) => [u, await found(u)] as const)))
    const n = { zhuoma: 4, zhaxi: 3, yangjin: 5 }
    await Promise.all([
      ...Array.from({ length: n.zhuoma }, (_, i) => report('u-zhuoma', { description: `三号楼后面垃圾第${i + 1}堆` })),
      ...Array.from({ length: n.zhaxi }, (_, i) => report('u-zhaxi', { description: `二网格路灯坏了第${i + 1}盏` })),
      ...Array.from({ length: n.yangjin }, (_, i) => report('u-yangjin', { description: `一组水渠堵了第${i + 1}段` })),
    ])
    const want: Record<string, number> = {
      [COUNTY]: n.zhuoma + n.zhaxi + n.yangjin,
      [XURILING.township]: n.zhuoma + n.zhaxi,
      [XURILING.village]: n.zhuoma + n.zhaxi,
      [XURILING.g1]: n.zhuoma,
      [XURILING.g2]: n.zhaxi,
      [SEXIDI.township]: n.yangjin,
      [SEXIDI.village]: n.yangjin,
      [SEXIDI.g1]: n.yangjin,
    }
    for (const u of units) expect({ u, added: (await found(u)) - before.get(u)! }).toEqual({ u, added: want[u] })
    // and the counts agree with the cases themselves, at every level
    for (const [u, field] of [
      [COUNTY, 'countyId'],
      [XURILING.village, 'villageId'],
      [SEXIDI.g1, 'gridId'],
    ] as const)
      expect({ u, ever: await foundEver(env.rt, u) }).toEqual({
        u,
        ever: await env.rt.db.count(C.incidents, { [field]: u }),
      })
  })

  it("a county's figures are the sum of its townships'", async () => {
    const a = await report()
    await report('u-yangjin', { description: '一组水渠堵了' })
    await report('u-zhaxi', { description: '二网格路灯坏了' })
    await ok('u-zhaxi', 'accept', { incidentId: a.id, note: '已受理' })
    const fig = await ok('u-luobu', 'getFigures', { unitId: COUNTY, period: MONTH })
    const townships = fig.children.filter((r) => [XURILING.township, SEXIDI.township].includes(r.unit.id))
    expect(townships).toHaveLength(2)
    expect(fig.figures.found).toBeGreaterThanOrEqual(3)
    for (const field of ADDITIVE)
      expect({ field, n: fig.figures[field] }).toEqual({
        field,
        n: townships.reduce((s, r) => s + r.figures[field], 0),
      })
  })
})

describe('counters kept before: a unit’s own months are read beside its county’s', () => {
  it("a village's own month from before is added to what its county's month keeps for it", async () => {
    const kept = { _id: counterId(XURILING.village, MONTH), unitId: XURILING.village, month: MONTH, found: 7 }
    await env.rt.db.transaction((tx) => tx.set(C.incident_counters, kept as IncidentCounter))
    const base = await found(XURILING.village)
    const everBase = await foundEver(env.rt, XURILING.village)
    await report()
    expect(await found(XURILING.village)).toBe(base + 1)
    expect(await foundEver(env.rt, XURILING.village)).toBe(everBase + 1)
    // the old month is not written again; the figures page and the queue's total see both
    expect((await env.rt.db.get(C.incident_counters, kept._id))?.found).toBe(7)
    const fig = await ok('u-lixiuying', 'getFigures', { unitId: XURILING.village, period: MONTH })
    expect(fig.figures.found).toBe(base + 1)
    expect(base).toBeGreaterThanOrEqual(7)
    const all = await ok('u-lixiuying', 'listQueue', { view: 'all', unitId: XURILING.village })
    expect(all.total).toBe(everBase + 1)
  })
})

describe("a case's first timeline entry, made from the case", () => {
  it('is not stored, and the case shows it first, with who reported and where', async () => {
    const v = await report()
    expect(await loadEvents(env.rt.db, v.id)).toEqual([])
    expect(v.timeline).toHaveLength(1)
    expect(v.timeline[0]).toMatchObject({
      seq: 1,
      action: 'report',
      byName: '卓玛',
      unitName: '旭日岭社区第一网格',
      at: T0,
    })
    await ok('u-zhaxi', 'accept', { incidentId: v.id, note: '已受理' })
    const got = await ok('u-zhuoma', 'get', { incidentId: v.id })
    expect(got.timeline.map((e) => e.action)).toEqual(['report', 'accept'])
    expect((await loadEvents(env.rt.db, v.id)).map((e) => e.seq)).toEqual([2])
  })

  it('a case from before, which stored it, shows it once', async () => {
    const v = await report()
    await ok('u-zhaxi', 'accept', { incidentId: v.id, note: '已受理' })
    const inc = await env.rt.db.get(C.incidents, v.id)
    const stored: IncidentEvent = { ...reportEvent(inc!), _id: eventId(v.id, 1), note: '旧版记下的上报' }
    await env.rt.db.transaction((tx) => tx.insert(C.incident_events, stored))
    const got = await ok('u-zhuoma', 'get', { incidentId: v.id })
    expect(got.timeline.map((e) => e.action)).toEqual(['report', 'accept'])
  })
})
