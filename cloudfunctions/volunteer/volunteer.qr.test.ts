import { testEnv, type TestEnv } from '../../tests/support/harness'
import { readQrDataUrl } from '../../tests/support/qr'
import { postTask } from '../../tests/support/volunteer'

const HOUR = 3_600_000
let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

describe('the check-in QR is drawn by the function', () => {
  it('its image says this minute’s payload, a new one each minute, and the scanned text checks in', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    await env.ok('volunteer', 'u-zhuoma', 'signup', { taskId: task.id })
    env.clock.advance(HOUR)
    const first = await env.ok('volunteer', 'u-zhaozhiqiang', 'getTaskCode', { taskId: task.id })
    expect(first.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(readQrDataUrl(first.qrDataUrl)).toBe(first.payload)
    env.clock.advance(60_000)
    const next = await env.ok('volunteer', 'u-zhaozhiqiang', 'getTaskCode', { taskId: task.id })
    expect(next.payload).not.toBe(first.payload)
    const scanned = readQrDataUrl(next.qrDataUrl)!
    expect(scanned).toBe(next.payload)
    const inn = await env.ok('volunteer', 'u-zhuoma', 'checkIn', { taskId: task.id, code: scanned })
    expect(inn.checkInAt).toBe(env.clock.now())
  })

  it('only the organisation’s admins get the image', async () => {
    const task = await postTask(env, { inHours: 1, hours: 2 })
    const r = await env.call('volunteer', 'u-zhuoma', 'getTaskCode', { taskId: task.id })
    expect(r.ok).toBe(false)
  })
})
