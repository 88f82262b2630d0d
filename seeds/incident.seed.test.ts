import { testEnv, type TestEnv } from '../tests/support/harness'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(() => env.close())

describe('incident demo data', () => {
  it('has cases in several states, with timelines and counters the app itself wrote', async () => {
    const all = await env.ok('incident', 'u-zhangwei', 'queue', { view: 'all', unitId: '513300', pageSize: 50 })
    const statuses = new Set(all.items.map((i: any) => i.status))
    for (const s of ['submitted', 'accepted', 'confirmed', 'dispatched', 'resolved', 'rejected']) expect(statuses).toContain(s)
    const kongtong = await env.ok('incident', 'u-sunli', 'queue', { view: 'todo' })
    expect(kongtong.items.length).toBeGreaterThanOrEqual(2)
    const yangjin = await env.ok('incident', 'u-yangjin', 'mine', {})
    expect(yangjin.total).toBe(6)
    const detail = await env.ok('incident', 'u-yangjin', 'get', { incidentId: 'inc-demo-c' })
    expect(detail.timeline.map((t: any) => t.action)).toEqual(['report', 'accept', 'resolve', 'rate_ok'])
    const safe = await env.ok('incident', 'u-zhangwei', 'safeStatus', { unitId: '513328101201' })
    expect(safe).toMatchObject({ reportedCount: 1, missingCount: 1 })
  })
})
