import { bjDayStart } from '@shared/time/beijing'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { startTestHost, type TestHost } from '../../tests/support/host'
import { C } from '../_core/collections'
import { DEV_CODE_KEY } from './patrol.config'
import { codeFor } from './patrol.codes'
import { ids } from './patrol.repo'

const [id, , lat, lng] = PATROL_SEED.checkpoints[0]!
let host: TestHost
beforeAll(async () => {
  host = await startTestHost({ now: bjDayStart('2026-03-03') + 20 * 3_600_000 + 10 * 60_000 })
})
afterAll(() => host.close())

it('the same check-in sent concurrently over two connections is stored once', async () => {
  const token = await host.token('u-gesang')
  const started = await host.post(
    '/api/fn/patrol',
    { action: 'startPatrol', data: { shiftId: PATROL_SEED.eveningShiftId }, requestId: 'start-http-1' },
    token,
  )
  expect(started.json.ok).toBe(true)
  const patrolId = started.json.data.id as string
  const body = (requestId: string) => ({
    action: 'checkIn',
    requestId,
    data: {
      patrolId,
      code: codeFor(DEV_CODE_KEY, id, PATROL_SEED.villageId),
      position: { lat, lng },
      accuracyM: 8,
      deviceAt: host.clock.now(),
    },
  })
  // the offline queue resends with its own request id (twice at once), and a rescan sends a new one
  const replies = await Promise.all([
    host.post('/api/fn/patrol', body('queued-ci-0001'), token, { connection: 'close' }),
    host.post('/api/fn/patrol', body('queued-ci-0001'), token, { connection: 'close' }),
    host.post('/api/fn/patrol', body('rescan-ci-0002'), token, { connection: 'close' }),
    host.post('/api/fn/patrol', body('rescan-ci-0003'), token, { connection: 'close' }),
  ])
  for (const r of replies)
    expect(r.json).toMatchObject({ ok: true, data: { checkin: { checkpointId: id, status: 'ok' } } })
  expect(replies.filter((r) => r.json.data.repeat === false).length).toBeGreaterThanOrEqual(1)
  expect(replies[0]!.json.data.checkin.id).toBe(replies[3]!.json.data.checkin.id)
  expect(await host.rt.db.count(C.patrol_checkins, { patrolId })).toBe(1)
  const patrol = await host.rt.db.get(C.patrols, patrolId)
  expect(patrol!.done).toHaveLength(1)
})

it('the last two reviews of a finished patrol, sent at once over two connections, credit it exactly once', async () => {
  const [volunteer, captain, official] = (await Promise.all(
    ['u-gesang', 'u-duoji', 'u-lixiuying'].map(host.token),
  )) as [string, string, string]
  const call = (token: string, action: string, data: unknown, requestId: string) =>
    host.post('/api/fn/patrol', { action, data, requestId }, token, { connection: 'close' })
  const patrol = await host.rt.db.get(C.patrols, ids.patrol(PATROL_SEED.eveningShiftId, '2026-03-03'))
  const patrolId = patrol!._id
  const flagged: string[] = []
  for (const [i, [cpId, , cpLat, cpLng]] of PATROL_SEED.checkpoints.entries()) {
    if (i === 0) continue // checked in by the test above
    host.clock.advance(10 * 60_000)
    const r = await call(
      volunteer,
      'checkIn',
      {
        patrolId,
        code: codeFor(DEV_CODE_KEY, cpId, PATROL_SEED.villageId),
        position: { lat: cpLat, lng: cpLng },
        accuracyM: i % 2 ? 90 : 8,
        deviceAt: host.clock.now(),
      },
      `ci-http-${i}`,
    )
    expect(r.json.ok).toBe(true)
    if (r.json.data.checkin.status === 'flagged') flagged.push(r.json.data.checkin.id as string)
  }
  expect(flagged).toHaveLength(2)
  const finished = await call(volunteer, 'finishPatrol', { patrolId }, 'finish-http-1')
  expect(finished.json.data.credit).toMatchObject({ status: 'pending' })
  const reviews = await Promise.all([
    call(captain, 'reviewCheckin', { checkinId: flagged[0], decision: 'accept', reason: '队长同行' }, 'rv-http-1'),
    call(official, 'reviewCheckin', { checkinId: flagged[1], decision: 'accept', reason: '核实过' }, 'rv-http-2'),
  ])
  for (const r of reviews) expect(r.json).toMatchObject({ ok: true, data: { status: 'accepted' } })
  expect(await host.rt.db.get(C.patrols, patrolId)).toMatchObject({ credit: { status: 'credited' }, reviewedCount: 2 })
  expect(await host.rt.db.count(C.patrol_hours, { patrolId })).toBe(1)
  expect(await host.rt.db.count(C.volunteer_hours, { sourceKey: `patrol:${patrolId}` })).toBe(1)
  expect(await host.rt.db.get(C.patrol_counters, ids.counter('team', PATROL_SEED.teamId, '2026-03'))).toMatchObject({
    credited: 1,
    creditPending: 0,
  })
})
