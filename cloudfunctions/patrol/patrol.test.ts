import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { CPS, MIN, TUE_PM, V, code, patrolDriver } from '../../tests/support/patrol'
import { bjDayStart } from '@shared/time/beijing'
import type { CheckInOutput, PatrolView } from '@shared/patrol/patrol.schema'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'
import { ids } from './patrol.repo'

let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const { start: startTyped, checkIn, walkAll } = patrolDriver(() => env)
const start = (user?: string, shiftId?: string): Promise<PatrolView> => startTyped(user, shiftId)

describe('set-up', () => {
  it('the captain builds a team, a route with checkpoints and a shift, and prints a signed poster', async () => {
    const setup = await env.ok('patrol', 'u-duoji', 'getSetup', { villageId: V })
    expect(setup.teams[0].members.map((m: { name: string }) => m.name)).toEqual(['多吉', '格桑'])
    expect(setup.routes[0].checkpoints).toHaveLength(5)
    expect(setup.shifts.map((s: { time: string }) => s.time)).toEqual(['08:00–10:00', '20:00–22:00'])
    expect(setup.candidates.map((c: { id: string }) => c.id).sort()).toEqual(['u-duoji', 'u-gesang'])

    const route = await env.ok('patrol', 'u-duoji', 'createRoute', { villageId: V, name: '河滨夜巡线' })
    const a = await env.ok('patrol', 'u-duoji', 'saveCheckpoint', {
      routeId: route.id,
      name: '河滨公园',
      location: { lat: 31.618, lng: 99.99 },
    })
    expect(a.checkpoint).toMatchObject({ radiusM: 50, active: true })
    expect(a.checkpoint.id).toMatch(/^cp-[0-9A-Za-z]{10}$/)
    const b = await env.ok('patrol', 'u-duoji', 'saveCheckpoint', {
      routeId: route.id,
      name: '水文站',
      location: { lat: 31.617, lng: 99.991 },
      radiusM: 80,
    })
    expect(b.route.checkpoints.map((c: { name: string }) => c.name)).toEqual(['河滨公园', '水文站'])
    // retiring takes it off the route, keeps it listed
    const c = await env.ok('patrol', 'u-duoji', 'saveCheckpoint', {
      routeId: route.id,
      checkpointId: a.checkpoint.id,
      name: '河滨公园',
      location: { lat: 31.618, lng: 99.99 },
      active: false,
    })
    expect(c.route.checkpoints.map((x: { name: string; active: boolean }) => [x.name, x.active])).toEqual([
      ['水文站', true],
      ['河滨公园', false],
    ])

    const shift = await env.ok('patrol', 'u-duoji', 'saveShift', {
      villageId: V,
      name: '夜巡',
      teamId: PATROL_SEED.teamId,
      routeId: route.id,
      startMinute: 22 * 60,
      durationMinutes: 180,
      weekdays: [5, 6, 5],
    })
    expect(shift).toMatchObject({ time: '22:00–01:00', weekdays: [5, 6] })

    const poster = await env.ok('patrol', 'u-duoji', 'getPoster', { checkpointId: b.checkpoint.id })
    expect(poster.code.length).toBeLessThanOrEqual(32)
    expect(poster.code).toBe(code(b.checkpoint.id))
    expect(poster.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(poster).toMatchObject({ checkpointName: '水文站', routeName: '河滨夜巡线', village: { name: '旭日岭社区' } })
  })

  it('refuses members who are not patrollers of the village, and a shift on an empty route', async () => {
    const bad = await env.call('patrol', 'u-lixiuying', 'saveTeam', {
      villageId: V,
      name: '二队',
      captainId: 'u-duoji',
      memberIds: ['u-zhuoma'],
    })
    expect(bad).toMatchObject({ ok: false, code: 'PATROL.NOT_A_PATROLLER', message: expect.stringContaining('卓玛') })
    const route = await env.ok('patrol', 'u-duoji', 'createRoute', { villageId: V, name: '空路线' })
    expect(
      await env.call('patrol', 'u-duoji', 'saveShift', {
        villageId: V,
        name: '早巡',
        teamId: PATROL_SEED.teamId,
        routeId: route.id,
        startMinute: 480,
        durationMinutes: 60,
      }),
    ).toMatchObject({ ok: false, code: 'PATROL.ROUTE_EMPTY' })
    expect(
      await env.call('patrol', 'u-duoji', 'createRoute', { villageId: '513328100001-G01', name: '网格线' }),
    ).toMatchObject({ ok: false, code: 'PATROL.NOT_A_VILLAGE' })
  })
})

describe('permissions by role', () => {
  // [user, getSetup (patrol_manage), listReviews (checkin_review), getFigures (patrol_figures), myShifts (checkin_create)]
  const table: Array<[string, string, string, string, string]> = [
    ['u-zhuoma', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // resident
    ['u-zhaxi', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // grid worker
    ['u-zeren', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // info collector
    ['u-gesang', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'], // patrol volunteer
    ['u-duoji', 'ok', 'ok', 'ok', 'ok'], // patrol captain
    ['u-lixiuying', 'ok', 'ok', 'ok', 'FORBIDDEN'], // village official
    ['u-chenguilan', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // store keeper
    ['u-zhaozhiqiang', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // org admin
    ['u-zhoumin', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'], // township dispatcher
    ['u-liuyang', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // department handler
    ['u-ciren', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'], // grid worker of another village
    ['u-sunli', 'FORBIDDEN', 'FORBIDDEN', 'OUT_OF_SCOPE', 'FORBIDDEN'], // dispatcher in another county
    ['u-zhangwei', 'ok', 'ok', 'ok', 'ok'], // system admin
  ]
  it.each(table)('%s', async (user, setup, queue, figures, mine) => {
    const outcome = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : (r.code ?? '').replace('COMMON.', ''))
    expect(outcome(await env.call('patrol', user, 'getSetup', { villageId: V }))).toBe(setup)
    expect(outcome(await env.call('patrol', user, 'listReviews', { villageId: V }))).toBe(queue)
    expect(
      outcome(await env.call('patrol', user, 'getFigures', { unitId: V, fromMonth: '2026-03', toMonth: '2026-03' })),
    ).toBe(figures)
    expect(outcome(await env.call('patrol', user, 'myShifts', {}))).toBe(mine)
  })
  it('scopes to the village: a captain of 旭日岭 cannot manage 色西底村', async () => {
    expect(await env.call('patrol', 'u-duoji', 'createRoute', { villageId: '513328101201', name: 'x' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
  })
})

describe('patrolling', () => {
  it('a volunteer patrols the evening shift: start, five check-ins (one out of range, flagged), finish, hours', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const mine = await env.ok('patrol', 'u-gesang', 'myShifts', {})
    const evening = mine.items.find((i: { shift: { id: string } }) => i.shift.id === PATROL_SEED.eveningShiftId)
    expect(evening).toMatchObject({ open: true, patrol: null, window: { day: '2026-03-03' }, coveragePct: 80 })
    // what a phone keeps to start and walk it with no signal: the route's checkpoints by name, in order
    expect(evening.checkpoints).toEqual(CPS.map((c) => ({ id: c.id, name: c.name })))
    const patrol = await start()
    expect(patrol).toMatchObject({ status: 'active', progress: { done: 0, total: 5 }, shiftName: '晚巡' })

    const results: CheckInOutput[] = []
    for (let i = 0; i < 5; i++) {
      env.clock.advance(8 * MIN)
      // at checkpoint 3 the volunteer is 120 m east of it
      const extra = i === 2 ? { position: { lat: CPS[2]!.lat, lng: CPS[2]!.lng + 0.00127 } } : {}
      const r = await checkIn(patrol.id, i, extra)
      if (!r.ok) throw new Error(r.message)
      results.push(r.data)
    }
    expect(results.map((r) => r.checkin.status)).toEqual(['ok', 'ok', 'flagged', 'ok', 'ok'])
    expect(results[2]!.checkin.flags).toEqual([{ code: 'out_of_range', label: '不在点位范围内' }])
    expect(results[2]!.checkin.distanceM).toBeGreaterThan(100)
    expect(results[2]!.progress).toMatchObject({
      done: 3,
      total: 5,
      remaining: [{ name: '县人民医院路口' }, { name: '雅砻江大桥北桥头' }],
    })
    expect(results[4]!.progress.done).toBe(5)
    // the volunteer sees no positions; only reviewers do
    expect(results[0]!.checkin.location).toBeNull()

    env.clock.advance(5 * MIN)
    const done = await env.ok<PatrolView>('patrol', 'u-gesang', 'finishPatrol', { patrolId: patrol.id })
    expect(done).toMatchObject({ status: 'finished', minutes: 45, progress: { done: 5, total: 5 } })
    // the flagged check-in waits for its review: the hours wait with it
    expect(done.credit).toMatchObject({
      status: 'pending',
      reasons: [{ code: 'flagged_pending', label: '有存疑打卡待审核' }],
    })
    expect(await env.rt.db.count(C.patrol_hours, { patrolId: patrol.id })).toBe(0)
    await env.ok('patrol', 'u-duoji', 'reviewCheckin', {
      checkinId: results[2]!.checkin.id,
      decision: 'accept',
      reason: '队长同行，在桥对面打的卡',
    })
    const hours = await env.rt.db.find(C.patrol_hours, { where: { patrolId: patrol.id } })
    expect(hours).toEqual([expect.objectContaining({ userId: 'u-gesang', minutes: 45, day: '2026-03-03' })])
    const vh = await env.rt.db.find(C.volunteer_hours, { where: { userId: 'u-gesang' } })
    expect(vh).toEqual([expect.objectContaining({ minutes: 45, source: 'patrol', sourceKey: `patrol:${patrol.id}` })])
    // finished once
    expect(await env.call('patrol', 'u-gesang', 'finishPatrol', { patrolId: patrol.id })).toMatchObject({
      ok: false,
      code: 'PATROL.PATROL_FINISHED',
    })
    expect(await checkIn(patrol.id, 0)).toMatchObject({ ok: false, code: 'PATROL.PATROL_FINISHED' })
    expect(await env.rt.db.count(C.patrol_hours)).toBe(1)
  })

  it('team members who start the same window join one patrol', async () => {
    env.clock.set(TUE_PM + MIN)
    const [a, b] = await Promise.all([start('u-gesang'), start('u-duoji')])
    expect(a.id).toBe(b.id)
    expect(a.id).toBe(ids.patrol(PATROL_SEED.eveningShiftId, '2026-03-03'))
    const view = await env.ok<PatrolView>('patrol', 'u-duoji', 'getPatrol', { patrolId: a.id })
    expect(view.participants.map((p) => p.name).sort()).toEqual(['多吉', '格桑'].sort())
    await walkAll(a.id)
    await env.ok('patrol', 'u-duoji', 'finishPatrol', { patrolId: a.id })
    expect(await env.rt.db.count(C.patrol_hours, { patrolId: a.id })).toBe(2)
  })

  it('starts only inside the shift window, by the server clock', async () => {
    env.clock.set(TUE_PM - MIN)
    expect(await env.call('patrol', 'u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId })).toMatchObject({
      ok: false,
      code: 'PATROL.NOT_IN_SHIFT',
      message: '现在不在这个班次的巡逻时间内',
    })
    env.clock.set(TUE_PM + 120 * MIN)
    expect(await env.call('patrol', 'u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId })).toMatchObject({
      ok: false,
      code: 'PATROL.NOT_IN_SHIFT',
    })
    env.clock.set(TUE_PM)
    expect((await start()).status).toBe('active')
  })

  it('cannot finish with no check-in', async () => {
    env.clock.set(TUE_PM)
    const p = await start()
    expect(await env.call('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id })).toMatchObject({
      ok: false,
      code: 'PATROL.NO_CHECKINS',
    })
  })
})

describe("a start made with no signal counts at the phone's time, within honest bounds", () => {
  const startAt = (deviceAt: number, requestId?: string, user = 'u-gesang') =>
    env.call<PatrolView>('patrol', user, 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId, deviceAt }, requestId)
  const month = () => env.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))

  it('tapped in the window, sent after it closed: accepted at the tap; its check-ins follow; a replay is the same patrol', async () => {
    const tapped = TUE_PM + 5 * MIN
    env.clock.set(TUE_PM + 3 * 60 * MIN) // 23:00: the window (20:00–22:00) closed an hour ago
    const requestId = rid('start')
    const r = await startAt(tapped, requestId)
    expect(r).toMatchObject({
      ok: true,
      data: { id: ids.patrol(PATROL_SEED.eveningShiftId, '2026-03-03'), status: 'active', startedAt: tapped },
    })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.startReceivedAt).toBe(TUE_PM + 3 * 60 * MIN)
    // both times are kept on the patrol
    expect(await env.rt.db.get(C.patrols, r.data.id)).toMatchObject({
      startedAt: tapped,
      startReceivedAt: TUE_PM + 3 * 60 * MIN,
      windowStart: TUE_PM,
    })
    // the check-ins scanned after it, sent with it, count at their own times: on time, not outside the shift
    for (const i of [0, 1]) {
      const ci = await checkIn(r.data.id, i, { deviceAt: tapped + (i + 1) * 15 * MIN })
      expect(ci).toMatchObject({ ok: true, data: { checkin: { status: 'ok', late: true, flags: [] } } })
    }
    // the start sent again (a lost reply) is answered as the first time, and nothing is written twice
    const again = await startAt(tapped, requestId)
    expect(again).toMatchObject({ ok: true, data: { id: r.data.id, startedAt: tapped, progress: { done: 2 } } })
    expect(await env.rt.db.count(C.patrols)).toBe(1)
    expect(await month()).toMatchObject({ patrolsStarted: 1, checkins: 2 })
    // the same request id with another time is another request: refused
    expect(await startAt(tapped + MIN, requestId)).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED' })
  })

  it('tapped in the window and sent while it is open: the patrol and its minutes count from the tap', async () => {
    const tapped = TUE_PM + 5 * MIN
    env.clock.set(TUE_PM + 40 * MIN)
    const p = await env.ok<PatrolView>('patrol', 'u-gesang', 'startPatrol', {
      shiftId: PATROL_SEED.eveningShiftId,
      deviceAt: tapped,
    })
    expect(p).toMatchObject({ startedAt: tapped, startReceivedAt: TUE_PM + 40 * MIN })
    await walkAll(p.id) // five check-ins ten minutes apart: 21:30
    const done = await env.ok<PatrolView>('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id })
    expect(done.minutes).toBe(85) // 20:05 → 21:30, not 20:40 → 21:30
    expect(await env.rt.db.get(C.patrol_hours, ids.hours(p.id, 'u-gesang'))).toMatchObject({ minutes: 85 })
    // a teammate starting the same window later joins it; its start stays the first one
    expect(
      await env.call('patrol', 'u-duoji', 'startPatrol', {
        shiftId: PATROL_SEED.eveningShiftId,
        deviceAt: tapped + MIN,
      }),
    ).toMatchObject({ ok: false, code: 'PATROL.PATROL_FINISHED' })
  })

  it('a finish made with no signal counts at the tap: the minutes end there, never before the last check-in; a phone ahead is refused', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await env.ok<PatrolView>('patrol', 'u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId })
    await walkAll(p.id) // five check-ins ten minutes apart: the last at 20:55
    const lastCheckin = env.clock.now()
    const tapped = lastCheckin + 5 * MIN // 结束 tapped at 21:00 with no signal …
    env.clock.set(TUE_PM + 3 * 60 * MIN) // … and sent at 23:00
    const finish = (deviceAt: number, requestId = rid('finish')) =>
      env.call<PatrolView>('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id, deviceAt }, requestId)
    // a phone clock ahead of the server's is refused, and the patrol is still running
    expect(await finish(env.clock.now() + 10 * MIN)).toMatchObject({
      ok: false,
      code: 'PATROL.FINISH_IN_FUTURE',
      message: '手机时间比现在快，结束时间不能在将来：请把手机时间调准后再结束',
    })
    expect(await env.rt.db.get(C.patrols, p.id)).toMatchObject({ status: 'active', finishedAt: null, minutes: null })
    const requestId = rid('finish')
    const done = await finish(tapped, requestId)
    expect(done).toMatchObject({ ok: true, data: { status: 'finished', minutes: 55 } }) // 20:05 → 21:00, not 23:00
    expect(await env.rt.db.get(C.patrols, p.id)).toMatchObject({
      finishedAt: tapped,
      finishReceivedAt: TUE_PM + 3 * 60 * MIN,
      minutes: 55,
    })
    expect(await env.rt.db.get(C.patrol_hours, ids.hours(p.id, 'u-gesang'))).toMatchObject({ minutes: 55 })
    // sent again (a lost reply): the same answer, nothing written twice
    expect(await finish(tapped, requestId)).toMatchObject({ ok: true, data: { minutes: 55 } })
  })

  it('a finish whose phone time is before the last check-in ends at that check-in', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await env.ok<PatrolView>('patrol', 'u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId })
    await walkAll(p.id)
    const r = await env.ok<PatrolView>('patrol', 'u-gesang', 'finishPatrol', {
      patrolId: p.id,
      deviceAt: TUE_PM - 60 * MIN, // a phone set back to before the start
    })
    expect(r.minutes).toBe(50) // 20:05 → the last check-in at 20:55
  })

  it('a phone time ahead of the server, in no window, or sent more than a day after its window is refused and changes nothing', async () => {
    env.clock.set(TUE_PM + 30 * MIN)
    const now = env.clock.now()
    expect(await startAt(now + 10 * MIN)).toMatchObject({
      ok: false,
      code: 'PATROL.START_IN_FUTURE',
      message: '手机时间比现在快，开始时间不能在将来：请把手机时间调准后再开始',
    })
    // Sunday 20:05: a window that ended 46 hours ago
    expect(await startAt(TUE_PM - 2 * 24 * 60 * MIN + 5 * MIN)).toMatchObject({
      ok: false,
      code: 'PATROL.START_TOO_OLD',
      message: '这个班次结束已超过 24 小时，离线记下的开始不能再补传',
    })
    // 19:00, before the shift
    expect(await startAt(TUE_PM - 60 * MIN)).toMatchObject({
      ok: false,
      code: 'PATROL.START_OUTSIDE_SHIFT',
      message: '手机记下的开始时间不在这个班次的巡逻时间内',
    })
    // sent at once outside the shift: told it is not shift time now
    env.clock.set(TUE_PM - 30 * MIN)
    expect(await startAt(env.clock.now())).toMatchObject({ ok: false, code: 'PATROL.NOT_IN_SHIFT' })
    expect(await env.rt.db.count(C.patrols)).toBe(0)
    expect(await month()).toBeNull()
    // just inside the day: Monday's window (20:00–22:00) ended 23 hours before this arrives
    env.clock.set(TUE_PM + 21 * MIN)
    const monday = await startAt(TUE_PM - 24 * 60 * MIN + 10 * MIN)
    expect(monday).toMatchObject({
      ok: true,
      data: { day: '2026-03-02', startedAt: TUE_PM - 24 * 60 * MIN + 10 * MIN },
    })
    // a phone a minute ahead (within the skew) counts at the server's time, never later than it arrived
    const ahead = await startAt(env.clock.now() + MIN)
    expect(ahead).toMatchObject({ ok: true, data: { day: '2026-03-03', startedAt: env.clock.now() } })
  })

  it('is refused in Tibetan too', async () => {
    env.clock.set(TUE_PM)
    expect(
      await env.call(
        'patrol',
        'u-gesang',
        'startPatrol',
        { shiftId: PATROL_SEED.eveningShiftId, deviceAt: TUE_PM + 30 * MIN },
        undefined,
        { lang: 'bo' },
      ),
    ).toMatchObject({ ok: false, code: 'PATROL.START_IN_FUTURE', message: expect.stringContaining('ཁ་པར་གྱི་དུས་ཚོད') })
  })
})

describe('hard checks reject with a clear message', () => {
  let patrolId: string
  beforeEach(async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    patrolId = (await start()).id
  })

  it('a forged, garbled or unknown code', async () => {
    const good = code(CPS[0]!.id)
    const forged = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`
    for (const bad of [forged, 'hello', 'p1-XRL0000009-AAAAAAAAAAAA', code('cp-XRL0000001', '513328101201')]) {
      expect(await checkIn(patrolId, 0, { code: bad })).toMatchObject({
        ok: false,
        code: 'PATROL.BAD_CODE',
        message: expect.stringContaining('点位码无效'),
      })
    }
    expect(await env.rt.db.count(C.patrol_checkins)).toBe(0)
  })

  it('a genuine code copied from another village', async () => {
    const route = await env.ok('patrol', 'u-zhangwei', 'createRoute', {
      villageId: '513328101201',
      name: '色西底巡逻线',
    })
    const cp = await env.ok('patrol', 'u-zhangwei', 'saveCheckpoint', {
      routeId: route.id,
      name: '村委会',
      location: { lat: 31.7, lng: 99.8 },
    })
    const poster = await env.ok('patrol', 'u-zhangwei', 'getPoster', { checkpointId: cp.checkpoint.id })
    expect(await checkIn(patrolId, 0, { code: poster.code })).toMatchObject({ ok: false, code: 'PATROL.WRONG_VILLAGE' })
  })

  it('a checkpoint of another route, and someone outside the team', async () => {
    const route = await env.ok('patrol', 'u-duoji', 'createRoute', { villageId: V, name: '另一条线' })
    const cp = await env.ok('patrol', 'u-duoji', 'saveCheckpoint', {
      routeId: route.id,
      name: '学校',
      location: { lat: 31.62, lng: 99.99 },
    })
    expect(await checkIn(patrolId, 0, { code: code(cp.checkpoint.id) })).toMatchObject({
      ok: false,
      code: 'PATROL.NOT_ON_ROUTE',
    })
    await env.ok('patrol', 'u-duoji', 'saveTeam', {
      villageId: V,
      teamId: PATROL_SEED.teamId,
      name: '旭日岭红袖套巡逻队',
      captainId: 'u-duoji',
      memberIds: [],
    })
    expect(await checkIn(patrolId, 0)).toMatchObject({ ok: false, code: 'PATROL.NOT_IN_TEAM' })
    // a resident has no check-in permission at all
    expect(await checkIn(patrolId, 0, {}, 'u-zhuoma')).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
  })
})

describe('soft checks flag for review with the reason', () => {
  let patrolId: string
  beforeEach(async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    patrolId = (await start()).id
  })
  const flagsOf = async (i: number, extra: Record<string, unknown>) => {
    const r = await checkIn(patrolId, i, extra)
    if (!r.ok) throw new Error(r.message)
    return r.data.checkin.flags.map((f) => f.code)
  }

  it('poor accuracy', async () => {
    expect(await flagsOf(0, { accuracyM: 120 })).toEqual(['poor_accuracy'])
  })
  it('faster than walking between consecutive check-ins', async () => {
    expect(await flagsOf(0, {})).toEqual([])
    env.clock.advance(30_000) // 0→1 is ~400 m: 30 s is a car
    expect(await flagsOf(1, {})).toEqual(['too_fast'])
    env.clock.advance(15 * MIN)
    expect(await flagsOf(2, {})).toEqual([])
  })
  it('faster than walking, the earlier check-in listed by a patrol written before the list kept places (issue #21)', async () => {
    expect(await flagsOf(0, {})).toEqual([])
    const p = (await env.rt.db.get(C.patrols, patrolId))!
    expect(p.done[0]).toMatchObject({ lat: CPS[0]!.lat, lng: CPS[0]!.lng })
    // the old shape: the entry without its place, so the check reads the check-in itself
    await env.rt.db.transaction((tx) =>
      tx.update(C.patrols, patrolId, {
        done: p.done.map((d) => ({ checkpointId: d.checkpointId, checkinId: d.checkinId, at: d.at })),
      }),
    )
    env.clock.advance(30_000)
    expect(await flagsOf(1, {})).toEqual(['too_fast'])
    env.clock.advance(15 * MIN)
    expect(await flagsOf(2, {})).toEqual([])
  })
  it('a device clock far ahead of the server', async () => {
    expect(await flagsOf(0, { deviceAt: env.clock.now() + 30 * MIN })).toEqual(['device_time_future'])
  })
  it('late offline check-ins keep their device time when plausible', async () => {
    const scannedAt = env.clock.now()
    env.clock.advance(5 * 3_600_000) // synced five hours later, after the window closed
    const r = await checkIn(patrolId, 0, { deviceAt: scannedAt })
    expect(r).toMatchObject({ ok: true, data: { checkin: { status: 'ok', late: true, at: scannedAt, flags: [] } } })
    // an older device time than one already stored in this patrol is not monotonic
    expect(await flagsOf(1, { deviceAt: scannedAt - 60_000 })).toEqual(expect.arrayContaining(['not_monotonic']))
  })
  it('older than 24 hours, or outside the shift', async () => {
    const scannedAt = env.clock.now()
    env.clock.advance(25 * 3_600_000)
    expect(await flagsOf(0, { deviceAt: scannedAt })).toEqual(['too_late'])
    expect(await flagsOf(1, { deviceAt: TUE_PM + 3 * 3_600_000 })).toEqual(['outside_shift'])
  })
})

describe('one check-in per patrol and checkpoint', () => {
  it('sent five times, or at once, it is stored once', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    const sends = await Promise.all([0, 1, 2, 3, 4].map(() => checkIn(p.id, 0)))
    expect(sends.every((s) => s.ok)).toBe(true)
    expect(sends.filter((s) => s.ok && !s.data.repeat)).toHaveLength(1)
    const requestId = rid('same')
    const a = await checkIn(p.id, 1, {}, 'u-gesang', requestId)
    const b = await checkIn(p.id, 1, {}, 'u-gesang', requestId)
    expect(b).toEqual(a)
    expect(await env.rt.db.count(C.patrol_checkins)).toBe(2)
    const view = await env.ok<PatrolView>('patrol', 'u-gesang', 'getPatrol', { patrolId: p.id })
    expect(view.progress.done).toBe(2)
    const stat = await env.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))
    expect(stat).toMatchObject({ checkins: 2, patrolsStarted: 1, checkpointsPlanned: 5 })
  })

  it('a patrol begun under the older hashed check-in ids keeps them: sent again, still stored once', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    const first = await checkIn(p.id, 0)
    if (!first.ok) throw new Error(first.message)
    expect(first.data.checkin.id).toMatch(/^ci_[0-9a-z]{25}$/)
    // as written before the change: the same check-in under stableId('ci', patrol, checkpoint)
    const stored = (await env.rt.db.get(C.patrol_checkins, first.data.checkin.id))!
    const legacy = stableId('ci', p.id, CPS[0]!.id)
    const patrol = (await env.rt.db.get(C.patrols, p.id))!
    await env.rt.db.transaction(async (tx) => {
      await tx.remove(C.patrol_checkins, stored._id)
      await tx.insert(C.patrol_checkins, { ...stored, _id: legacy })
      await tx.update(C.patrols, p.id, { done: patrol.done.map((d) => ({ ...d, checkinId: legacy })) })
    })
    const again = await checkIn(p.id, 0)
    expect(again).toMatchObject({ ok: true, data: { repeat: true, checkin: { id: legacy } } })
    env.clock.advance(10 * MIN)
    const second = await checkIn(p.id, 1)
    expect(second.ok && second.data.checkin.id).toBe(stableId('ci', p.id, CPS[1]!.id))
    expect(await checkIn(p.id, 1)).toMatchObject({ ok: true, data: { repeat: true } })
    expect(await env.rt.db.count(C.patrol_checkins, { patrolId: p.id })).toBe(2)
  })
})

describe('review', () => {
  it('reviewers see flagged check-ins with positions, decide once with a reason, and every decision is logged', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    await checkIn(p.id, 0)
    env.clock.advance(10 * MIN)
    await checkIn(p.id, 1, { accuracyM: 90 })
    env.clock.advance(10 * MIN)
    await checkIn(p.id, 2, { position: { lat: 31.63, lng: 99.99 } })
    const queue = await env.ok('patrol', 'u-duoji', 'listReviews', { villageId: V })
    expect(queue.total).toBe(2)
    expect(queue.items[0]).toMatchObject({
      checkpointName: '农贸市场北门',
      by: '格桑',
      location: { lat: CPS[1]!.lat },
      teamName: '旭日岭红袖套巡逻队',
    })
    expect(
      await env.call('patrol', 'u-gesang', 'reviewCheckin', {
        checkinId: queue.items[0].id,
        decision: 'accept',
        reason: '信号差',
      }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(
      await env.ok('patrol', 'u-duoji', 'reviewCheckin', {
        checkinId: queue.items[0].id,
        decision: 'accept',
        reason: '市场里信号差，队长同行',
      }),
    ).toEqual({ checkinId: queue.items[0].id, status: 'accepted', statusLabel: '审核通过' })
    expect(
      await env.call('patrol', 'u-lixiuying', 'reviewCheckin', {
        checkinId: queue.items[0].id,
        decision: 'reject',
        reason: '重复审核',
      }),
    ).toMatchObject({ ok: false, code: 'PATROL.ALREADY_REVIEWED' })
    env.clock.advance(MIN)
    const rejected = await env.ok('patrol', 'u-lixiuying', 'reviewCheckin', {
      checkinId: queue.items[1].id,
      decision: 'reject',
      reason: '离点位一公里',
    })
    expect(rejected.status).toBe('rejected')
    const ok = ids.checkin((await env.rt.db.get(C.patrols, p.id))!, CPS[0]!.id)
    expect(
      await env.call('patrol', 'u-duoji', 'reviewCheckin', { checkinId: ok, decision: 'reject', reason: '看看' }),
    ).toMatchObject({ ok: false, code: 'PATROL.NOT_FLAGGED' })
    expect((await env.ok('patrol', 'u-duoji', 'listReviews', { villageId: V })).total).toBe(0)
    const log = await env.rt.db.find(C.patrol_reviews, { where: { villageId: V }, orderBy: [['at', 'asc']] })
    expect(log.map((r) => [r.decision, r.by, r.reason])).toEqual([
      ['accept', 'u-duoji', '市场里信号差，队长同行'],
      ['reject', 'u-lixiuying', '离点位一公里'],
    ])
    expect(await env.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))).toMatchObject({
      checkins: 3,
      flagged: 2,
      accepted: 1,
      rejected: 1,
    })
  })

  it('positions are for the captain and officials of the village only', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    await checkIn(p.id, 0)
    const loc = async (user: string) => {
      const r = await env.call<PatrolView>('patrol', user, 'getPatrol', { patrolId: p.id })
      return r.ok ? r.data.checkins[0]!.location : r.code
    }
    expect(await loc('u-gesang')).toBeNull()
    expect(await loc('u-duoji')).toEqual({ lat: CPS[0]!.lat, lng: CPS[0]!.lng })
    expect(await loc('u-lixiuying')).toEqual({ lat: CPS[0]!.lat, lng: CPS[0]!.lng })
    expect(await loc('u-zhoumin')).toBeNull() // township dispatcher sees figures, not positions
    expect(await loc('u-zhuoma')).toBe('COMMON.FORBIDDEN')
  })
})

describe('hazards', () => {
  it('a hazard reported on patrol becomes a grid report linked to the patrol, once per request', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    expect(p.grids.map((g) => g.id).sort()).toEqual(['513328100001-G01', '513328100001-G02', '513328100001-G03'])
    const requestId = rid('hz')
    const input = {
      patrolId: p.id,
      text: '大桥北桥头护栏松动',
      position: { lat: CPS[4]!.lat, lng: CPS[4]!.lng },
      gridId: '513328100001-G02',
    }
    const h = await env.ok('patrol', 'u-gesang', 'reportHazard', input, requestId)
    expect(await env.ok('patrol', 'u-gesang', 'reportHazard', input, requestId)).toEqual(h)
    expect(h.incidentId).toEqual(expect.any(String))
    const view = await env.ok<PatrolView>('patrol', 'u-gesang', 'getPatrol', { patrolId: p.id })
    expect(view.hazards).toEqual([
      expect.objectContaining({ id: h.id, text: '大桥北桥头护栏松动', incidentId: h.incidentId }),
    ])
    const incident = await env.rt.db.get(C.incidents, h.incidentId)
    expect(incident).toMatchObject({
      source: 'patrol',
      category: 'hazard',
      gridId: '513328100001-G02',
      reporterId: 'u-gesang',
      description: '大桥北桥头护栏松动',
      location: { lat: CPS[4]!.lat, lng: CPS[4]!.lng },
    })
    expect(await env.rt.db.count(C.incidents, { source: 'patrol' })).toBe(1)
    // without a fix it is placed at the last checkpoint; unsafe text is refused like any report
    const noFix = await env.ok('patrol', 'u-gesang', 'reportHazard', { patrolId: p.id, text: '路灯不亮' })
    expect(await env.rt.db.get(C.incidents, noFix.incidentId)).toMatchObject({
      location: { lat: CPS[0]!.lat },
      gridId: '513328100001-G01',
    })
    expect(
      await env.call('patrol', 'u-gesang', 'reportHazard', { patrolId: p.id, text: '有人卖冰毒出售' }),
    ).toMatchObject({ ok: false, code: 'COMMON.CONTENT_UNSAFE' })
  })
})

describe('points', () => {
  it('a finished patrol earns the village PATROL_DUTY points for each member household, once', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await start('u-duoji')
    await walkAll(p.id)
    await env.ok('patrol', 'u-duoji', 'finishPatrol', { patrolId: p.id })
    const keys = { $in: [`patrol:${p.id}:u-gesang`, `patrol:${p.id}:u-duoji`] }
    const entries = await env.rt.db.find(C.points_ledger, { where: { sourceId: keys } })
    expect(entries.map((e) => [e.householdId, e.ruleCode, e.delta]).sort()).toEqual([
      ['hh-513328100001-G03-01', 'PATROL_DUTY', 3],
      ['hh-513328100001-G03-03', 'PATROL_DUTY', 3],
    ])
    expect(await env.call('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id })).toMatchObject({
      ok: false,
      code: 'PATROL.PATROL_FINISHED',
    })
    expect(await env.rt.db.count(C.points_ledger, { sourceId: keys })).toBe(2)
  })
})

describe('missed shifts and checkpoints, figures', () => {
  it('lists windows nobody finished and checkpoints skipped; figures count planned vs done from counters', async () => {
    // Tuesday evening: patrol skipping two checkpoints. Wednesday: nobody patrols.
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await walkAll(p.id, [3, 4])
    await env.ok('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id })
    env.clock.set(bjDayStart('2026-03-05') + 7 * 60 * MIN) // Thursday 07:00
    const missed = await env.ok('patrol', 'u-duoji', 'listMissed', { villageId: V, days: 7 })
    // seeded at Monday 10:00: Monday 20:00, Tuesday 08:00, Wednesday 08:00 and 20:00 were never walked
    expect(missed.shifts.map((s: { day: string; shiftName: string }) => `${s.day} ${s.shiftName}`)).toEqual([
      '2026-03-04 晚巡',
      '2026-03-04 早巡',
      '2026-03-03 早巡',
      '2026-03-02 晚巡',
    ])
    expect(missed.checkpoints).toEqual([
      expect.objectContaining({
        patrolId: p.id,
        missed: [
          { id: CPS[3]!.id, name: '县人民医院路口' },
          { id: CPS[4]!.id, name: '雅砻江大桥北桥头' },
        ],
      }),
    ])

    const village = await env.ok('patrol', 'u-lixiuying', 'getFigures', {
      unitId: V,
      fromMonth: '2026-03',
      toMonth: '2026-03',
    })
    expect(village.total).toMatchObject({ planned: 5, done: 1, doneRate: 0.2, coverage: 0.6, flaggedRate: 0 })
    // 3 of 5 checkpoints is short of the village's 80 %: the patrol earned no hours, and the figures say why
    expect(village.total).toMatchObject({ hours: 0, credited: 0, uncredited: 1, lowCoverage: 1, creditPending: 0 })
    expect(village.ranked).toEqual([expect.objectContaining({ rank: 1, name: '旭日岭红袖套巡逻队', done: 1 })])
    const township = await env.ok('patrol', 'u-zhoumin', 'getFigures', {
      unitId: '513328100',
      fromMonth: '2026-03',
      toMonth: '2026-03',
    })
    expect(township.ranked.map((r: { name: string; done: number }) => [r.name, r.done])).toEqual([['旭日岭社区', 1]])
    const county = await env.ok('patrol', 'u-zhangwei', 'getFigures', {
      unitId: '513328',
      fromMonth: '2026-01',
      toMonth: '2026-03',
    })
    expect(county.ranked.map((r: { name: string }) => r.name).sort()).toEqual(['旭日岭社区', '色西底村'].sort())
    expect(county.total.done).toBe(1)
    expect(
      await env.call('patrol', 'u-zhoumin', 'getFigures', {
        unitId: '513328100',
        fromMonth: '2026-04',
        toMonth: '2026-03',
      }),
    ).toMatchObject({ ok: false, code: 'PATROL.BAD_PERIOD' })
  })
})

describe('replays', () => {
  it('a write retried after the patrol moved on gets its first result; a fresh one is refused', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const startId = rid('start')
    const started = await env.ok<PatrolView>(
      'patrol',
      'u-gesang',
      'startPatrol',
      { shiftId: PATROL_SEED.eveningShiftId },
      startId,
    )
    env.clock.advance(10 * MIN)
    const checkInId = rid('ci')
    const scan = { deviceAt: env.clock.now() }
    const first = await checkIn(started.id, 0, scan, 'u-gesang', checkInId)
    const hazardId = rid('hz')
    const hazardInput = { patrolId: started.id, text: '服务中心门口井盖缺失' }
    const hazard = await env.ok('patrol', 'u-gesang', 'reportHazard', hazardInput, hazardId)
    env.clock.advance(10 * MIN)
    const flagged = await checkIn(started.id, 1, { accuracyM: 90 })
    if (!first.ok || !flagged.ok) throw new Error('check-in failed')
    const reviewId = rid('rv')
    const reviewInput = { checkinId: flagged.data.checkin.id, decision: 'accept', reason: '信号差，队长同行' }
    const reviewed = await env.ok('patrol', 'u-duoji', 'reviewCheckin', reviewInput, reviewId)
    for (const i of [2, 3]) {
      env.clock.advance(10 * MIN)
      expect(await checkIn(started.id, i)).toMatchObject({ ok: true })
    }
    env.clock.advance(5 * MIN)
    const finishId = rid('finish')
    const finished = await env.ok<PatrolView>('patrol', 'u-gesang', 'finishPatrol', { patrolId: started.id }, finishId)
    expect(finished.credit).toMatchObject({ status: 'credited', counted: 4, total: 5 })

    // the same steps as new requests are refused now
    const refused = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)
    expect(refused(await env.call('patrol', 'u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId }))).toBe(
      'PATROL.PATROL_FINISHED',
    )
    expect(refused(await checkIn(started.id, 0))).toBe('PATROL.PATROL_FINISHED')
    expect(refused(await env.call('patrol', 'u-gesang', 'reportHazard', hazardInput))).toBe('PATROL.PATROL_FINISHED')
    expect(refused(await env.call('patrol', 'u-lixiuying', 'reviewCheckin', reviewInput))).toBe(
      'PATROL.ALREADY_REVIEWED',
    )
    expect(refused(await env.call('patrol', 'u-gesang', 'finishPatrol', { patrolId: started.id }))).toBe(
      'PATROL.PATROL_FINISHED',
    )

    // retried with their request ids they succeed, presented afresh from what they stored
    const restarted = await env.call<PatrolView>(
      'patrol',
      'u-gesang',
      'startPatrol',
      { shiftId: PATROL_SEED.eveningShiftId },
      startId,
    )
    expect(restarted).toMatchObject({ ok: true, data: { id: started.id, status: 'finished' } })
    const again = await checkIn(started.id, 0, scan, 'u-gesang', checkInId)
    expect(again).toMatchObject({ ok: true, data: { checkin: first.data.checkin, repeat: false } })
    expect(await env.ok('patrol', 'u-gesang', 'reportHazard', hazardInput, hazardId)).toEqual(hazard)
    expect(await env.ok('patrol', 'u-duoji', 'reviewCheckin', reviewInput, reviewId)).toEqual(reviewed)
    expect(await env.ok('patrol', 'u-gesang', 'finishPatrol', { patrolId: started.id }, finishId)).toEqual(finished)
    // even once the volunteer has left the team (a fresh finish would be NOT_IN_TEAM)
    await env.ok('patrol', 'u-duoji', 'saveTeam', {
      villageId: V,
      teamId: PATROL_SEED.teamId,
      name: '旭日岭红袖套巡逻队',
      captainId: 'u-duoji',
      memberIds: [],
    })
    expect(await env.ok('patrol', 'u-gesang', 'finishPatrol', { patrolId: started.id }, finishId)).toEqual(finished)

    // and nothing was written twice
    expect(await env.rt.db.count(C.patrol_checkins, { patrolId: started.id })).toBe(4)
    expect(await env.rt.db.count(C.patrol_hazards, { patrolId: started.id })).toBe(1)
    expect(await env.rt.db.count(C.patrol_reviews, { villageId: V })).toBe(1)
    expect(await env.rt.db.count(C.patrol_hours, { patrolId: started.id })).toBe(1)
    expect(await env.rt.db.count(C.volunteer_hours, { sourceKey: `patrol:${started.id}` })).toBe(1)
    expect(await env.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))).toMatchObject({
      patrolsStarted: 1,
      patrolsDone: 1,
      checkins: 4,
      flagged: 1,
      accepted: 1,
      credited: 1,
    })
  })

  it('a request id reused with another input or another action is refused, and nothing is written', async () => {
    env.clock.set(TUE_PM + 10 * MIN)
    const p = await start()
    const checkInId = rid('ci')
    expect(await checkIn(p.id, 0, {}, 'u-gesang', checkInId)).toMatchObject({ ok: true })
    env.clock.advance(10 * MIN)
    const flagged = await checkIn(p.id, 1, { accuracyM: 90 })
    if (!flagged.ok) throw new Error(flagged.message)
    const reviewId = rid('rv')
    const review = { checkinId: flagged.data.checkin.id, decision: 'accept', reason: '信号差' }
    await env.ok('patrol', 'u-duoji', 'reviewCheckin', review, reviewId)
    const finishId = rid('finish')
    await env.ok('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id }, finishId)

    const reused = { ok: false, code: 'COMMON.REQUEST_ID_REUSED' }
    // another checkpoint under the first check-in's id; the same id for another action
    expect(await checkIn(p.id, 2, {}, 'u-gesang', checkInId)).toMatchObject(reused)
    expect(await env.call('patrol', 'u-gesang', 'finishPatrol', { patrolId: p.id }, checkInId)).toMatchObject(reused)
    expect(
      await env.call('patrol', 'u-duoji', 'reviewCheckin', { ...review, decision: 'reject' }, reviewId),
    ).toMatchObject(reused)
    expect(
      await env.call('patrol', 'u-gesang', 'reportHazard', { patrolId: p.id, text: '路灯不亮' }, finishId),
    ).toMatchObject(reused)
    expect(await env.rt.db.count(C.patrol_checkins, { patrolId: p.id })).toBe(2)
    expect(await env.rt.db.count(C.patrol_hazards, { patrolId: p.id })).toBe(0)
    expect((await env.rt.db.get(C.patrol_checkins, flagged.data.checkin.id))?.status).toBe('accepted')
  })
})
