import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
export const HOST_FILE = join(ROOT, '.e2e-artifacts', 'host.json')

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))))
    })
  })
}

/** Starts the real local host (`npm start`'s server) on a free port over a fresh seeded database. */
export default async function globalSetup(): Promise<void> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'))
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LINLI_DATA_DIR: dataDir, LINLI_H5_DIR: join(ROOT, 'dist/h5') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local host exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/api/dev/users`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`local host did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  mkdirSync(join(ROOT, '.e2e-artifacts'), { recursive: true })
  writeFileSync(HOST_FILE, JSON.stringify({ url, pid: child.pid, dataDir }))
  ;(globalThis as { __LINLI_HOST__?: unknown }).__LINLI_HOST__ = child
}
