/**
 * `npm run bench`: generate the synthetic prefecture at each scale (real action handlers, ManualClock),
 * start the real local host over it as a child process, and measure as a client would over HTTP on
 * 127.0.0.1: write actions and the officials' read paths at concurrency 1, 8 and 32, the ledger export,
 * the host's peak memory and its CPU per request; then the built mini-program's package sizes and the H5 first
 * load. The writes begin with a round at c=8 recorded apart as "(cold)" (a host just started, V8 still compiling).
 * Flags: --import (the roster import bench, bench/import-roster.ts)  --scale 0.01,0.1[,1]  --seed N  --skip-generate  --generate-only  --no-client  --count N (requests per load)
 *        --only reads|writes (measure one half) | network (only the weak-network section)  --concurrency 1,8,32
 *        --round-trips (only the database requests per action, see bench/round-trips.ts; --latency MS, --calls N)
 *        --cold-starts (only the cloud functions' cold starts, the last part of --round-trips; --runs N)
 * Results: printed, and written to bench/results/<date>.json (and latest.json).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { C } from '../cloudfunctions/_core/collections'
import { signSession } from '../cloudfunctions/_core/session'
import { LocalFilePort } from '../cloudfunctions/_core/files'
import { SqlitePort } from '../cloudfunctions/_core/sqlite-port'
import { createLocalRuntime } from '../cloudfunctions/_core/local-runtime'
import { FUNCTIONS } from '../cloudfunctions/registry'
import type { DataPort } from '../cloudfunctions/_core/port'
import { jpegWithExif } from '../tests/support/fixtures'
import type { Reply } from '../tests/support/harness'
import { bjMinuteOfDay, bjMonth } from '@shared/time/beijing'
import { DAY, generate, YEAR_START, type Manifest } from './generate'
import { runLoad, type LoadResult } from './load'
import { h5FirstLoad, weappSizes } from './client-metrics'
import { keepGrantsOnUsers, keepHoldersOnAssignments, keepTeamsOnUsers } from './round-trips'
import { networkMetrics, printNetwork } from './network-metrics'

const ROOT = resolve(__dirname, '..')
const SECRET = 'linli-bench-session-secret-0123456789'
const ADMIN = 'bench-admin'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const SCALES = (flag('scale') ?? '0.01,0.1')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const SEED = Number(flag('seed') ?? 7)
const SKIP_GENERATE = process.argv.includes('--skip-generate')
const NO_CLIENT = process.argv.includes('--no-client')
const ONLY = flag('only') as 'reads' | 'writes' | 'network' | undefined
const COUNT = Number(flag('count') ?? 200)
/** generate into gen/ and stop (the measurement then runs later with --skip-generate) */
const GENERATE_ONLY = process.argv.includes('--generate-only')
/** fewer days of activity than a year (quick trials only) */
const DAYS = flag('days') ? Number(flag('days')) : undefined
const CONCURRENCY = (flag('concurrency') ?? '1,8,32')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)

// the month and quarter the read paths ask about: the last full month of the generated year
const MONTH = bjMonth(YEAR_START + 360 * DAY - 20 * DAY)
const QUARTER = (() => {
  const [y, m] = MONTH.split('-').map(Number) as [number, number]
  return `${y}-Q${Math.ceil(m / 3)}`
})()

interface Host {
  child: ChildProcess
  url: string
  pid: number
}

async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [...(process.env.LINLI_BENCH_HOST_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'server/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LINLI_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LINLI_SESSION_SECRET: SECRET,
        LINLI_H5_DIR: join(ROOT, 'dist/h5'),
        LINLI_QUIET: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let err = ''
  child.stderr!.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-4000)
  })
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    const t = setTimeout(() => fail(new Error(`host did not start: ${out} ${err}`)), 60_000)
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /http:\/\/[^:]+:(\d+)\//.exec(out)
      if (m) {
        clearTimeout(t)
        ok(`http://127.0.0.1:${m[1]}`)
      }
    })
    child.on('exit', (code) => fail(new Error(`host exited ${code}: ${err}`)))
  })
  return { child, url, pid: child.pid! }
}

