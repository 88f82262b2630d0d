import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../_core/collections'
import { mediaCheckId } from '../_core/media-check'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { callsOf } from '../../tests/support/contract-calls'
import { HERE, incidentSteps } from '../../tests/support/incident'

/**
 * A photo's media check is written in the transaction of the action that adopts it (issue #21). Two reports that
 * adopt the same new photo at the same moment both make a check for it; the second transaction's insert of the check
 * fails, and that report takes the first one's check (wrap's twin path) instead of failing or checking twice.
 */
let env: TestEnv
const { call } = callsOf(() => env, incidentContract)
const { photo } = incidentSteps(() => env)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

describe('two reports adopting the same new photo at once', () => {
  it('both land, the photo is checked once, and each case keeps that its photo passed', async () => {
    const p = photo('u-zhuoma')
    expect(await env.rt.db.get(C.media_checks, mediaCheckId(p))).toBeNull()
    const send = (description: string) =>
      call('u-zhuoma', 'report', { category: 'sanitation', description, photos: [p], location: HERE })
    const [a, b] = await Promise.all([send('三号楼后面垃圾堆了三天没人清运'), send('五号楼门口的路灯坏了两个晚上')])
    expect([a.ok, b.ok]).toEqual([true, true])
    if (!a.ok || !b.ok) return
    expect(a.data.id).not.toBe(b.data.id)
    expect(await env.rt.db.count(C.media_checks, { fileId: p })).toBe(1)
    expect((await env.rt.db.get(C.media_checks, mediaCheckId(p)))?.state).toBe('passed')
    for (const id of [a.data.id, b.data.id]) {
      const c = await env.rt.db.get(C.incidents, id)
      expect({ id, photos: c?.photos, passed: c?.photosPassed }).toEqual({ id, photos: [p], passed: [p] })
    }
  })
})

describe('photos checked before, used again', () => {
  it('a later report with the same three photos lands and takes their checks (none made twice)', async () => {
    const ps = [photo('u-zhuoma'), photo('u-zhuoma'), photo('u-zhuoma')]
    const send = (description: string) =>
      call('u-zhuoma', 'report', { category: 'sanitation', description, photos: ps, location: HERE })
    const first = await send('三号楼后面垃圾堆了三天没人清运')
    expect(first.ok).toBe(true)
    const checkedAt = await Promise.all(
      ps.map(async (p) => (await env.rt.db.get(C.media_checks, mediaCheckId(p)))?.checkedAt),
    )
    env.clock.advance(60_000)
    // its new checks are not looked for first: the transaction's insert of the first finds it there, and all three
    // are adopted again from the checks there (one retry, never 3 and a refusal)
    const again = await send('垃圾又堆起来了，还是三号楼后面')
    expect(again.ok ? 'ok' : again.message).toBe('ok')
    if (!again.ok) return
    const c = await env.rt.db.get(C.incidents, again.data.id)
    expect(c?.photosPassed).toEqual(ps)
    for (const [i, p] of ps.entries()) {
      expect(await env.rt.db.count(C.media_checks, { fileId: p })).toBe(1)
      expect((await env.rt.db.get(C.media_checks, mediaCheckId(p)))?.checkedAt).toBe(checkedAt[i])
    }
  })
})
