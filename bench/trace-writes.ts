/**
 * `npx tsx bench/trace-writes.ts bench/data/<scale>/gen [--count N] [--concurrency C] [--action report|checkIn|signup|redeem|mixed]`:
 * calls one write action N times in-process (the handlers the host calls, over a fresh copy of the generated
 * database, no HTTP) and prints the distribution of its latency and every stall, with the WAL's size at the
 * time. It is how the periodic stalls behind the bench's write p95 were found and checked; not part of npm test.
 */
import { cpSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createLocalRuntime } from '../cloudfunctions/_core/local-runtime'
import type { FilePort } from '../cloudfunctions/_core/files'
import type { Runtime } from '../cloudfunctions/_core/runtime'
import { FUNCTIONS } from '../cloudfunctions/registry'
import type { Reply } from '../tests/support/harness'
import { bjMinuteOfDay } from '@shared/time/beijing'
import { DAY, type Manifest } from './generate'
import { percentile } from './load'

function flag(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] as string) : dflt
}
const gen = resolve(process.argv[2] ?? 'bench/data/s0.1-seed7/gen')
const COUNT = Number(flag('count', '2000'))
const C = Number(flag('concurrency', '1'))
const ACTION = flag('action', 'report')
const STALL_MS = Number(flag('stall', '10'))

const files: FilePort = {
  adoptPhoto: async (id) => ({ fileId: id, passed: true }),
  urls: async (ids) => Object.fromEntries(ids.map((i) => [i, `/api/files/${i}`])),
  putGenerated: async (name) => ({ fileId: `gen_${name}`, url: `/gen/${name}` }),
}

async function main(): Promise<void> {
  const m = JSON.parse(readFileSync(join(gen, 'manifest.json'), 'utf8')) as Manifest
  const s = m.sample
  const dir = join(gen, '..', 'trace')
  rmSync(dir, { recursive: true, force: true })
  cpSync(gen, dir, { recursive: true })
  const local = createLocalRuntime({
    dbFile: join(dir, 'linli.db'),
    log: { info: () => undefined, error: (msg, e) => console.error(msg, e) },
  })
  const rt: Runtime = { ...local, files }
  let rid = 0
  const call = async (fn: string, user: string, action: string, data: unknown) => {
    const env = await FUNCTIONS[fn]!.handle(
      { action, data, requestId: `trace-${process.pid}-${(rid++).toString().padStart(8, '0')}` },
      { kind: 'user', userId: user },
      rt,
    )
    if (!env.ok) throw new Error(`${fn}.${action}: ${env.code} ${env.message}`)
    return env.data as Reply
  }

  // set-up for check-ins and sign-ups, as bench/run.ts does
  const patrols: string[] = []
  const tasks: string[] = []
  if (ACTION === 'checkIn' || ACTION === 'mixed') {
    const startMinute = Math.max(0, Math.min(1439 - 130, bjMinuteOfDay(Date.now()) - 10))
    for (let k = 0; k < Math.ceil(COUNT / s.checkpoints.length) + 1; k++) {
      const sh = await call('patrol', s.officials[0], 'saveShift', {
        villageId: s.villageId,
        name: `追踪班次${k}`,
        teamId: s.teamId,
        routeId: s.routeId,
        startMinute,
        durationMinutes: 120,
      })
      patrols.push((await call('patrol', s.captain, 'startPatrol', { shiftId: sh.id })).id)
    }
  }
  if (ACTION === 'signup' || ACTION === 'mixed') {
    for (let k = 0; k < Math.ceil(COUNT / s.residents.length) + 1; k++) {
      const startAt = Date.now() + 10 * DAY
      tasks.push(
        (
          await call('volunteer', s.orgAdmin, 'publishTask', {
            orgId: s.orgId,
            title: `追踪任务${k}`,
            description: '追踪写入延迟的任务',
            category: 'environment',
            placeName: '村委会',
            location: { lat: 31.1, lng: 100.1, datum: 'gcj02' },
            startAt,
            endAt: startAt + 3 * 3_600_000,
            slots: 500,
            signupDeadline: startAt - DAY,
          })
        ).id,
      )
    }
  }
  const reporters = s.gridResidents.slice(0, 64)
  const one = (i: number, kind: string) => {
    if (kind === 'report') {
      return call('incident', reporters[i % reporters.length]!, 'report', {
        category: 'sanitation',
        severity: 'normal',
        description: `追踪上报第 ${i} 件：垃圾没人清运`,
        photos: ['f_0123456789abcdef0123456789abcdef'],
        location: { lat: 31.1, lng: 100.1, datum: 'gcj02' },
      })
    }
    if (kind === 'checkIn') {
      const cp = s.checkpoints[i % s.checkpoints.length]!
      return call('patrol', s.captain, 'checkIn', {
        patrolId: patrols[Math.floor(i / s.checkpoints.length)],
        code: cp.code,
        position: { lat: cp.lat, lng: cp.lng },
        accuracyM: 10,
        deviceAt: Date.now(),
      })
    }
    if (kind === 'redeem') {
      return call('points', s.residentsWithBalance[i % s.residentsWithBalance.length]!, 'redeem', {
        goodsId: s.goodsIds.at(-1),
        quantity: 1,
      })
    }
    return call('volunteer', s.residents[i % s.residents.length]!, 'signup', {
      taskId: tasks[Math.floor(i / s.residents.length)],
    })
  }
  const kinds = ['report', 'checkIn', 'signup']
  const wal = join(dir, 'linli.db-wal')
  const walSize = () => {
    try {
      return statSync(wal).size
    } catch {
      return 0
    }
  }

  const lat: number[] = []
  const stalls: string[] = []
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (;;) {
        const i = next++
        if (i >= COUNT) return
        const kind = ACTION === 'mixed' ? kinds[i % 3]! : ACTION
        await new Promise((r) => setImmediate(r)) // a request arrives through I/O, as over HTTP
        const t = performance.now()
        await one(ACTION === 'mixed' ? Math.floor(i / 3) : i, kind)
        const d = performance.now() - t
        lat.push(d)
        if (d > STALL_MS)
          stalls.push(
            `#${i} ${kind} ${d.toFixed(1)} ms at ${(t - t0).toFixed(0)} ms (clock ${Date.now() % 100000}), WAL ${(walSize() / 4096).toFixed(0)} pages`,
          )
      }
    }),
  )
  const total = performance.now() - t0
  lat.sort((a, b) => a - b)
  console.log(
    `${COUNT} × ${ACTION} at c=${C} on ${gen}: ${(COUNT / (total / 1000)).toFixed(0)}/s, mean ${(lat.reduce((a, b) => a + b, 0) / lat.length).toFixed(2)} ms, ` +
      `p50 ${percentile(lat, 50).toFixed(2)} p95 ${percentile(lat, 95).toFixed(2)} p99 ${percentile(lat, 99).toFixed(2)} max ${lat[lat.length - 1]!.toFixed(1)} ms; ` +
      `${stalls.length} over ${STALL_MS} ms; WAL now ${(walSize() / 4096).toFixed(0)} pages`,
  )
  for (const line of stalls.slice(0, 40)) console.log('  ' + line)
  await local.db.close()
  rmSync(dir, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
