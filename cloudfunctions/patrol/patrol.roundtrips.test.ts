import type { CheckInOutput, FigureRow, PatrolCounter, PatrolView } from '@shared/patrol/patrol.schema'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { CPS, MIN, TUE_PM, V, patrolDriver } from '../../tests/support/patrol'
import { C } from '../_core/collections'
import { CONFIG_TTL_MS, ids } from './patrol.repo'

/**
 * Issue #21's patrol round: a check-in writes only its team's monthly counter (the figures above a team sum the
 * teams' counters), and a warm instance keeps the checkpoints it read for a minute (configuration only).
 */
let env: TestEnv
beforeEach(async () => {
  env = await testEnv({ now: TUE_PM })
})
afterEach(() => env.close())
const { patrol, start, checkIn, walkAll } = patrolDriver(() => env)
const TOWNSHIP = '513328100'
const COUNTY = '513328'

const figures = (user: string, unitId: string) =>
  patrol.ok(user, 'getFigures', { unitId, fromMonth: '2026-03', toMonth: '2026-03' }) as Promise<{
    total: FigureRow
    ranked: Array<FigureRow & { rank: number }>
  }>

describe('the figures from the teams’ counters only', () => {
  it('village, township and county say the same of one patrol, and each check-in is counted once', async () => {
    const p = await start()
    await walkAll(p.id, [4]) // 4 of 5
    await patrol.ok('u-gesang', 'finishPatrol', { patrolId: p.id })
    const team = (await env.rt.db.get(
      C.patrol_counters,
      ids.counter('team', PATROL_SEED.teamId, '2026-03'),
    )) as PatrolCounter
    expect(team).toMatchObject({ checkins: 4, flagged: 0, patrolsStarted: 1, patrolsDone: 1, checkpointsPlanned: 5 })
    // nothing is written for the village itself any more
    expect(await env.rt.db.get(C.patrol_counters, ids.counter('village', V, '2026-03'))).toBeNull()

    const village = await figures('u-lixiuying', V)
    const township = await figures('u-zhoumin', TOWNSHIP)
    const county = await figures('u-zhangwei', COUNTY)
    const sameOf = (r: FigureRow) => ({ done: r.done, coverage: r.coverage, hours: r.hours, credited: r.credited })
    expect(sameOf(village.total)).toEqual({
      done: 1,
      coverage: 0.8,
      hours: Math.round((team.minutes / 60) * 10) / 10,
      credited: 1,
    })
    expect(sameOf(township.ranked.find((r) => r.id === V)!)).toEqual(sameOf(village.total))
    expect(sameOf(county.ranked.find((r) => r.id === V)!)).toEqual(sameOf(village.total))
    expect(sameOf(township.total)).toEqual(sameOf(village.total))
  })

  it('a township sums its village’s teams; a village counter written before the change is not counted again', async () => {
    const p = await start()
    await walkAll(p.id, [3, 4]) // 3 check-ins
    const mine = (await env.rt.db.get(
      C.patrol_counters,
      ids.counter('team', PATROL_SEED.teamId, '2026-03'),
    )) as PatrolCounter
    // a second team of the village, its counter as its check-ins would have left it; and the village's old counter
    // (written beside the teams' before issue #21) with the sum of both: it must not be added to them
    const other: PatrolCounter = { ...mine, _id: ids.counter('team', 'tm-second', '2026-03'), unitId: 'tm-second' }
    const oldVillage: PatrolCounter = {
      ...mine,
      _id: ids.counter('village', V, '2026-03'),
      kind: 'village',
      unitId: V,
      checkins: mine.checkins * 2,
      checkpointsPlanned: mine.checkpointsPlanned * 2,
      patrolsStarted: 2,
    }
    await env.rt.db.transaction(async (tx) => {
      await tx.insert(C.patrol_counters, other)
      await tx.insert(C.patrol_counters, oldVillage)
    })
    const township = await figures('u-zhoumin', TOWNSHIP)
    const row = township.ranked.find((r) => r.id === V)!
    // (3 + 3) counted of (5 + 5) planned
    expect(row.coverage).toBe(0.6)
    expect(township.total.coverage).toBe(0.6)
    const county = await figures('u-zhangwei', COUNTY)
    expect(county.ranked.find((r) => r.id === V)!.coverage).toBe(0.6)
  })
})

