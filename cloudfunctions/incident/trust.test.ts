import { incidentContract } from '@shared/incident/incident.contract'
import { cellBounds, geohash } from '@shared/incident/incident.rules'
import type { IncidentView } from '@shared/incident/incident.schema'
import { accountContract } from '@shared/account/account.contract'
import { callsOf } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'

/**
 * Issue #16, the incident part: what a resident, a neighbour, a handler or a prober can learn or write, tried as
 * an attacker would.
 */
const HERE = { lat: 31.6249, lng: 99.9872, datum: 'gcj02' as const }

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
const account = callsOf(() => env, accountContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const photo = (userId: string) => env.rt.files.savePhoto(jpegWithExif(), userId).fileId

function report(userId = 'u-zhuoma', extra: Record<string, unknown> = {}): Promise<IncidentView> {
  return ok(userId, 'report', {
    category: 'sanitation',
    description: '三号楼后面垃圾堆了三天没人清运',
    photos: [photo(userId)],
    location: HERE,
    ...extra,
  })
}

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
