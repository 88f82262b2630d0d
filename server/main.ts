import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLocalRuntime } from '../cloudfunctions/_core/local-runtime'
import { mac } from '../cloudfunctions/_core/signing'
import { FUNCTIONS } from '../cloudfunctions/registry'
import { DEMO_USERS, seedIfEmpty } from '../seeds'
import { createHost } from './app'
import { filesRoute } from './files-route'
import { readEnv } from './env'

/** A session secret that survives restarts (so logins do), made once per data folder. */
function sessionSecret(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv
  const file = join(dataDir, 'session.secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** The functions' scheduled work, as CloudBase's timer triggers would run it. */
function startTimers(rt: ReturnType<typeof createLocalRuntime>): () => void {
  const handles: NodeJS.Timeout[] = []
  for (const fn of Object.values(FUNCTIONS)) {
    for (const [name, timer] of Object.entries(fn.timers)) {
      const run = () => {
        timer
          .run(rt, rt.clock.now())
          .catch((err: unknown) => rt.log.error('timer failed', { fn: fn.name, timer: name, error: String(err) }))
      }
      handles.push(setInterval(run, timer.everyMinutes * 60_000))
      setTimeout(run, 2_000).unref()
    }
  }
  for (const h of handles) h.unref()
  return () => handles.forEach(clearInterval)
}

async function main(): Promise<void> {
  const env = readEnv()
  mkdirSync(env.dataDir, { recursive: true })
  const secret = sessionSecret(env.dataDir, env.LINLI_SESSION_SECRET)
  // photo URLs are signed with a key of their own, derived from the secret, so they survive restarts too
  const rt = createLocalRuntime({ dbFile: join(env.dataDir, 'linli.db'), fileKey: mac(secret, 'file-url-key') })
  const seeded = await seedIfEmpty(rt.db, Date.now())
  const server = createHost(
    {
      rt,
      functions: FUNCTIONS,
      sessionSecret: secret,
      demoUserIds: DEMO_USERS.map((u) => u.id),
      h5Dir: env.h5Dir,
    },
    [filesRoute({ files: rt.files, sessionSecret: secret })],
  )
  const stopTimers = startTimers(rt)
  server.listen(env.PORT, env.HOST, () => {
    const addr = server.address()
    const port = typeof addr === 'object' && addr ? addr.port : env.PORT
    console.log(`邻里 Linli 本地服务已启动：http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}/`)
    console.log(`数据库：${join(env.dataDir, 'linli.db')}${seeded ? '（已载入演示数据）' : ''}`)
    console.log('打开上面的地址，选择一个演示用户登录。按 Ctrl+C 停止。')
  })
  const stop = () => {
    stopTimers()
    server.close()
    void rt.db.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
