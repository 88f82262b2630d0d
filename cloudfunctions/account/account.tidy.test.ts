import { PUSH_RECORD_DAYS, type PushRecord } from '@shared/push'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import { startConsoleLogin } from '../_core/console-login'
import { accountFunction } from './function'

const DAY = 86_400_000
const BROWSER = { summary: 'Chrome 120 · Windows', place: null }

describe('the daily tidy: push records past their days, spent console tickets and old request counts go, nothing else', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await testEnv()
  })
  afterEach(() => env.close())

  const record = (id: string, at: number): PushRecord => ({
    _id: id,
    userId: 'u-zhuoma',
    title: '新上报待受理',
    status: 'sent',
    errcode: null,
    reason: null,
    at,
  })

  it('removes what is past its time once, keeps the rest, and a second run removes nothing', async () => {
    const now = env.clock.now()
    await env.rt.db.insertMany(C.push_records, [
      record('push-old', now - (PUSH_RECORD_DAYS + 1) * DAY),
      record('push-edge', now - PUSH_RECORD_DAYS * DAY + 60_000),
      record('push-new', now - DAY),
    ])
    const spent = await startConsoleLogin(env.rt.db, BROWSER, now - 2 * DAY)
    const waiting = await startConsoleLogin(env.rt.db, BROWSER, now)
    const before = await env.rt.db.count(C.push_records)

    const tidy = accountFunction.timers.tidy!
    // the two tickets' counts of their address's minute (rate_limits): the old one goes with its ticket
    expect(await env.rt.db.count(C.rate_limits)).toBe(2)
    expect(await tidy.run(env.rt, now)).toEqual({ pushRecords: 1, consoleTickets: 1, rateWindows: 1 })
    expect(await env.rt.db.count(C.rate_limits)).toBe(1)
    expect(await env.rt.db.get(C.push_records, 'push-old')).toBeNull()
    expect(await env.rt.db.get(C.push_records, 'push-edge')).not.toBeNull()
    expect(await env.rt.db.count(C.push_records)).toBe(before - 1)
    expect(await env.rt.db.get(C.console_logins, spent.ticketId)).toBeNull()
    expect(await env.rt.db.get(C.console_logins, waiting.ticketId)).not.toBeNull()
    expect(await tidy.run(env.rt, now)).toEqual({ pushRecords: 0, consoleTickets: 0, rateWindows: 0 })
  })
})