/**
 * CPU time (ms, user and system) the host has used so far: the whole process, and its main thread (the one
 * that runs every handler and every SQLite statement; the others are the WAL checkpointer, libuv's pool, GC).
 */
function hostCpu(pid: number): { user: number; sys: number; mainUser: number; mainSys: number } {
  const ticks = (file: string) => {
    const stat = readFileSync(file, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return [Number(f[11]) * 10, Number(f[12]) * 10] as const // fields 14, 15 of stat; 100 ticks a second
  }
  const [user, sys] = ticks(`/proc/${pid}/stat`)
  const [mainUser, mainSys] = ticks(`/proc/${pid}/task/${pid}/stat`)
  return { user, sys, mainUser, mainSys }
}

function vmHWM(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const m = /VmHWM:\s+(\d+) kB/.exec(status)
  return m ? Number(m[1]) * 1024 : 0
}

/** One session per user for the run, as a phone keeps its login (signing is not what is measured). */
const tokens = new Map<string, string>()
function tokenOf(userId: string): string {
  let t = tokens.get(userId)
  if (!t) tokens.set(userId, (t = signSession({ uid: userId, exp: Date.now() + 6 * 3_600_000 }, SECRET)))
  return t
}

/**
 * The client: node:http with kept-alive connections, one per request in flight. (fetch cost the client
 * ~2–3× more CPU per request; on two cores the client's own queue then showed up in the host's latencies.)
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
function post(url: string, path: string, token: string, payload: string): Promise<string> {
  return new Promise((ok, fail) => {
    const req = http.request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
        res.on('error', fail)
      },
    )
    req.on('error', fail)
    req.end(payload)
  })
}

let rid = 0
async function call<T = Reply>(
  url: string,
  userId: string,
  fn: string,
  action: string,
  data: unknown,
  write: boolean,
): Promise<{ ok: boolean; data?: T; message?: string }> {
  const body = write
    ? { action, data, requestId: `bench-${process.pid}-${Date.now().toString(36)}-${(rid++).toString(36)}` }
    : { action, data }
  const json = JSON.parse(await post(url, `/api/fn/${fn}`, tokenOf(userId), JSON.stringify(body))) as {
    ok: boolean
    data?: T
    code?: string
    message?: string
  }
  return json.ok
    ? { ok: true, data: json.data }
    : { ok: false, message: `${fn}.${action}: ${json.code} ${json.message}` }
}
async function must<T = Reply>(
  url: string,
  userId: string,
  fn: string,
  action: string,
  data: unknown,
  write: boolean,
): Promise<T> {
  const r = await call<T>(url, userId, fn, action, data, write)
  if (!r.ok) throw new Error(r.message)
  return r.data as T
}

/** Before the host starts: a prefecture-wide admin (for county figures) and one photo per bench reporter. */
async function prepare(dataDir: string, m: Manifest): Promise<{ photos: Record<string, string>; redeemers: string[] }> {
  const db = new SqlitePort(join(dataDir, 'linli.db'))
  db.bulkInsert(C.users, [
    {
      _id: ADMIN,
      openid: null,
      name: '基准管理员',
      phone: null,
      householdId: null,
      residenceUnitId: null,
      createdAt: YEAR_START,
      grants: [{ _id: `bra-${ADMIN}`, role: 'system_admin', unitId: 'B00' }],
    },
  ])
  db.bulkInsert(C.role_assignments, [
    {
      _id: `bra-${ADMIN}`,
      userId: ADMIN,
      role: 'system_admin',
      unitId: 'B00',
      grantedBy: null,
      via: 'seed',
      createdAt: YEAR_START,
      revokedAt: null,
    },
  ])
  await keepGrantsOnUsers(db) // data generated before grants were kept on the user documents
  await keepTeamsOnUsers(db) // and before patrol teams were
  await keepHoldersOnAssignments(db) // and before role assignments kept their holder's WeChat id and language
  await db.close()
  // The generated year runs no timers, so every stage deadline left open in it is past by now; the 15-minute
  // sweep timer would have handled them as they fell due. Run it to the end before measuring, or the first
  // queue reads would do a year's escalations lazily (≈ 5,000 in one 0.1× county) and be measured as reads.
  const local = createLocalRuntime({
    dbFile: join(dataDir, 'linli.db'),
    log: { info: () => undefined, error: () => undefined },
  })
  const sweep = FUNCTIONS.incident!.timers.sweepOverdue!
  let swept = 0
  for (;;) {
    const r = (await sweep.run(local, Date.now())) as { escalated: number; flagged: number; confirmed: number }
    const n = r.escalated + r.flagged + r.confirmed
    swept += n
    if (!n) break
  }
  // Redemptions the residents can pay for (the cheapest goods, round-robin over households), so the redeem load
  // measures redemptions, not refusals once the richest households run dry.
  const points: DataPort = local.db
  const price = (await points.get(C.points_goods, m.sample.goodsIds.at(-1)!))?.price ?? 1
  const left = new Map<string, number>()
  for (const u of m.sample.residentsWithBalance) {
    const user = await local.db.get(C.users, u)
    const account = user?.householdId ? await points.get(C.points_accounts, user.householdId) : null
    if (account && !left.has(u)) left.set(u, Math.floor(account.balance / price))
  }
  const redeemers: string[] = []
  for (let more = true; more;) {
    more = false
    for (const [u, n] of left)
      if (n > 0) {
        redeemers.push(u)
        left.set(u, n - 1)
        more = true
      }
  }
  await local.db.close()
  console.log(
    `  sweep timer run to the end before measuring: ${swept} stage deadlines handled; ${redeemers.length} redemptions affordable`,
  )
  const files = new LocalFilePort(join(dataDir, 'files'))
  const photos: Record<string, string> = {}
  for (const u of m.sample.gridResidents.slice(0, 64)) photos[u] = files.savePhoto(jpegWithExif(), u).fileId
  return { photos, redeemers }
}

type Row = { name: string; kind: 'write' | 'write-cold' | 'read'; concurrency: number } & LoadResult

async function benchScale(scale: number): Promise<Record<string, unknown>> {
  // generated once into gen/; every run works on a fresh copy in run/, so runs do not see each other's writes
  const genDir = join(ROOT, 'bench/data', `s${scale}-seed${SEED}${DAYS ? `-d${DAYS}` : ''}`, 'gen')
  const dataDir = join(genDir, '..', 'run')
  let manifest: Manifest
  if (SKIP_GENERATE && existsSync(join(genDir, 'manifest.json'))) {
    manifest = JSON.parse(readFileSync(join(genDir, 'manifest.json'), 'utf8')) as Manifest
    console.log(`\n== ${scale}× (reusing ${genDir}, generated in ${(manifest.generatedMs / 1000).toFixed(1)} s)`)
  } else {
    console.log(`\n== ${scale}×: generating (seed ${SEED}) …`)
    manifest = await generate({ scale, seed: SEED, dir: genDir, days: DAYS, log: (s) => console.log(s) })
    console.log(
      `  generated in ${(manifest.generatedMs / 1000).toFixed(1)} s: ${manifest.actions} actions ` +
        `(${Math.round(manifest.actions / (manifest.generatedMs / 1000))}/s), ${manifest.actionErrors} refused`,
    )
  }
  console.log(
    `  ${Object.entries(manifest.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  if (GENERATE_ONLY) return { scale, manifest: { ...manifest, sample: undefined } }
  rmSync(dataDir, { recursive: true, force: true })
  cpSync(genDir, dataDir, { recursive: true })
  // The copy read the generated file through the page cache; at 1× the two copies (2 × 15 GB) do not fit this
  // machine's memory, and a server has one. Drop the generated file's pages (GNU dd's nocache; best effort).
  spawnSync('dd', [`if=${join(genDir, 'linli.db')}`, 'iflag=nocache', 'count=0', 'status=none'])
  const { photos, redeemers } = await prepare(dataDir, manifest)
  // The copy and the sweep leave gigabytes of dirty pages at 1×; flush them now, or the kernel writes them back
  // during the first loads and they are measured as the first read's latency.
  spawnSync('sync')
  const s = manifest.sample
  const host = await startHost(dataDir)
  const rows: Row[] = []
  const url = host.url
  try {
    /** a load, with the host's CPU per request during it (µs): whole process, its system part, main thread */
    const measure = async (n: number, c: number, fn: (i: number) => Promise<{ ok: boolean; message?: string }>) => {
      const a = hostCpu(host.pid)
      const r = await runLoad(n, c, fn)
      const b = hostCpu(host.pid)
      const per = (x: number) => Math.round((x * 1000) / Math.max(1, r.count))
      const cpu = {
        hostCpuUs: per(b.user + b.sys - a.user - a.sys),
        hostSysUs: per(b.sys - a.sys),
        mainThreadCpuUs: per(b.mainUser + b.mainSys - a.mainUser - a.mainSys),
      }
      return { ...r, cpu }
    }
    const recordRow = (
      name: string,
      kind: Row['kind'],
      concurrency: number,
      { cpu, ...r }: Awaited<ReturnType<typeof measure>>,
    ) => {
      rows.push({ ...r, ...cpu, name, kind, concurrency })
      console.log(
        `  ${name.padEnd(28)} c=${String(concurrency).padStart(2)}  p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  ` +
          `p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.throughput.toFixed(0).padStart(5)}/s  host cpu ${String(cpu.hostCpuUs).padStart(5)} µs/req (main ${String(cpu.mainThreadCpuUs).padStart(5)}, sys ${String(cpu.hostSysUs).padStart(5)})${r.errors ? `  ${r.errors} errors: ${r.firstError}` : ''}`,
      )
    }
    // warm up (JIT, statement cache, page cache)
    await runLoad(40, 4, () =>
      call(url, s.gridWorker, 'incident', 'listQueue', { view: 'all', unitId: s.gridId }, false),
    )

    // ---- reads officials use most (first, on the generated data as it is) ----
    const resident = s.residentsWithBalance[0] ?? s.residents[0]!
    const reads: Array<[string, string, string, string, unknown]> = [
      ['incident.getFigures county month', ADMIN, 'incident', 'getFigures', { unitId: s.countyId, period: MONTH }],
      ['incident.getFigures county quarter', ADMIN, 'incident', 'getFigures', { unitId: s.countyId, period: QUARTER }],
      [
        'incident.getFigures township month',
        s.dispatcher,
        'incident',
        'getFigures',
        { unitId: s.townshipId, period: MONTH },
      ],
      [
        'incident.getFigures village quarter',
        s.officials[0],
        'incident',
        'getFigures',
        { unitId: s.villageId, period: QUARTER },
      ],
      [
        'patrol.getFigures township month',
        s.dispatcher,
        'patrol',
        'getFigures',
        { unitId: s.townshipId, fromMonth: MONTH, toMonth: MONTH },
      ],
      ['incident.listQueue grid todo', s.gridWorker, 'incident', 'listQueue', { view: 'todo' }],
      ['incident.listQueue grid all', s.gridWorker, 'incident', 'listQueue', { view: 'all', unitId: s.gridId }],
      ['incident.listQueue county all', ADMIN, 'incident', 'listQueue', { view: 'all', unitId: s.countyId }],
      ['points.myPoints household', resident, 'points', 'myPoints', {}],
      ['points.getBoard village month', resident, 'points', 'getBoard', { villageId: s.villageId, month: MONTH }],
      ['points.getBoard village all', resident, 'points', 'getBoard', { villageId: s.villageId }],
    ]
    if (ONLY !== 'writes')
      for (const [name, user, fn, action, data] of reads) {
        const once = () => call(url, user, fn, action, data, false)
        await runLoad(50, 4, once) // warm this path (JIT, statements, its pages); not recorded
        for (const c of CONCURRENCY) recordRow(name, 'read', c, await measure(COUNT, c, once))
      }
    if (ONLY !== 'writes')
      for (const format of ['csv', 'xlsx']) {
        const once = () =>
          call(url, s.officials[0], 'points', 'exportLedger', { villageId: s.villageId, month: MONTH, format }, false)
        await runLoad(5, 1, once)
        recordRow(`points.exportLedger ${format}`, 'read', 1, await measure(format === 'csv' ? 100 : 50, 1, once))
      }
    if (ONLY !== 'writes') {
      const once = () =>
        call(
          url,
          s.officials[0],
          'incident',
          'exportLedger',
          { unitId: s.villageId, month: MONTH, format: 'csv' },
          false,
        )
      await runLoad(5, 1, once)
      recordRow('incident.exportLedger csv', 'read', 1, await measure(100, 1, once))
    }
    // ---- writes ----
    if (ONLY !== 'reads') {
      const reporters = Object.keys(photos)
      const reportBody = (u: string, i: number) => ({
        category: 'sanitation',
        severity: 'normal',
        description: `基准测试上报第 ${i} 件：垃圾没人清运`,
        photos: [photos[u]],
        location: { lat: 31.1, lng: 100.1, datum: 'gcj02' },
      })
      // A round at c = 8 first, recorded apart as "cold": a host just started runs its first thousands of calls
      // 30–50 % slower while V8 compiles the handlers' hot code (with the optimising compilers off, report
      // costs ~3.0 ms of the host's thread throughout; on: 2.1 ms over its first 2,000 calls, 1.5 ms from the
      // ~5,000th). A county's host runs for weeks; the rounds after this one are what it serves at.
      const rounds = [
        { c: 8, n: Math.max(COUNT, 1000), cold: true },
        ...CONCURRENCY.map((c) => ({ c, n: COUNT, cold: false })),
      ]
      const total = rounds.reduce((a, r) => a + r.n, 0)
      // check-in set-up: shifts open now, each started (5 check-ins per patrol)
      const startMinute = Math.max(0, Math.min(1439 - 130, bjMinuteOfDay(Date.now()) - 10))
      const patrols: string[] = []
      const needPatrols = Math.ceil(total / s.checkpoints.length) + 1
      for (let k = 0; k < needPatrols; k++) {
        const sh = await must(
          url,
          s.officials[0],
          'patrol',
          'saveShift',
          {
            villageId: s.villageId,
            name: `基准班次${k}`,
            teamId: s.teamId,
            routeId: s.routeId,
            startMinute,
            durationMinutes: 120,
          },
          true,
        )
        const p = await must(url, s.captain, 'patrol', 'startPatrol', { shiftId: sh.id }, true)
        patrols.push(p.id)
      }
      // sign-up set-up: tasks ten days ahead with room for everyone
      const tasks: string[] = []
      const signers = s.residents
      for (let k = 0; k < Math.ceil(total / Math.max(1, signers.length)) + 1; k++) {
        const startAt = Date.now() + 10 * DAY
        const t = await must(
          url,
          s.orgAdmin,
          'volunteer',
          'publishTask',
          {
            orgId: s.orgId,
            title: `基准任务${k}`,
            description: '基准测试的志愿任务',
            category: 'environment',
            placeName: '村委会',
            location: { lat: 31.1, lng: 100.1, datum: 'gcj02' },
            startAt,
            endAt: startAt + 3 * 3_600_000,
            slots: 500,
            signupDeadline: startAt - DAY,
          },
          true,
        )
        tasks.push(t.id)
      }
      let ci = 0
      let su = 0
      let rd = 0
      for (const { c, n, cold } of rounds) {
        const record = (name: string, kind: 'write', concurrency: number, r: Awaited<ReturnType<typeof measure>>) =>
          recordRow(cold ? `${name} (cold)` : name, cold ? 'write-cold' : kind, concurrency, r)
        const incidents: string[] = []
        record(
          'incident.report',
          'write',
          c,
          await measure(n, c, async (i) => {
            const u = reporters[i % reporters.length]!
            const r = await call(url, u, 'incident', 'report', reportBody(u, i), true)
            if (r.ok) incidents.push(r.data.id)
            return r
          }),
        )
        const half = Math.floor(incidents.length / 2)
        record(
          'incident.accept',
          'write',
          c,
          await measure(half, c, (i) =>
            call(url, s.gridWorker, 'incident', 'accept', { incidentId: incidents[i], note: '已受理' }, true),
          ),
        )
        record(
          'incident.escalate',
          'write',
          c,
          await measure(incidents.length - half, c, (i) =>
            call(
              url,
              s.gridWorker,
              'incident',
              'escalate',
              { incidentId: incidents[half + i], note: '请村里协调' },
              true,
            ),
          ),
        )
        record(
          'patrol.checkIn',
          'write',
          c,
          await measure(n, c, () => {
            const k = ci++
            const patrolId = patrols[Math.floor(k / s.checkpoints.length)]!
            const cp = s.checkpoints[k % s.checkpoints.length]!
            return call(
              url,
              s.captain,
              'patrol',
              'checkIn',
              {
                patrolId,
                code: cp.code,
                position: { lat: cp.lat, lng: cp.lng },
                accuracyM: 10,
                deviceAt: Date.now(),
              },
              true,
            )
          }),
        )
        const redemptions = Math.min(n, Math.floor((redeemers.length * n) / total))
        record(
          'points.redeem',
          'write',
          c,
          await measure(redemptions, c, () =>
            call(
              url,
              redeemers[rd++]!,
              'points',
              'redeem',
              { goodsId: s.goodsIds[s.goodsIds.length - 1], quantity: 1 },
              true,
            ),
          ),
        )
        const batches: string[] = []
        record(
          'points.propose',
          'write',
          c,
          await measure(n, c, async (i) => {
            const r = await call(
              url,
              s.officials[0],
              'points',
              'propose',
              {
                villageId: s.villageId,
                ruleId: s.ruleId,
                items: [{ householdId: s.households[i % s.households.length] }],
                note: '基准',
              },
              true,
            )
            if (r.ok) batches.push(r.data.id)
            return r
          }),
        )
        record(
          'points.approveBatch',
          'write',
          c,
          await measure(batches.length, c, (i) =>
            call(url, s.officials[1], 'points', 'approveBatch', { batchId: batches[i] }, true),
          ),
        )
        record(
          'volunteer.signup',
          'write',
          c,
          await measure(n, c, () => {
            const k = su++
            return call(
              url,
              signers[k % signers.length]!,
              'volunteer',
              'signup',
              { taskId: tasks[Math.floor(k / signers.length)] },
              true,
            )
          }),
        )
      }
    }

    const peak = vmHWM(host.pid)
    console.log(`  host peak memory (VmHWM) ${(peak / 1048576).toFixed(0)} MB`)
    return {
      scale,
      seed: SEED,
      month: MONTH,
      quarter: QUARTER,
      manifest: { ...manifest, sample: undefined },
      hostPeakBytes: peak,
      rows,
    }
  } finally {
    host.child.kill('SIGTERM')
    await new Promise((r) => host.child.once('exit', r))
  }
}

async function client(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  if (existsSync(join(ROOT, 'dist/weapp/app.json'))) {
    out.weapp = weappSizes(ROOT)
    console.log('\n== mini-program packages (bytes)')
    for (const [k, v] of Object.entries(out.weapp as Record<string, number>))
      console.log(`  ${k.padEnd(22)} ${(v / 1024).toFixed(0).padStart(6)} KB`)
  } else console.log('\n(no dist/weapp: run `flock /tmp/linli-build.lock npm run build:weapp` first)')
  if (existsSync(join(ROOT, 'dist/h5/index.html'))) {
    const dataDir = join(ROOT, 'bench/data', 'client')
    mkdirSync(dataDir, { recursive: true })
    const host = await startHost(dataDir) // an empty folder: the host loads the demo seed
    try {
      const first = await h5FirstLoad(host.url, tokenOf('u-zhuoma'))
      out.h5 = first
      console.log(
        `== H5 first load: ${(first.bytes / 1024).toFixed(0)} KB in ${first.requests} requests, interactive after ${first.interactiveMs} ms`,
      )
    } finally {
      host.child.kill('SIGTERM')
      await new Promise((r) => host.child.once('exit', r))
    }
  } else console.log('(no dist/h5: run `flock /tmp/linli-build.lock npm run build:h5` first)')
  return out
}

/** The weak-network section (issue #19): the H5 build through the real host over the demo seed, throttled. */
async function network(): Promise<Record<string, unknown> | null> {
  if (!existsSync(join(ROOT, 'dist/h5/index.html'))) {
    console.log('(no dist/h5: run `NODE_ENV=production npx taro build --type h5` first)')
    return null
  }
  const dataDir = join(ROOT, 'bench/data', 'network')
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const host = await startHost(dataDir)
  try {
    const me = JSON.parse(
      await post(host.url, '/api/fn/account', tokenOf('u-zhaxi'), JSON.stringify({ action: 'getMe', data: {} })),
    ) as { data: { roles: Array<{ role: string; unit: { id: string } }> } }
    const grid = me.data.roles.find((r) => r.role === 'grid_worker')?.unit.id ?? ''
    const m = await networkMetrics(host.url, { resident: tokenOf('u-zhuoma'), worker: tokenOf('u-zhaxi') }, grid)
    printNetwork(m)
    return m
  } finally {
    host.child.kill('SIGTERM')
    await new Promise((r) => host.child.once('exit', r))
  }
}

async function main(): Promise<void> {
  // `npm run bench -- --import [--households N]`: the roster import at Ganzi's size (bench/import-roster.ts) instead
  if (process.argv.includes('--import')) return void (await import('./import-roster'))
  const results: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    seed: SEED,
    count: COUNT,
    scales: [] as unknown[],
  }
  if (ONLY === 'network') {
    results.network = await network()
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
    const file = join(ROOT, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}-network.json`)
    writeFileSync(file, JSON.stringify(results, null, 1))
    console.log(`\nwritten ${file}`)
    return
  }
  for (const scale of SCALES) (results.scales as unknown[]).push(await benchScale(scale))
  if (GENERATE_ONLY) return
  // growth of each read path (p95 at concurrency 8) from the smallest to the largest scale run
  const sc = results.scales as Array<{ scale: number; rows: Row[] }>
  if (sc.length > 1) {
    const lo = sc[0]!
    const hi = sc[sc.length - 1]!
    const growth: Record<string, number> = {}
    const growthP50: Record<string, number> = {}
    const ratio = (a: number, b: number) => Math.round((b / Math.max(0.01, a)) * 100) / 100
    console.log(
      `\n== read growth ${lo.scale}× → ${hi.scale}× (p95 at c=8, exports at c=1; and p50 at c=1, the cost of one request)`,
    )
    for (const r of lo.rows.filter(
      (x) => x.kind === 'read' && x.concurrency === (x.name.includes('export') || x.name.includes('ledger') ? 1 : 8),
    )) {
      const h = hi.rows.find((x) => x.name === r.name && x.concurrency === r.concurrency)
      if (!h) continue
      growth[r.name] = ratio(r.p95, h.p95)
      const l1 = lo.rows.find((x) => x.name === r.name && x.concurrency === 1)
      const h1 = hi.rows.find((x) => x.name === r.name && x.concurrency === 1)
      if (l1 && h1) growthP50[r.name] = ratio(l1.p50, h1.p50)
      console.log(
        `  ${r.name.padEnd(30)} ${r.p95.toFixed(1).padStart(6)} → ${h.p95.toFixed(1).padStart(6)} ms  ×${String(growth[r.name]).padEnd(5)}` +
          (l1 && h1 ? `   p50 c=1 ${l1.p50.toFixed(2)} → ${h1.p50.toFixed(2)} ms  ×${growthP50[r.name]}` : ''),
      )
    }
    results.growth = growth
    results.growthP50 = growthP50
  }
  if (!NO_CLIENT) {
    results.client = await client()
    results.network = await network()
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
  const file = join(ROOT, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(results, null, 1))
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 1))
  console.log(`\nwritten ${file}`)
}

// `--round-trips`: the requests each action makes of the database (bench/round-trips.ts), instead of the rest;
// `--cold-starts`: only the functions' cold starts (the last part of --round-trips)
;(process.argv.includes('--round-trips')
  ? import('./round-trips').then((m) => m.roundTripsMain())
  : process.argv.includes('--cold-starts')
    ? import('./round-trips').then((m) => m.coldStartsMain())
    : main()
).catch((err) => {
  console.error(err)
  process.exit(1)
})
