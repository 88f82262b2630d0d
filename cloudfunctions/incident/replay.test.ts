import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../_core/collections'
import { callsOf } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { rid, testEnv, type TestEnv } from '../../tests/support/harness'

/**
 * Replays of the incident writes that move a case on: a client that lost the response retries with the same
 * request id after the case has moved on (so a fresh call would now be refused), and is told its step
 * succeeded, with the first result; the same request id with another payload is refused, never answered with
 * the first request's result. The real handlers over the real embedded store.
 */
const HERE = { lat: 31.6249, lng: 99.9872, datum: 'gcj02' as const }
const REUSED = 'COMMON.REQUEST_ID_REUSED'

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

type Action = keyof typeof incidentContract.actions
const photo = (userId: string) => env.rt.files.savePhoto(jpegWithExif(), userId).fileId

/** A resident's report in 旭日岭社区一网格; serious hazards go straight to the township. */
async function reported(extra: Record<string, unknown> = {}): Promise<string> {
  const v = await ok('u-zhuoma', 'report', {
    category: 'sanitation',
    description: '三号楼后面垃圾堆了三天没人清运',
    photos: [photo('u-zhuoma')],
    location: HERE,
    ...extra,
  })
  return v.id
}
const serious = () => reported({ category: 'hazard', severity: 'serious', description: '山坡落石滚到了路上' })
async function dispatched(): Promise<string> {
  const id = await serious()
  await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3 })
  return id
}
async function reportedBack(): Promise<string> {
  const id = await dispatched()
  await ok('u-liuyang', 'feedback', { incidentId: id, note: '已处理完毕' })
  return id
}

interface Case {
  action: Action
  /** where the first call finds the case */
  setup: () => Promise<string>
  as: string
  data: (id: string) => Record<string, unknown>
  /** someone moves the case on after the first call (beyond what the first call did itself) */
  moveOn: (id: string) => Promise<unknown>
  /** what a fresh call gets now */
  refused: string
  /** another payload under the same request id */
  other: (id: string) => Record<string, unknown>
}

const CASES: Case[] = [
  {
    action: 'accept',
    setup: () => reported(),
    as: 'u-zhaxi',
    data: (id) => ({ incidentId: id, note: '马上去看' }),
    moveOn: (id) => ok('u-zhaxi', 'escalate', { incidentId: id, note: '需要村里协调' }),
    refused: 'COMMON.OUT_OF_SCOPE',
    other: (id) => ({ incidentId: id, note: '下午去看' }),
  },
  {
    action: 'resolve',
    setup: () => reported(),
    as: 'u-zhaxi',
    data: (id) => ({ incidentId: id, note: '已联系环卫清运' }),
    moveOn: (id) => ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' }),
    refused: 'INCIDENT.INVALID_TRANSITION',
    other: (id) => ({ incidentId: id, note: '已全部清运' }),
  },
  {
    action: 'escalate',
    setup: () => reported(),
    as: 'u-zhaxi',
    data: (id) => ({ incidentId: id, note: '垃圾站满了，需要村里协调' }),
    moveOn: (id) => ok('u-lixiuying', 'accept', { incidentId: id, note: '村里来协调' }),
    refused: 'COMMON.OUT_OF_SCOPE',
    other: (id) => ({ incidentId: id, note: '需要镇上协调' }),
  },
  {
    action: 'reject',
    setup: () => reported(),
    as: 'u-zhaxi',
    data: (id) => ({ incidentId: id, note: '不属于本网格，已电话告知' }),
    moveOn: async () => undefined,
    refused: 'INCIDENT.INVALID_TRANSITION',
    other: (id) => ({ incidentId: id, note: '重复上报' }),
  },
  {
    action: 'dispatch',
    setup: serious,
    as: 'u-zhoumin',
    data: (id) => ({ incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3 }),
    // the department holds it now: whistling it again to the same department is refused
    moveOn: async () => undefined,
    refused: 'INCIDENT.DEPT_HOLDS',
    other: (id) => ({ incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 5 }),
  },
  {
    action: 'feedback',
    setup: dispatched,
    as: 'u-liuyang',
    data: (id) => ({ incidentId: id, note: '已派清运车清理完毕' }),
    moveOn: (id) => ok('u-zhoumin', 'close', { incidentId: id, note: '核实已清理，销号' }),
    refused: 'COMMON.OUT_OF_SCOPE',
    other: (id) => ({ incidentId: id, note: '已清理' }),
  },
  {
    action: 'close',
    setup: reportedBack,
    as: 'u-zhoumin',
    data: (id) => ({ incidentId: id, note: '核实已清理，销号' }),
    moveOn: (id) => ok('u-zhuoma', 'rate', { incidentId: id, rating: 'basic' }),
    refused: 'INCIDENT.INVALID_TRANSITION',
    other: (id) => ({ incidentId: id, note: '销号' }),
  },
  {
    action: 'mediate',
    setup: () => reported({ category: 'dispute', description: '邻居装修占用楼道，双方争吵' }),
    as: 'u-zhaxi',
    data: (id) => ({ incidentId: id, outcome: 'success', note: '约定三天内清理楼道', agreement: '三天内清理楼道' }),
    moveOn: (id) => ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' }),
    refused: 'INCIDENT.NOT_OPEN',
    other: (id) => ({ incidentId: id, outcome: 'failed', note: '约定三天内清理楼道' }),
  },
  {
    action: 'rate',
    setup: async () => {
      const id = await reported()
      await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
      return id
    },
    as: 'u-zhuoma',
    data: (id) => ({ incidentId: id, rating: 'unsatisfied', comment: '还有一半没清' }),
    moveOn: (id) => ok('u-zhaxi', 'reject', { incidentId: id, note: '已说明情况' }),
    refused: 'INCIDENT.INVALID_TRANSITION',
    other: (id) => ({ incidentId: id, rating: 'basic' }),
  },
  {
    action: 'rateDepartment',
    setup: reportedBack,
    as: 'u-zhoumin',
    data: (id) => ({ incidentId: id, score: 5, comment: '响应快' }),
    moveOn: (id) => ok('u-zhoumin', 'close', { incidentId: id, note: '销号' }),
    refused: 'INCIDENT.ALREADY_RATED',
    other: (id) => ({ incidentId: id, score: 3 }),
  },
]

