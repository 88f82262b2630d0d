import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { CPS, MIN, TUE_PM, V, patrolDriver } from '../../tests/support/patrol'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { C } from '../_core/collections'
import { ids } from './patrol.repo'

/**
 * Issue #16 item 10: a patrol earns its volunteer hours and PATROL_DUTY points only when it counts the village's
 * share of the route (default 80 %), took at least the walk's time, and every flagged check-in has been reviewed;
 * exactly once, at finish or at the last review, under retries and concurrency.
 */
let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const { patrol, start, checkIn, walkAll } = patrolDriver(() => env)
const POOR = { accuracyM: 90 } // flagged poor_accuracy

/** Everything a patrol can have earned: hours, volunteer entries and points entries of its participants. */
async function earned(patrolId: string) {
  return {
    hours: await env.rt.db.count(C.patrol_hours, { patrolId }),
    volunteer: await env.rt.db.count(C.volunteer_hours, { sourceKey: `patrol:${patrolId}` }),
    points: (await env.rt.db.find(C.points_ledger, { where: { ruleCode: 'PATROL_DUTY' }, limit: 100 })).filter((e) =>
      e.sourceId.startsWith(`patrol:${patrolId}:`),
    ).length,
  }
}
const NOTHING = { hours: 0, volunteer: 0, points: 0 }
const ONCE = { hours: 1, volunteer: 1, points: 1 }
// the village's one team: its counter holds the village's figures (only teams' counters are written, issue #21)
const counters = () => env.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))

async function finish(patrolId: string, user = 'u-gesang') {
  return patrol.ok(user, 'finishPatrol', { patrolId })
}

describe('coverage and duration', () => {
  it('a patrol of 1 of 5 checkpoints, 1 minute long, earns nothing, and says why', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    expect(await checkIn(p.id, 0)).toMatchObject({ ok: true, data: { checkin: { status: 'ok' } } })
    env.clock.advance(MIN)
    const done = await finish(p.id)
    expect(done.credit).toEqual({
      status: 'none',
      statusLabel: '未计入积分和志愿时长',
      reasons: [{ code: 'coverage_low', label: '覆盖不足 80%' }],
      counted: 1,
      total: 5,
      thresholdPct: 80,
    })
    expect(await earned(p.id)).toEqual(NOTHING)
    expect(await counters()).toMatchObject({ patrolsDone: 1, credited: 0, uncredited: 1, lowCoverage: 1, minutes: 0 })
  })

  it('five genuine codes sent within two minutes of starting, with made-up phone times, earn nothing: too short', async () => {
    // the volunteer starts an hour into the window and "back-dates" five check-ins ten minutes apart: every one
    // passes the soft checks (a walking pace by the phone's times), but the server timed the patrol at 2 minutes
    env.clock.set(TUE_PM + 60 * MIN)
    const p = await start()
    for (let i = 0; i < CPS.length; i++) {
      env.clock.advance(20_000)
      const r = await checkIn(p.id, i, { deviceAt: TUE_PM + (5 + i * 10) * MIN })
      expect(r).toMatchObject({ ok: true, data: { checkin: { status: 'ok', flags: [] } } })
    }
    env.clock.advance(20_000)
    const done = await finish(p.id)
    expect(done.credit).toMatchObject({ status: 'none', counted: 5, total: 5 })
    expect(done.credit!.reasons).toEqual([{ code: 'too_short', label: expect.stringMatching(/^巡逻用时太短/) }])
    expect(await earned(p.id)).toEqual(NOTHING)
    expect(await counters()).toMatchObject({ uncredited: 1, tooShort: 1, lowCoverage: 0 })
  })

  it('4 of 5 at a walking pace earns hours and points at finish, once', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await walkAll(p.id, [4])
    env.clock.advance(5 * MIN)
    const finishId = rid('finish')
    const done = await patrol.ok('u-gesang', 'finishPatrol', { patrolId: p.id }, finishId)
    expect(done.credit).toMatchObject({ status: 'credited', reasons: [], counted: 4, total: 5, thresholdPct: 80 })
    // retried: the first answer, nothing written again
    expect(await patrol.ok('u-gesang', 'finishPatrol', { patrolId: p.id }, finishId)).toEqual(done)
    expect(await earned(p.id)).toEqual(ONCE)
    expect(await counters()).toMatchObject({ credited: 1, uncredited: 0, creditPending: 0, minutes: 45 })
  })
})