describe('checkpoints kept by a warm instance for a minute', () => {
  const last = (r: { ok: boolean; data?: unknown }) => (r as { data: CheckInOutput }).data
  const nameOfLast = (out: CheckInOutput) => out.progress.remaining.find((c) => c.id === CPS[4]!.id)?.name

  it('a change made elsewhere is seen once the minute is up; one made here at once', async () => {
    const p = await start()
    const first = last(await checkIn(p.id, 0))
    expect(nameOfLast(first)).toBe(CPS[4]!.name)
    // another instance renames the last checkpoint (its saveCheckpoint: straight to the store here)
    await env.rt.db.transaction((tx) => tx.update(C.patrol_checkpoints, CPS[4]!.id, { name: '大桥北头' }))
    env.clock.advance(CONFIG_TTL_MS / 2)
    expect(nameOfLast(last(await checkIn(p.id, 1)))).toBe(CPS[4]!.name) // still the kept one
    env.clock.advance(CONFIG_TTL_MS / 2 + 1)
    expect(nameOfLast(last(await checkIn(p.id, 2)))).toBe('大桥北头') // read again

    // this instance's own change is seen at once
    const cp = CPS[4]!
    await patrol.ok('u-duoji', 'saveCheckpoint', {
      routeId: PATROL_SEED.routeId,
      checkpointId: cp.id,
      name: '雅砻江大桥',
      location: { lat: cp.lat, lng: cp.lng, datum: 'gcj02' },
      radiusM: 50,
      active: true,
    })
    env.clock.advance(MIN)
    expect(nameOfLast(last(await checkIn(p.id, 3)))).toBe('雅砻江大桥')
  })

  const saveTeam = (memberIds: string[]) =>
    patrol.ok('u-duoji', 'saveTeam', {
      villageId: V,
      teamId: PATROL_SEED.teamId,
      name: '旭日岭红袖套巡逻队',
      captainId: 'u-duoji',
      memberIds,
    })
  const keptTeams = async (userId: string) => (await env.rt.db.get(C.users, userId))?.patrolTeamIds

  it('membership is never cached: a volunteer taken off the team is refused at once, put back is let in at once', async () => {
    const p = await start()
    expect(await keptTeams('u-gesang')).toEqual([PATROL_SEED.teamId])
    expect(await checkIn(p.id, 0)).toMatchObject({ ok: true })
    // taken off: the membership and the teams kept on their document change in one transaction
    await saveTeam([])
    expect(await keptTeams('u-gesang')).toEqual([])
    expect(await env.rt.db.get(C.patrol_members, ids.member(PATROL_SEED.teamId, 'u-gesang'))).toMatchObject({
      active: false,
    })
    env.clock.advance(MIN / 6)
    expect(await checkIn(p.id, 1)).toMatchObject({ ok: false, code: 'PATROL.NOT_IN_TEAM' })
    expect(await patrol.call('u-gesang', 'myShifts', {})).toMatchObject({ ok: true, data: { items: [] } })
    // put back
    await saveTeam(['u-gesang'])
    expect(await keptTeams('u-gesang')).toEqual([PATROL_SEED.teamId])
    expect(await checkIn(p.id, 1)).toMatchObject({ ok: true })
    const view = await env.ok<PatrolView>('patrol', 'u-duoji', 'getPatrol', { patrolId: p.id })
    expect(view.progress.done).toBe(2)
  })

  it('a person whose document keeps no teams yet (from before they were kept): their membership is read', async () => {
    const p = await start()
    const stripTeams = () =>
      env.rt.db.transaction(async (tx) => {
        const u = (await tx.get(C.users, 'u-gesang'))!
        const { patrolTeamIds: _gone, ...rest } = u
        await tx.set(C.users, rest)
      })
    await stripTeams()
    expect(await keptTeams('u-gesang')).toBeUndefined()
    expect(await checkIn(p.id, 0)).toMatchObject({ ok: true })
    // a membership change leaves such a document without kept teams (it does not know their other teams)
    await saveTeam([])
    expect(await keptTeams('u-gesang')).toBeUndefined()
    expect(await checkIn(p.id, 1)).toMatchObject({ ok: false, code: 'PATROL.NOT_IN_TEAM' })
    await saveTeam(['u-gesang'])
    expect(await checkIn(p.id, 1)).toMatchObject({ ok: true })
    expect((await patrol.call('u-gesang', 'myShifts', {})) as { data: { items: unknown[] } }).toMatchObject({
      ok: true,
      data: { items: [expect.anything(), expect.anything()] },
    })
  })
})
