import { testEnv, type TestEnv } from '../../tests/support/harness'
import type { IncidentView } from '@shared/incident/incident.schema'
import { jpegWithExif } from '../../tests/support/fixtures'

const G01 = '513328100001-G01'
const VILLAGE = '513328100001'
const HERE = { lat: 31.6249, lng: 99.9872, datum: 'gcj02' as const }

let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

async function report(n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    env.clock.advance(60_000)
    const photo = env.rt.files.savePhoto(jpegWithExif(), 'u-zhuoma').fileId
    const v = await env.ok<IncidentView>('incident', 'u-zhuoma', 'report', {
      category: 'sanitation',
      description: `第 ${i + 1} 件：垃圾堆了三天没人清运`,
      photos: [photo],
      location: HERE,
    })
    ids.push(v.id)
  }
  return ids
}

describe('queue paging', () => {
  it('pages newest first; hasMore from one row past the page; the total from the kept counters', async () => {
    const ids = (await report(5)).reverse()
    const page = (p: number, pageSize: number) =>
      env.ok('incident', 'u-lixiuying', 'listQueue', { view: 'all', unitId: VILLAGE, page: p, pageSize })
    const p1 = await page(1, 2)
    expect(p1).toMatchObject({ page: 1, pageSize: 2, total: 5, hasMore: true })
    expect(p1.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 2))
    const p2 = await page(2, 2)
    expect(p2).toMatchObject({ total: 5, hasMore: true })
    expect(p2.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(2, 4))
    const p3 = await page(3, 2)
    expect(p3).toMatchObject({ total: 5, hasMore: false })
    expect(p3.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(4))
    // a page that ends exactly at the last row has no more
    expect(await page(1, 5)).toMatchObject({ total: 5, hasMore: false })
    expect((await page(1, 5)).items).toHaveLength(5)
    expect(await page(2, 5)).toMatchObject({ items: [], total: 5, hasMore: false })
    // the grid's own queue counts the same reports
    expect(
      await env.ok('incident', 'u-lixiuying', 'listQueue', { view: 'all', unitId: G01, pageSize: 4 }),
    ).toMatchObject({
      total: 5,
      hasMore: true,
    })
  })

  it('the todo view pages the same way', async () => {
    await report(3)
    const q = await env.ok('incident', 'u-lixiuying', 'listQueue', { view: 'todo', unitId: G01, pageSize: 2 })
    expect(q).toMatchObject({ total: 3, hasMore: true })
    expect(q.items).toHaveLength(2)
    expect(
      await env.ok('incident', 'u-lixiuying', 'listQueue', { view: 'todo', unitId: G01, page: 2, pageSize: 2 }),
    ).toMatchObject({ total: 3, hasMore: false })
  })
})