describe.each(CASES)('a retried $action', (c) => {
  it('returns its first result after the case moved on; another payload under its id is refused', async () => {
    const id = await c.setup()
    const requestId = rid(`replay-${c.action}`)
    const first = await call(c.as, c.action, c.data(id), requestId)
    expect(first).toMatchObject({ ok: true, data: { id } })
    await c.moveOn(id)
    expect(await call(c.as, c.action, c.data(id))).toMatchObject({ ok: false, code: c.refused })
    const events = await env.rt.db.count(C.incident_events, { incidentId: id })
    expect(await call(c.as, c.action, c.data(id), requestId)).toEqual(first)
    expect(await call(c.as, c.action, c.other(id), requestId)).toMatchObject({ ok: false, code: REUSED })
    expect(await env.rt.db.count(C.incident_events, { incidentId: id })).toBe(events)
  })
})

describe('replays of the other writes', () => {
  it('a retried report files one report, shown as it is now', async () => {
    const data = {
      category: 'sanitation',
      description: '路灯坏了好几天了',
      photos: [photo('u-zhuoma')],
      location: HERE,
    }
    const requestId = rid('replay-report')
    const first = await ok('u-zhuoma', 'report', data, requestId)
    await ok('u-zhaxi', 'accept', { incidentId: first.id, note: '马上去看' })
    const again = await ok('u-zhuoma', 'report', data, requestId)
    expect(again).toMatchObject({ id: first.id, status: 'accepted' })
    expect(again.photos.map((p) => p.fileId)).toEqual(first.photos.map((p) => p.fileId))
    expect(await env.rt.db.count(C.incidents, { reporterId: 'u-zhuoma' })).toBe(1)
    expect(await call('u-zhuoma', 'report', { ...data, description: '路灯坏了一个星期了' }, requestId)).toMatchObject({
      ok: false,
      code: REUSED,
    })
  })

  it('a retried "我也遇到" succeeds after the case closed; a fresh one is refused', async () => {
    const id = await reported()
    const requestId = rid('replay-join')
    const first = await ok('u-wangdeming', 'joinIncident', { incidentId: id, note: '我家门口也是' }, requestId)
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    expect(await call('u-wangdeming', 'joinIncident', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.NOT_OPEN',
    })
    const again = await ok('u-wangdeming', 'joinIncident', { incidentId: id, note: '我家门口也是' }, requestId)
    expect(again).toMatchObject({ id: first.id, joinCount: 1, status: 'resolved' })
    expect(await call('u-wangdeming', 'joinIncident', { incidentId: id, note: '楼下也有' }, requestId)).toMatchObject({
      ok: false,
      code: REUSED,
    })
  })

  it("a retried safe report keeps its first answer; a fresh one finds the day's report", async () => {
    const grid = '513328100001-G01'
    const requestId = rid('replay-safe')
    const first = await ok('u-zhaxi', 'safeReport', { gridId: grid }, requestId)
    expect(first.already).toBe(false)
    expect(await ok('u-zhaxi', 'safeReport', { gridId: grid })).toMatchObject({ already: true })
    expect(await ok('u-zhaxi', 'safeReport', { gridId: grid }, requestId)).toEqual(first)
    expect(await call('u-zhaxi', 'safeReport', { gridId: grid, note: '一切正常' }, requestId)).toMatchObject({
      ok: false,
      code: REUSED,
    })
  })

  it('a retried category save returns what it saved, not a later save', async () => {
    const requestId = rid('replay-cat')
    const data = {
      countyId: '513328',
      categories: [
        { key: null, label: '虫草采挖' },
        { key: 'other', label: '其他' },
      ],
    }
    const first = await ok('u-zhangwei', 'saveCategories', data, requestId)
    await ok('u-zhangwei', 'saveCategories', { countyId: '513328', categories: [{ key: 'other', label: '其他事项' }] })
    expect(await ok('u-zhangwei', 'saveCategories', data, requestId)).toEqual(first)
    expect((await env.rt.db.get(C.incident_configs, '513328'))?.version).toBe(2)
    expect(
      await call('u-zhangwei', 'saveCategories', { ...data, categories: [{ key: 'other', label: '其他' }] }, requestId),
    ).toMatchObject({ ok: false, code: REUSED })
  })
})
