import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { C } from '../cloudfunctions/_core/collections'
import { ManualClock } from '../cloudfunctions/_core/clock'
import type { FilePort } from '../cloudfunctions/_core/files'
import type { DataPort } from '../cloudfunctions/_core/port'
import { createLocalRuntime } from '../cloudfunctions/_core/local-runtime'
import type { Runtime } from '../cloudfunctions/_core/runtime'
import { FUNCTIONS } from '../cloudfunctions/registry'
import { codeFor } from '../cloudfunctions/patrol/patrol.codes'
import { DEV_CODE_KEY } from '../cloudfunctions/patrol/patrol.config'
import { generateTree, type Tree } from './generate-tree'
import { Rng } from './prng'
import type { Reply } from '../tests/support/harness'

/**
 * A year of activity in the synthetic prefecture, made by calling the real action handlers in-process
 * (the same `handle` the host calls) under a ManualClock moved through the year, so every document,
 * counter and index is what production writes. Per village and year (the same density at every scale):
 * ~280 incidents (report → accept → resolve / escalate → rate), one evening patrol a day over 5 checkpoints,
 * points batches every ~10 days (propose → approve → settle after publicity), ~90 redemptions, a volunteer
 * task a month with sign-ups.
 */
export const YEAR_START = Date.UTC(2025, 10, 1) - 8 * 3_600_000 // 2025-11-01 00:00 Beijing
export const DAY = 86_400_000
const HOUR = 3_600_000
const MIN = 60_000

export interface Manifest {
  scale: number
  seed: number
  days: number
  yearStart: number
  generatedMs: number
  actions: number
  actionErrors: number
  firstErrors: string[]
  counts: Record<string, number>
  /** ids the benchmark needs */
  sample: {
    countyId: string
    townshipId: string
    villageId: string
    gridId: string
    gridWorker: string
    officials: [string, string]
    storeKeeper: string
    orgAdmin: string
    orgId: string
    dispatcher: string
    captain: string
    patrolVolunteers: string[]
    teamId: string
    routeId: string
    checkpoints: Array<{ id: string; lat: number; lng: number; code: string }>
    residents: string[]
    gridResidents: string[]
    householdOfResident: Record<string, string>
    residentsWithBalance: string[]
    ruleId: string
    goodsIds: string[]
    households: string[]
  }
}

/** Generation accepts any photo id: the images themselves do not matter to any figure. */
const acceptingFiles: FilePort = {
  adoptPhoto: async (id) => ({ fileId: id, passed: true }),
  urls: async (ids) => Object.fromEntries(ids.map((i) => [i, `/api/files/${i}`])),
  putGenerated: async (name) => ({ fileId: `gen_${name}`, url: `/gen/${name}` }),
}

export interface GenerateOptions {
  scale: number
  seed: number
  dir: string
  days?: number
  log?: (msg: string) => void
}