describe("the village's threshold", () => {
  it('an official sets it, with her name, the time and a reason; patrols started after it are judged by it', async () => {
    const before = await patrol.ok('u-lixiuying', 'getSetup', { villageId: V })
    expect(before.settings).toEqual({ coveragePct: 80, isDefault: true, by: null, at: null, reason: null })
    // a patrol already under way keeps the threshold it started under
    env.clock.set(TUE_PM + 5 * MIN)
    const early = await start()

    env.clock.set(TUE_PM + 6 * MIN)
    const set = await patrol.ok('u-lixiuying', 'saveSettings', {
      villageId: V,
      coveragePct: 60,
      reason: '牧区路线长，冬季先要求六成',
    })
    expect(set).toEqual({
      coveragePct: 60,
      isDefault: false,
      by: { id: 'u-lixiuying', name: '李秀英' },
      at: TUE_PM + 6 * MIN,
      reason: '牧区路线长，冬季先要求六成',
    })
    expect((await patrol.ok('u-duoji', 'getSetup', { villageId: V })).settings).toEqual(set)

    await walkAll(early.id, [3, 4])
    expect((await finish(early.id)).credit).toMatchObject({ status: 'none', thresholdPct: 80, counted: 3 })

    // the next day's evening patrol: 3 of 5 is enough now
    env.clock.set(TUE_PM + 24 * 60 * MIN + 5 * MIN)
    const later = await start()
    await walkAll(later.id, [3, 4])
    expect((await finish(later.id)).credit).toMatchObject({ status: 'credited', thresholdPct: 60, counted: 3 })
    expect(await earned(later.id)).toEqual(ONCE)
    // every change is kept
    await patrol.ok('u-duoji', 'saveSettings', { villageId: V, coveragePct: 90, reason: '开春恢复' })
    expect(await env.rt.db.count(C.patrol_settings, { villageId: V })).toBe(2)
  })

  it('only those who manage patrols in the village set it, within 50–100 %, with a reason others may read', async () => {
    const input = { villageId: V, coveragePct: 70, reason: '试行' }
    expect(await patrol.call('u-gesang', 'saveSettings', input)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(await patrol.call('u-zhoumin', 'saveSettings', input)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(await patrol.call('u-duoji', 'saveSettings', { ...input, villageId: '513328101201' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    expect(await patrol.call('u-duoji', 'saveSettings', { ...input, coveragePct: 10 })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
      message: expect.stringContaining('覆盖率要在 50% 到 100% 之间'),
    })
    expect(await patrol.call('u-duoji', 'saveSettings', { ...input, reason: '冰毒出售' })).toMatchObject({
      ok: false,
      code: 'COMMON.CONTENT_UNSAFE',
    })
    expect(await env.rt.db.count(C.patrol_settings)).toBe(0)
  })
})

describe('flagged check-ins: the last review decides', () => {
  /** A patrol of five check-ins, those in `flagged` with a poor fix, finished after a walk. */
  async function finishedWith(flagged: number[]) {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    const walked = await walkAll(p.id, [], Object.fromEntries(flagged.map((i) => [i, POOR])))
    env.clock.advance(5 * MIN)
    const done = await finish(p.id)
    return { p, done, flaggedIds: flagged.map((i) => walked[i]!.checkin.id) }
  }
  const review = (checkinId: string, decision: 'accept' | 'reject', user = 'u-duoji', requestId?: string) =>
    patrol.call(user, 'reviewCheckin', { checkinId, decision, reason: '队长核实过' }, requestId)

  it('finishing with flagged check-ins leaves the credit pending; the last acceptance credits it, once', async () => {
    const { p, done, flaggedIds } = await finishedWith([1, 3])
    expect(done.credit).toMatchObject({
      status: 'pending',
      statusLabel: '审核后再计入',
      reasons: [{ code: 'flagged_pending', label: '有存疑打卡待审核' }],
      counted: 3,
    })
    expect(await earned(p.id)).toEqual(NOTHING)
    expect(await counters()).toMatchObject({ creditPending: 1, credited: 0 })

    expect(await review(flaggedIds[0]!, 'accept')).toMatchObject({ ok: true })
    expect(await earned(p.id)).toEqual(NOTHING)
    expect((await patrol.ok('u-gesang', 'getPatrol', { patrolId: p.id })).credit).toMatchObject({ status: 'pending' })

    const lastId = rid('last')
    expect(await review(flaggedIds[1]!, 'accept', 'u-lixiuying', lastId)).toMatchObject({ ok: true })
    const view = await patrol.ok('u-gesang', 'getPatrol', { patrolId: p.id })
    expect(view.credit).toMatchObject({ status: 'credited', reasons: [], counted: 5 })
    expect(await earned(p.id)).toEqual(ONCE)
    // the last review retried, or sent again as a new request: nothing more
    expect(await review(flaggedIds[1]!, 'accept', 'u-lixiuying', lastId)).toMatchObject({ ok: true })
    expect(await review(flaggedIds[1]!, 'accept', 'u-lixiuying')).toMatchObject({
      ok: false,
      code: 'PATROL.ALREADY_REVIEWED',
    })
    expect(await earned(p.id)).toEqual(ONCE)
    expect(await counters()).toMatchObject({ creditPending: 0, credited: 1, accepted: 2, minutes: 55 })
    const stored = await env.rt.db.get(C.patrols, p.id)
    expect(stored?.credit).toMatchObject({ decidedBy: 'u-lixiuying', decidedAt: env.clock.now() })
  })

  it('rejected check-ins do not count: the last review can decide against', async () => {
    const { p, flaggedIds } = await finishedWith([1, 3])
    await review(flaggedIds[0]!, 'reject')
    // 4 of 5 could still count
    expect((await patrol.ok('u-gesang', 'getPatrol', { patrolId: p.id })).credit).toMatchObject({ status: 'pending' })
    await review(flaggedIds[1]!, 'reject')
    const view = await patrol.ok('u-gesang', 'getPatrol', { patrolId: p.id })
    expect(view.credit).toMatchObject({ status: 'none', reasons: [{ code: 'coverage_low' }], counted: 3 })
    expect(await earned(p.id)).toEqual(NOTHING)
    expect(await counters()).toMatchObject({ creditPending: 0, uncredited: 1, lowCoverage: 1, rejected: 2 })
  })

  it('a patrol that cannot reach the threshold whatever the reviews say earns nothing at once', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await walkAll(p.id, [3, 4], { 1: POOR })
    const done = await finish(p.id)
    // 2 counted + 1 flagged = 3 of 5 < 80 %
    expect(done.credit).toMatchObject({ status: 'none', reasons: [{ code: 'coverage_low' }] })
    expect(await counters()).toMatchObject({ creditPending: 0, uncredited: 1 })
    const flagged = done.checkins.find((c) => c.status === 'flagged')!
    await review(flagged.id, 'accept')
    expect(await earned(p.id)).toEqual(NOTHING)
    expect(await counters()).toMatchObject({ creditPending: 0, uncredited: 1, credited: 0 })
  })

  it('reviews of a patrol still under way decide nothing; finishing counts what they accepted', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    const walked = await walkAll(p.id, [], { 2: POOR })
    await review(walked[2]!.checkin.id, 'accept')
    expect(await earned(p.id)).toEqual(NOTHING)
    expect((await finish(p.id)).credit).toMatchObject({ status: 'credited', counted: 5 })
    expect(await earned(p.id)).toEqual(ONCE)
  })

  it('two reviews finishing at once: credited exactly once', async () => {
    const { p, flaggedIds } = await finishedWith([0, 2])
    const [a, b] = await Promise.all([
      review(flaggedIds[0]!, 'accept', 'u-duoji'),
      review(flaggedIds[1]!, 'accept', 'u-lixiuying'),
    ])
    expect([a.ok, b.ok]).toEqual([true, true])
    expect(await earned(p.id)).toEqual(ONCE)
    expect(await counters()).toMatchObject({ credited: 1, creditPending: 0, accepted: 2 })
    // each review wrote the patrol: on CloudBase two such transactions conflict on it (one retries and sees the
    // other's decision) instead of each reading the other's check-in as still flagged
    expect(await env.rt.db.get(C.patrols, p.id)).toMatchObject({ reviewedCount: 2, credit: { status: 'credited' } })
  })

  it('two reviewers of the same last check-in at once: one decision, one credit', async () => {
    const { p, flaggedIds } = await finishedWith([4])
    const results = await Promise.all([
      review(flaggedIds[0]!, 'accept', 'u-duoji'),
      review(flaggedIds[0]!, 'accept', 'u-lixiuying'),
      review(flaggedIds[0]!, 'reject', 'u-zhangwei'),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await env.rt.db.count(C.patrol_reviews, { checkinId: flaggedIds[0]! })).toBe(1)
    const credit = (await env.rt.db.get(C.patrols, p.id))?.credit
    expect(credit?.status).toBe(results[2]!.ok ? 'none' : 'credited')
    expect(await earned(p.id)).toEqual(credit?.status === 'credited' ? ONCE : NOTHING)
  })

  it('every participant is credited once, each household its points', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await start('u-duoji')
    const walked = await walkAll(p.id, [], { 0: POOR })
    await finish(p.id, 'u-duoji')
    await review(walked[0]!.checkin.id, 'accept', 'u-lixiuying')
    expect(await earned(p.id)).toEqual({ hours: 2, volunteer: 2, points: 2 })
  })
})
