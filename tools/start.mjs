#!/usr/bin/env node
// `npm start`: builds the H5 app when it is missing or older than its sources, then runs the local
// host (cloud functions over the embedded database, seeded on first run, H5 served at /).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function newest(dir) {
  let t = 0
  if (!existsSync(dir)) return t
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const built = join(root, 'dist/h5/index.html')
const sources = Math.max(newest(join(root, 'miniprogram')), newest(join(root, 'shared')), newest(join(root, 'config')))
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('正在构建 H5 页面（首次约需一两分钟）…')
  const r = spawnSync(bin('taro'), ['build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => host.kill(sig))
host.on('exit', (code) => process.exit(code ?? 0))
