import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalRuntime } from '../../cloudfunctions/_core/local-runtime'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { ManualClock } from '../../cloudfunctions/_core/clock'
import type { Logger } from '../../cloudfunctions/_core/runtime'
import { createHost, type Route } from '../../server/app'
import { filesRoute } from '../../server/files-route'
import { DEMO_USERS, seedIfEmpty } from '../../seeds'
import { T0, type Reply } from './harness'

export interface TestHost {
  url: string
  rt: ReturnType<typeof createLocalRuntime>
  clock: ManualClock
  token(userId: string): Promise<string>
  /** POST /api/fn/<name> with a raw body (string or object); returns status and parsed JSON */
  post(
    path: string,
    body: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Reply }>
  close(): Promise<void>
}

/** The real local host in-process on a free port, over a seeded SQLite file in a temp folder. */
export async function startTestHost(opts: { now?: number; routes?: Route[]; h5Dir?: string } = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-host-'))
  const clock = new ManualClock(opts.now ?? T0)
  const log: Logger = { info: () => undefined, error: () => undefined }
  const rt = createLocalRuntime({ dbFile: join(dir, 'linli.db'), clock, log })
  await seedIfEmpty(rt.db, clock.now())
  const server = createHost(
    {
      rt,
      functions: FUNCTIONS,
      sessionSecret: 'test-secret-0123456789abcdef',
      demoUserIds: DEMO_USERS.map((u) => u.id),
      h5Dir: opts.h5Dir,
    },
    [filesRoute({ files: rt.files, sessionSecret: 'test-secret-0123456789abcdef' }), ...(opts.routes ?? [])],
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const post: TestHost['post'] = async (path, body, token, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, json }
  }
  return {
    url,
    rt,
    clock,
    post,
    token: async (userId) => (await post('/api/dev/login', { userId })).json.data.token as string,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()))
      await rt.db.close()
    },
  }
}
