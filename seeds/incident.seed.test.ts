import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../cloudfunctions/_core/collections'
import { callsOf } from '../tests/support/contract-calls'
import { testEnv, type TestEnv } from '../tests/support/harness'

let env: TestEnv
const { ok } = callsOf(() => env, incidentContract)
beforeAll(async () => {
  env = await testEnv()
})
afterAll(() => env.close())

describe('incident demo data', () => {
  it('has cases in several states, with timelines and counters the app itself wrote', async () => {
    const all = await ok('u-zhangwei', 'listQueue', { view: 'all', unitId: '513300', pageSize: 50 })
    const statuses = new Set(all.items.map((i) => i.status))
    for (const s of ['submitted', 'accepted', 'confirmed', 'dispatched', 'resolved', 'rejected'])
      expect(statuses).toContain(s)
    const kongtong = await ok('u-sunli', 'listQueue', { view: 'todo' })
    expect(kongtong.items.length).toBeGreaterThanOrEqual(2)
    const yangjin = await ok('u-yangjin', 'myReports', {})
    expect(yangjin.total).toBe(6)
    const detail = await ok('u-yangjin', 'get', { incidentId: 'inc-demo-c' })
    expect(detail.timeline.map((t) => t.action)).toEqual(['report', 'accept', 'resolve', 'rate_ok'])
    const safe = await ok('u-zhangwei', 'getSafeStatus', { unitId: '513328101201' })
    expect(safe).toMatchObject({ reportedCount: 1, missingCount: 1 })
  })

  it('the people whose turn it is have a message for each case waiting on them', async () => {
    const inbox = await ok('u-sunli', 'myInbox', { pageSize: 50 })
    const told = new Set(inbox.items.map((m) => m.incidentId))
    const waiting = await env.rt.db.find(C.incidents, { where: { handlerUnitId: '620802001', open: true } })
    expect(waiting.length).toBeGreaterThan(0)
    for (const inc of waiting.filter((i) => i.status !== 'accepted'))
      expect([inc._id, told.has(inc._id)]).toEqual([inc._id, true])
    // nobody is told of cases that wait on someone else
    const others = await ok('u-zhuoma', 'myInbox', { pageSize: 50 })
    expect(
      others.items.every((m) => !['新上报待受理', '有事件待派单', '新的派单', '部门已反馈，请销号'].includes(m.title)),
    ).toBe(true)
  })
})
