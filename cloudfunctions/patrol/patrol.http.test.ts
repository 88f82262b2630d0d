import { bjDayStart } from '@shared/time/beijing'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { startTestHost, type TestHost } from '../../tests/support/host'
import { C } from '../_core/collections'
import { DEV_CODE_KEY } from './patrol.config'
import { codeFor } from './patrol.codes'

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