export async function generate(opts: GenerateOptions): Promise<Manifest> {
  const { scale, seed, dir } = opts
  const days = opts.days ?? 365
  const log = opts.log ?? ((m: string) => console.log(m))
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const started = performance.now()
  const clock = new ManualClock(YEAR_START)
  const local = createLocalRuntime({
    dbFile: join(dir, 'linli.db'),
    clock,
    log: { info: () => undefined, error: (m, e) => errors.push(`${m} ${JSON.stringify(e).slice(0, 300)}`) },
  })
  const rt: Runtime = { ...local, files: acceptingFiles }
  const db = local.db
  const errors: string[] = []
  const rng = new Rng(seed)
  const tree = generateTree(db, scale, seed, YEAR_START)
  log(
    `  tree: ${tree.villages.length} villages, ${tree.grids.length} grids, ${tree.households.length} households (${Math.round(performance.now() - started)} ms)`,
  )

  // actions share a commit in groups of BATCH (each still its own savepoint: see SqlitePort.beginBatch)
  const BATCH = 2000
  db.beginBatch()
  let actions = 0
  let actionErrors = 0
  let req = 0
  async function call<T = Reply>(
    fn: string,
    userId: string,
    action: string,
    data: unknown,
    write = true,
  ): Promise<T | null> {
    actions += 1
    const body = write ? { action, data, requestId: `gen-${(req++).toString(36).padStart(8, '0')}` } : { action, data }
    if (actions % BATCH === 0) {
      db.commitBatch()
      db.beginBatch()
    }
    const env = await FUNCTIONS[fn]!.handle(body, { kind: 'user', userId }, rt)
    if (!env.ok) {
      actionErrors += 1
      if (errors.length < 20) errors.push(`${fn}.${action} by ${userId}: ${env.code} ${env.message}`)
      return null
    }
    return env.data as T
  }

  // ---- set-up per village, through the actions ----
  const villageSetup = new Map<
    string,
    {
      teamId: string
      routeId: string
      shiftId: string
      checkpoints: Array<{ id: string; lat: number; lng: number; code: string }>
      ruleIds: string[]
      goodsIds: string[]
      orgId: string | null
      households: string[]
      residents: string[]
    }
  >()
  const householdsByVillage = new Map<string, string[]>()
  for (const h of tree.households) {
    const l = householdsByVillage.get(h.villageId) ?? []
    l.push(h._id)
    householdsByVillage.set(h.villageId, l)
  }
  const residentsByVillage = new Map<string, string[]>()
  for (const g of tree.grids) {
    const l = residentsByVillage.get(g.parentId!) ?? []
    l.push(...(tree.residentsByGrid.get(g._id) ?? []))
    residentsByVillage.set(g.parentId!, l)
  }
  const gridsByVillage = new Map<string, string[]>()
  for (const g of tree.grids) {
    const l = gridsByVillage.get(g.parentId!) ?? []
    l.push(g._id)
    gridsByVillage.set(g.parentId!, l)
  }
  const villageCenter = (i: number) => ({ lat: 30 + (i % 97) * 0.03, lng: 99 + Math.floor(i / 97) * 0.03 })

  for (const [vi, v] of tree.villages.entries()) {
    const [official, approver] = tree.officials.get(v._id)!
    const vols = tree.patrolVolunteers.get(v._id) ?? []
    const captain = vols[0]!
    const team = await call('patrol', official, 'saveTeam', {
      villageId: v._id,
      name: '红袖套巡逻队',
      captainId: captain,
      memberIds: vols.slice(0, 100),
    })
    const route = await call('patrol', official, 'createRoute', { villageId: v._id, name: '村内环线' })
    if (!team || !route) throw new Error(`set-up failed: ${errors.join(' | ')}`)
    const c = villageCenter(vi)
    const checkpoints: Array<{ id: string; lat: number; lng: number; code: string }> = []
    for (let k = 0; k < 5; k++) {
      const loc = { lat: c.lat + k * 0.001, lng: c.lng + k * 0.001 }
      const r = await call('patrol', official, 'saveCheckpoint', {
        routeId: route.id,
        name: `点位${k + 1}`,
        location: { ...loc, datum: 'gcj02' },
        radiusM: 80,
      })
      const cp = r.checkpoint
      checkpoints.push({ id: cp.id, ...loc, code: codeFor(DEV_CODE_KEY, cp.id, v._id) })
    }
    const shift = await call('patrol', official, 'saveShift', {
      villageId: v._id,
      name: '晚巡',
      teamId: team.id,
      routeId: route.id,
      startMinute: 19 * 60,
      durationMinutes: 120,
    })
    const ruleIds: string[] = []
    for (const [code, name, category, points] of [
      ['YARD_CLEAN', '庭院整洁、门前三包', '环境卫生', 5],
      ['GARBAGE_SORT', '垃圾分类定点投放', '环境卫生', 2],
      ['NEIGHBOR_HELP', '邻里互助、帮扶困难户', '邻里互助', 5],
      ['FILIAL_CARE', '孝敬老人、照顾病残家人', '孝老爱亲', 10],
    ] as const) {
      const r = await call('points', official, 'saveRule', { villageId: v._id, code, name, category, points })
      if (r) ruleIds.push(r.id)
    }
    const goodsIds: string[] = []
    for (const [name, price] of [
      ['洗衣粉（1 公斤）', 10],
      ['毛巾', 8],
      ['香皂（3 块装）', 5],
    ] as const) {
      const r = await call('points', tree.storeKeepers.get(v._id)!, 'saveGoods', {
        villageId: v._id,
        name,
        price,
        stock: 100_000,
      })
      if (r) goodsIds.push(r.id)
    }
    const orgAdmin = tree.orgAdmins.get(v._id)!
    const org = await call('volunteer', orgAdmin, 'registerOrg', {
      name: `${v.name}志愿服务队`,
      kind: 'volunteer_team',
      unitId: v._id,
      intro: '村里的志愿服务队',
      contactName: '联系人',
      contactPhone: '13900000000',
    })
    if (org) await call('volunteer', official, 'decideOrg', { orgId: org.id, approve: true })
    void approver
    villageSetup.set(v._id, {
      teamId: team.id,
      routeId: route.id,
      shiftId: shift.id,
      checkpoints,
      ruleIds,
      goodsIds,
      orgId: org?.id ?? null,
      households: householdsByVillage.get(v._id) ?? [],
      residents: residentsByVillage.get(v._id) ?? [],
    })
  }
  log(`  set-up: ${actions} actions, ${actionErrors} errors (${Math.round(performance.now() - started)} ms)`)
  if (errors.length) log(`  first errors: ${errors.slice(0, 5).join(' | ')}`)

  // ---- a year, day by day, in phases so the clock only moves forward ----
  const categories = ['sanitation', 'facility', 'hazard', 'dispute', 'other']
  type Open = {
    id: string
    villageId: string
    gridId: string
    reporter: string
    fate: 'resolve' | 'escalate' | 'open' | 'reject'
    level: 'grid' | 'village' | 'township' | 'department'
    status: string
  }
  const pendingAwards: Array<{ villageId: string; at: number }> = []
  const redemptionsOpen: Array<{ villageId: string; code: string | null; id: string; user: string; cancel: boolean }> =
    []
  let lastLog = performance.now()
  const headOfHousehold = new Map<string, string>()
  for (const [u, h] of tree.userHousehold) headOfHousehold.set(h, u)
  const creditedByVillage = new Map<string, string[]>()
  for (let d = 0; d < days; d++) {
    const day0 = YEAR_START + d * DAY
    // 08:00–09:00 reports
    const reported: Open[] = []
    clock.set(day0 + 8 * HOUR)
    for (const v of tree.villages) {
      const n = rng.chance(0.77) ? 1 : 0
      for (let k = 0; k < n; k++) {
        const grids = gridsByVillage.get(v._id)!
        const gridId = rng.pick(grids)
        const byWorker = rng.chance(0.4)
        const residents = tree.residentsByGrid.get(gridId) ?? []
        const reporter = byWorker || !residents.length ? tree.gridWorkers.get(gridId)! : rng.pick(residents)
        clock.advance(1000)
        const inc = await call('incident', reporter, 'report', {
          category: rng.pick(categories),
          severity: rng.chance(0.1) ? 'serious' : 'normal',
          description: '路灯坏了好几天，晚上看不清路',
          photos: ['f_0123456789abcdef0123456789abcdef'],
          location: { lat: 31 + rng.next() * 0.1, lng: 100 + rng.next() * 0.1, datum: 'gcj02' },
          gridId,
        })
        if (!inc) continue
        const r = rng.next()
        const fate = r < 0.75 ? 'resolve' : r < 0.87 ? 'escalate' : r < 0.93 ? 'reject' : 'open'
        reported.push({ id: inc.id, villageId: v._id, gridId, reporter, fate, level: inc.level, status: inc.status })
      }
    }
    // 10:00 whoever handles it at its level acts: the grid worker, the village official, the township dispatcher
    const actor = (o: Open) =>
      o.level === 'grid'
        ? tree.gridWorkers.get(o.gridId)!
        : o.level === 'village'
          ? tree.officials.get(o.villageId)![0]
          : tree.dispatchers.get(tree.villages.find((v) => v._id === o.villageId)!.parentId!)!
    const local = (o: Open) => o.level === 'grid' || o.level === 'village'
    const transition = async (o: Open, action: string, data: Record<string, unknown>) => {
      clock.advance(1000)
      const r = await call<{ status: string; level: Open['level'] }>('incident', actor(o), action, {
        incidentId: o.id,
        ...data,
      })
      if (r) {
        o.level = r.level
        o.status = r.status
      }
      return r
    }
    clock.set(day0 + 10 * HOUR)
    for (const o of reported) {
      if (o.fate === 'reject') await transition(o, 'reject', { note: '不属于网格事务，已电话答复' })
      else if (o.fate === 'escalate' && local(o)) await transition(o, 'escalate', { note: '处理不了，请上级协调' })
      else if (local(o)) await transition(o, 'accept', { note: '已受理' })
    }
    // 15:00 resolved where it now is (accepted first if it arrived by escalation; closed by the township)
    clock.set(day0 + 15 * HOUR)
    for (const o of reported) {
      if (o.fate !== 'resolve' && o.fate !== 'escalate') continue
      if (!local(o)) await transition(o, 'close', { note: '乡镇协调解决了' })
      else {
        if (o.status !== 'accepted') await transition(o, 'accept', { note: '受理' })
        await transition(o, 'resolve', { note: '已处理完毕' })
      }
    }
    // 19:05–19:50 the evening patrol: start, five check-ins, finish
    for (const v of tree.villages) {
      const s = villageSetup.get(v._id)!
      const vols = tree.patrolVolunteers.get(v._id) ?? []
      if (!vols.length || rng.chance(0.05)) continue
      clock.set(day0 + 19 * HOUR + 5 * MIN)
      const walker = rng.pick(vols.slice(0, 100))
      const p = await call('patrol', walker, 'startPatrol', { shiftId: s.shiftId })
      if (!p) continue
      for (const [k, cp] of s.checkpoints.entries()) {
        clock.set(day0 + 19 * HOUR + (10 + k * 8) * MIN)
        const off = rng.chance(0.05) ? 0.01 : 0
        await call('patrol', walker, 'checkIn', {
          patrolId: p.id,
          code: cp.code,
          position: { lat: cp.lat + off, lng: cp.lng },
          accuracyM: 15,
          deviceAt: clock.now() - 2000,
        })
      }
      clock.set(day0 + 19 * HOUR + 55 * MIN)
      await call('patrol', walker, 'finishPatrol', { patrolId: p.id })
    }
    // 20:30 reporters rate what was done today
    clock.set(day0 + 20 * HOUR + 30 * MIN)
    for (const o of reported) {
      if (o.status !== 'resolved' || !rng.chance(0.7)) continue
      clock.advance(1000)
      await call('incident', o.reporter, 'rate', { incidentId: o.id, rating: rng.chance(0.85) ? 'satisfied' : 'basic' })
    }
    // 11:00 every ~10 days, each village proposes a points batch which the other official approves
    if (d % 10 === 0) {
      for (const v of tree.villages) {
        const s = villageSetup.get(v._id)!
        if (!s.households.length || !s.ruleIds.length) continue
        const [off, approver] = tree.officials.get(v._id)!
        const size = Math.min(100, Math.max(1, Math.round(s.households.length * 0.28)))
        const start = rng.int(0, s.households.length - 1)
        const items = Array.from({ length: size }, (_, i) => ({
          householdId: s.households[(start + i) % s.households.length]!,
        }))
        clock.set(day0 + 11 * HOUR)
        const b = await call('points', off, 'propose', {
          villageId: v._id,
          ruleId: rng.pick(s.ruleIds),
          items,
          note: '月度评议',
        })
        if (!b) continue
        clock.set(day0 + 12 * HOUR)
        await call('points', approver, 'approveBatch', { batchId: b.id })
        pendingAwards.push({ villageId: v._id, at: day0 + 12 * HOUR })
        const credited = creditedByVillage.get(v._id) ?? []
        credited.push(...items.map((i) => headOfHousehold.get(i.householdId)!).filter(Boolean))
        creditedByVillage.set(v._id, credited.slice(-400))
      }
    }
    // 07:00 settle publicity that has ended (3 days)
    if (d % 10 === 4) {
      clock.set(day0 + 7 * HOUR)
      for (const pa of pendingAwards.splice(0))
        await call('points', tree.officials.get(pa.villageId)![1], 'settlePublicity', { villageId: pa.villageId })
    }
    // 16:00 redemptions (~0.26 a village a day) and pickup the next day
    clock.set(day0 + 16 * HOUR)
    for (const r of redemptionsOpen.splice(0)) {
      clock.advance(1000)
      if (r.cancel) await call('points', r.user, 'cancelRedemption', { redemptionId: r.id })
      else if (r.code)
        await call('points', tree.storeKeepers.get(r.villageId)!, 'fulfil', { villageId: r.villageId, code: r.code })
    }
    if (d > 14) {
      for (const v of tree.villages) {
        if (!rng.chance(0.26)) continue
        const s = villageSetup.get(v._id)!
        const credited = creditedByVillage.get(v._id) ?? []
        if (!credited.length || !s.goodsIds.length) continue
        const user = rng.pick(credited)
        clock.advance(1000)
        const r = await call('points', user, 'redeem', { goodsId: rng.pick(s.goodsIds), quantity: 1 })
        if (r) redemptionsOpen.push({ villageId: v._id, code: r.code, id: r.id, user, cancel: rng.chance(0.1) })
      }
    }
    // 09:30 on the 3rd of each 30 days: a volunteer task for the 20th, with sign-ups over the next days
    if (d % 30 === 2) {
      clock.set(day0 + 9 * HOUR + 30 * MIN)
      for (const v of tree.villages) {
        const s = villageSetup.get(v._id)!
        if (!s.orgId) continue
        const startAt = day0 + 17 * DAY + 9 * HOUR
        const t = await call('volunteer', tree.orgAdmins.get(v._id)!, 'publishTask', {
          orgId: s.orgId,
          title: '清扫村道',
          description: '一起清扫村里的主干道',
          category: 'environment',
          placeName: '村委会门口',
          location: { ...villageCenter(0), datum: 'gcj02' },
          startAt,
          endAt: startAt + 3 * HOUR,
          slots: 8,
          signupDeadline: startAt - DAY,
        })
        if (!t) continue
        for (let k = 0; k < 10 && s.residents.length; k++) {
          clock.advance(1000)
          await call('volunteer', rng.pick(s.residents), 'signup', { taskId: t.task?.id ?? t.id })
        }
      }
    }
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now()
      log(
        `  day ${d + 1}/${days}: ${actions} actions, ${actionErrors} errors, ${Math.round((performance.now() - started) / 1000)} s`,
      )
    }
  }

  db.commitBatch()
  const counts: Record<string, number> = {}
  for (const c of [
    C.units,
    C.households,
    C.users,
    C.incidents,
    C.incident_events,
    C.patrols,
    C.patrol_checkins,
    C.points_ledger,
    C.points_awards,
    C.points_redemptions,
    C.volunteer_tasks,
    C.volunteer_signups,
    'requests',
  ])
    counts[c] = await db.count(c)

  // ---- the sample the benchmark works on: the first county, township, village and grid ----
  const v0 = tree.villages[0]!
  const s0 = villageSetup.get(v0._id)!
  const g0 = gridsByVillage.get(v0._id)![0]!
  const accounts = await (db as DataPort).find(C.points_accounts, {
    where: { villageId: v0._id },
    orderBy: [['balance', 'desc']],
    limit: 200,
  })
  const headOf = new Map<string, string>()
  for (const [u, h] of tree.userHousehold) headOf.set(h, u)
  const householdOfResident: Record<string, string> = {}
  for (const u of s0.residents) householdOfResident[u] = tree.userHousehold.get(u)!
  const manifest: Manifest = {
    scale,
    seed,
    days,
    yearStart: YEAR_START,
    generatedMs: Math.round(performance.now() - started),
    actions,
    actionErrors,
    firstErrors: errors.slice(0, 10),
    counts,
    sample: {
      countyId: tree.counties[0]!._id,
      townshipId: v0.parentId!,
      villageId: v0._id,
      gridId: g0,
      gridWorker: tree.gridWorkers.get(g0)!,
      officials: tree.officials.get(v0._id)!,
      storeKeeper: tree.storeKeepers.get(v0._id)!,
      orgAdmin: tree.orgAdmins.get(v0._id)!,
      orgId: s0.orgId ?? '',
      dispatcher: tree.dispatchers.get(v0.parentId!)!,
      captain: tree.patrolVolunteers.get(v0._id)![0]!,
      patrolVolunteers: (tree.patrolVolunteers.get(v0._id) ?? []).slice(0, 100),
      teamId: s0.teamId,
      routeId: s0.routeId,
      checkpoints: s0.checkpoints,
      residents: s0.residents,
      gridResidents: tree.residentsByGrid.get(g0) ?? [],
      householdOfResident,
      residentsWithBalance: accounts
        .filter((a) => a.balance >= 20)
        .map((a) => headOf.get(a._id)!)
        .filter(Boolean),
      ruleId: s0.ruleIds[0] ?? '',
      goodsIds: s0.goodsIds,
      households: s0.households,
    },
  }
  await db.close()
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1))
  return manifest
}

export type { Tree }
