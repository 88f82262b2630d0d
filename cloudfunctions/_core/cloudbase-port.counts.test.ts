import tcb from '@cloudbase/node-sdk'
import { CloudbaseStandIn } from '../../tests/support/cloudbase-standin'
import { jpegWithExif } from '../../tests/support/fixtures'
import { rid, testEnv, type Reply, type TestEnv } from '../../tests/support/harness'
import { HERE } from '../../tests/support/incident'
import { CODE_KEY, CPS, code, MIN } from '../../tests/support/patrol'
import { postTask } from '../../tests/support/volunteer'
import { bjMonth } from '@shared/time/beijing'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { FUNCTIONS } from '../registry'
import { CloudbasePort } from './cloudbase-port'
import { cloudbaseNotifier } from './cloudbase-services'
import { COLLECTIONS, type CollectionName } from './collections'
import { CountingPort } from './counting-port'
import { LocalFilePort } from './files'
import { stableId } from './ids'
import { localMediaChecker, mediaCheckPort } from './media-check'
import { createRuntime, type Runtime } from './runtime'
import type { RawPort } from './port'

/**
 * How many requests the key actions make of CloudBase's database (issue #21): real handlers over the real
 * `CloudbasePort` and the real SDK, whose request layer is the stand-in (`tests/support/cloudbase-standin.ts`),
 * counted on the wire. A change that adds a round trip to one of these fails here, by count, never by time. The
 * same calls over `CountingPort` (what `npm run bench -- --round-trips` counts) give the same numbers.
 */
const standIn = new CloudbaseStandIn()
const app = tcb.init({ env: 'linli-test', secretId: 'id', secretKey: 'key' })
const cbDb = app.database()

let env: TestEnv
let seeded: Map<CollectionName, Array<{ _id: string }>>

beforeAll(async () => {
  // on CloudBase the deploy sets the pickup-code key on the points function (it refuses to deploy without it)
  process.env.LINLI_POINTS_CODE_KEY ??= 'counts-test-points-code-key-0123456789abcdef'
  // and the checkpoint-code key on the patrol function: here the development key the test's codes are signed with
  process.env.LINLI_PATROL_CODE_KEY ??= CODE_KEY
  env = await testEnv()
  // the demo seed, and what the steps below need made first (a task to sign up to)
  const task = await postTask(env, { slots: 10 })
  taskId = task.id
  // a patrol of the morning shift (08:00–10:00; "now" is 10:00), started on the phone at 09:30, to check in on
  const started = await env.ok<{ id: string }>('patrol', 'u-gesang', 'startPatrol', {
    shiftId: PATROL_SEED.morningShiftId,
    deviceAt: env.clock.now() - 30 * MIN,
  })
  patrolId = started.id
  seeded = new Map()
  for (const name of Object.keys(COLLECTIONS) as CollectionName[])
    seeded.set(name, (await env.rt.db.find(name, { limit: 100_000 })) as Array<{ _id: string }>)
})
afterAll(() => env.close())
let taskId = ''
let patrolId = ''

/**
 * A runtime over `raw`, as a warm instance is: its unit directory has read the tree (a cold one reads each unit
 * once, then keeps it for minutes).
 */
async function runtimeOver(raw: RawPort): Promise<Runtime & { files: LocalFilePort }> {
  // WeChat answering every subscribe message (errcode 0), as on CloudBase: each push's outcome is recorded, and the
  // record is a request of the action's too
  const wechat = { callWxOpenApi: async () => ({ result: JSON.stringify({ errcode: 0 }) }) }
  const notifier = cloudbaseNotifier(wechat as never, env.rt.log, 'tpl-counts')
  const base = createRuntime({ mode: 'cloudbase', db: raw, clock: env.clock, log: env.rt.log, notifier })
  const media = mediaCheckPort(base.db, env.clock, localMediaChecker)
  const files = new LocalFilePort(env.rt.files.dir, { clock: env.clock, media })
  for (const u of seeded.get('units') ?? []) await base.units.get(u._id)
  return { ...base, media, files }
}

const call = async (
  rt: Runtime,
  user: string,
  fn: string,
  action: string,
  data: unknown,
  requestId?: string,
  retry?: true,
) =>
  (await FUNCTIONS[fn]!.handle(
    {
      action,
      data,
      ...(FUNCTIONS[fn]!.contract.actions[action]!.write ? { requestId: requestId ?? rid() } : {}),
      ...(retry ? { retry } : {}),
    },
    { kind: 'user', userId: user },
    rt,
  )) as Reply

/** The steps measured, each on the state the ones before it left. */
type Step = [name: string, run: (rt: Runtime, photo: () => string, got: Record<string, string>) => Promise<Reply>]
const steps: Step[] = [
  ['account.getMe', (rt) => call(rt, 'u-zhuoma', 'account', 'getMe', {})],
  [
    'incident.report',
    async (rt, photo, got) => {
      got.photo = photo()
      const r = await call(
        rt,
        'u-zhuoma',
        'incident',
        'report',
        { category: 'sanitation', description: '三号楼后面垃圾堆了三天没人清运', photos: [got.photo], location: HERE },
        'count-report-1',
      )
      got.incidentId = r.data?.id
      return r
    },
  ],
  // the same report sent again: as the app sends a retry, and without the mark (an old app)
  ...(
    [
      ['incident.report replayed', true],
      ['incident.report replayed, not marked as a retry', undefined],
    ] as const
  ).map(([name, retry]): Step => [
    name,
    (rt, _p, got) =>
      call(
        rt,
        'u-zhuoma',
        'incident',
        'report',
        { category: 'sanitation', description: '三号楼后面垃圾堆了三天没人清运', photos: [got.photo], location: HERE },
        'count-report-1',
        retry,
      ),
  ]),
  // a second report in the same warm instance: its counters exist, its county's categories and settings are kept
  [
    'incident.report, warm',
    (rt, photo) =>
      call(rt, 'u-zhuoma', 'incident', 'report', {
        category: 'sanitation',
        description: '路灯坏了两个晚上了',
        photos: [photo()],
        location: HERE,
      }),
  ],
  ['incident.get', (rt, _p, got) => call(rt, 'u-zhaxi', 'incident', 'get', { incidentId: got.incidentId })],
  ['incident.listQueue', (rt) => call(rt, 'u-zhaxi', 'incident', 'listQueue', { view: 'todo' })],
  [
    'incident.accept',
    (rt, _p, got) => call(rt, 'u-zhaxi', 'incident', 'accept', { incidentId: got.incidentId, note: '已受理' }),
  ],
  [
    'incident.escalate',
    (rt, _p, got) => call(rt, 'u-zhaxi', 'incident', 'escalate', { incidentId: got.incidentId, note: '需要村里协调' }),
  ],
  // the minute timer sending the pushes the steps above left waiting in the inbox (the two reports', the accept's and
  // the escalation's messages), all of them in one run
  [
    'incident.sendPushes (timer)',
    async (rt) => ({ ok: true, data: await FUNCTIONS.incident!.timers.sendPushes!.run(rt, env.clock.now()) }) as Reply,
  ],
  ['points.myPoints', (rt) => call(rt, 'u-zhuoma', 'points', 'myPoints', {})],
  ...(['patrol.getFigures township month, first', 'patrol.getFigures township month'] as const).map((name): Step => [
    name,
    (rt) =>
      call(rt, 'u-zhoumin', 'patrol', 'getFigures', {
        unitId: '513328100',
        fromMonth: bjMonth(env.clock.now()),
        toMonth: bjMonth(env.clock.now()),
      }),
  ]),
  [
    'points.redeem',
    (rt) => {
      const soap = (seeded.get('points_goods') as Array<{ _id: string; name: string; villageId: string }>).find(
        (g) => g.villageId === '513328100001' && g.name.startsWith('香皂'),
      )!
      return call(rt, 'u-zhuoma', 'points', 'redeem', { goodsId: soap._id, quantity: 1 })
    },
  ],
  // the same household's second redemption of the month: its counters exist now, the settings are kept (warm)
  [
    'points.redeem, again',
    (rt) => {
      const soap = (seeded.get('points_goods') as Array<{ _id: string; name: string; villageId: string }>).find(
        (g) => g.villageId === '513328100001' && g.name.startsWith('香皂'),
      )!
      return call(rt, 'u-zhuoma', 'points', 'redeem', { goodsId: soap._id, quantity: 1 })
    },
  ],
  ['volunteer.signup', (rt) => call(rt, 'u-zhuoma', 'volunteer', 'signup', { taskId })],
  // the instance's first check-in (it reads the checkpoint, then keeps it a minute), then one at the next checkpoint
  ...(
    [
      ['patrol.checkIn, first', 0],
      ['patrol.checkIn', 1],
    ] as const
  ).map(([name, i]): Step => [
    name,
    (rt) =>
      call(rt, 'u-gesang', 'patrol', 'checkIn', {
        patrolId,
        code: code(CPS[i]!.id),
        position: { lat: CPS[i]!.lat, lng: CPS[i]!.lng },
        accuracyM: 12,
        deviceAt: env.clock.now(),
      }),
  ]),
  [
    'points.propose',
    async (rt, photo, got) => {
      const r = await call(rt, 'u-lixiuying', 'points', 'propose', {
        villageId: '513328100001',
        ruleId: stableId('pr', '513328100001', 'YARD_CLEAN'), // pointsKeys.rule
        items: [{ householdId: 'hh-513328100001-G01-01' }],
        evidence: [photo()],
      })
      got.batchId = r.data?.id
      return r
    },
  ],
  [
    'points.approveBatch',
    (rt, _p, got) => call(rt, 'u-wangjianguo', 'points', 'approveBatch', { batchId: got.batchId }),
  ],
  // the same household under the same rule again this month: its cap is there
  [
    'points.propose, the cap there',
    (rt, photo) =>
      call(rt, 'u-lixiuying', 'points', 'propose', {
        villageId: '513328100001',
        ruleId: stableId('pr', '513328100001', 'YARD_CLEAN'),
        items: [{ householdId: 'hh-513328100001-G01-01' }],
        evidence: [photo()],
      }),
  ],
]

/** Who uploads the photo a step may use (before the step: the upload is not the action). */
const UPLOADER: Record<string, string> = {
  'points.propose': 'u-lixiuying',
  'points.propose, the cap there': 'u-lixiuying',
}

/**
 * Requests per step on CloudBase, counted on the wire (begin and commit one each). The report is the month's first
 * in three of its five units (a counter that does not exist yet is an update that finds nothing, then an insert:
 * 21 once they exist); the redemption the household's and the village's first of the month (two such counters).
 */
const EXPECTED: Record<string, number> = {
  'account.getMe': 3,
  // + the county's deadline settings (issue #22), read beside its categories
  // its view reads no media check: the case keeps that its photo passed
  // its view takes the case and its first timeline entry as the transaction wrote them (wrap's handOn)
  // the prefecture keeps no counters of its own (its figures are its counties' summed when read): 24 → 23
  // the photo's new media check written in the report's transaction, not in one of its own: 23 → 21
  // from issue #21's push round: each push's record is counted (WeChat answers here, as on CloudBase: +1, the two
  // records in one insert), the two inbox messages in one insert (−1), and the photo's check not looked for first
  // (−1: a photo adopted is new; a check already there fails the insert, and is read then): 21 → 20
  // the grid's holders told with the WeChat id and language their assignments keep: no look-up of them after the
  // commit (the reporter is the caller): 20 → 19; its pushes left to the minute timer (their record: −1): 18
  // the grid's holders not looked up: one notice for the grid in the same insert, given to them by the timer: 17
  // one counter document per counted change (the county's month keeps its township's, village's and grid's figures
  // below: 4 → 1, each created at a cold month's first report: 8 → 2), and the report's timeline entry made from
  // the case when read, not inserted (−1): 17 → 10
  'incident.report': 10,
  // counters that exist, and the county's categories and settings kept by the warm instance (60 s): 12 → 8
  'incident.report, warm': 8,
  'incident.report replayed': 4,
  // the request record not read first: the report runs again, its record's insert fails, all of it is rolled back,
  // then the record is read and presented
  // (the county's categories and settings kept, no prefecture counter: 20 → 17); the photo's check is not read
  // first, so the transaction's first insert (the check, there already) fails, and the record is read at once: 9
  // (the holders not looked up: 8)
  'incident.report replayed, not marked as a retry': 8,
  // the caller, the case, its timeline (its photos' checks kept on them: issue #21)
  'incident.get': 3,
  'incident.listQueue': 3,
  // + the push's record (WeChat answers here, as on CloudBase, and its answer is kept): 9 → 10; then the pushes left
  // to the minute timer (the profile look-up and the record are its requests now: −2), and the case read beside
  // the caller (the chain 7): 8
  'incident.accept': 8,
  // the case, the village's holders (two), then in the transaction the case, its timeline entry and three inbox
  // messages (the reporter, the two holders) in one insert; the push's look-up of the three, and their three
  // records in one insert: 12 (before the records were counted) → 11; the pushes left to the timer: 9; the village's
  // holders not looked up (one notice for the village, in the same insert; the timer finds and tells them): 8
  'incident.escalate': 8,
  // the holder notices waiting (one query), each unit's holders (the grid's and the village's: two), their messages in
  // one insert and the notices marked (one update); then the claim of every message waiting (one update), the
  // claimed read, the profiles of those whose messages carry none (one query), and what WeChat answered kept in one
  // insert: 9 (2 when nothing waits)
  'incident.sendPushes (timer)': 9,
  // the caller, then together: its account (which keeps the household, its open awards and the ledger's total) and a page
  'points.myPoints': 3,
  // the caller, the township's villages (then kept with the unit directory), the month's counters and the shifts
  'patrol.getFigures township month, first': 4,
  // a warm instance: the caller, the counters and the shifts
  'patrol.getFigures township month': 3,
  // no read of the redemption first (its insert fails for a twin), the village's month added to once, the view takes
  // the redemption as written; the month's limit counted on the account (no counter of its own), the goods read
  // once (in the transaction), the pickup code inserted unread (#21); the settings read (a cold instance's first)
  // the goods read, checked and taken from in one request (updateIf): 18 → 17
  // + the caller's document keeps the household, its village and its account's version found (issue #21): 18
  'points.redeem': 18,
  // then warm (settings kept 60 s) and not the month's first: 22 → 15 here; the goods in one request: 14; the
  // household and village as the caller's document keeps them (no household read), the points taken in one
  // conditional write of the account (its version, balance and month in the condition: no account read, no second
  // read of the caller), the household's month not written (it is there, and a redemption adds nothing to it): 10
  'points.redeem, again': 10,
  // the view takes the task as load read it and the counter and sign-up as run wrote them (wrap's handOn)
  // and whether the caller manages the task from the admins the task keeps (published with them), not their admin link
  // the slot counted in one request (updateIf: a free one's comparison in the write), the sign-up inserted unread (one
  // there already fails the insert, and the next try reads it): 12 → 10
  // the organisation's part counted in the village's document (below.<organisation>): one counter write, not two;
  // the reminder made by the half-hourly timer a day before (the sign-up keeps when: remindAt), not written here: 8
  'volunteer.signup': 8,
  // the caller (who keeps their teams: no membership read); in the transaction the patrol (read once: not in load
  // too), the check-in, the patrol, the team's counter only (the figures above a team sum the teams'), the record;
  // the checkpoint and the view's checkpoint names kept by a warm instance for a minute (configuration only): 13
  // before issue #21's patrol round, 9 before the teams were kept with the person
  'patrol.checkIn, first': 10,
  'patrol.checkIn': 8,
  // with a photo as evidence: the rule and the households read together, the cap read once in the transaction, the
  // batch handed to the view; the photo's new check written in that transaction, not one of its own, and the batch
  // keeps that its photo passed, so the view reads no check (#21: 16 → 13)
  // the photo's check not looked for first (its insert in the transaction fails if there is one): 13 → 12
  // the household's cap, found missing by the check before the photos are adopted, inserted unread in the
  // transaction (made meanwhile, the insert fails and the proposal runs again): 12 → 11
  'points.propose': 11,
  // the batch, its award, then the scored household's account read and its open awards written (#21); the batch
  // read once (its awards, still proposed, show it is still pending), the settings kept by the warm instance (the
  // redemptions read them), the view reads no check (the batch keeps that its evidence passed)
  // the award moved only while still proposed, in one request (updateIf), and its household's open awards appended to
  // without reading the account first: 10 → 8
  'points.approveBatch': 8,
  // its cap found by the check before the photos are adopted: its room checked and taken in one request (updateIf)
  // in the transaction, not read then written: 11
  'points.propose, the cap there': 11,
}

describe('requests per action on CloudBase (the stand-in SDK)', () => {
  it('the key actions make the requests counted here, and the bench’s CountingPort counts the same', async () => {
    // over the real adapter and SDK, on the wire
    for (const [name, docs] of seeded) standIn.load(name, docs)
    standIn.install()
    const onCloudbase = await runtimeOver(new CloudbasePort(cbDb))
    const photoOf =
      (rt: Runtime & { files: LocalFilePort }, name = '') =>
      () =>
        rt.files.savePhoto(jpegWithExif(), UPLOADER[name] ?? 'u-zhuoma').fileId
    const wire: Record<string, number> = {}
    const got: Record<string, string> = {}
    for (const [name, run] of steps) {
      const photo = photoOf(onCloudbase, name)
      const p = photo() // saving the photo is the upload, not the action
      standIn.take()
      const r = await run(onCloudbase, () => p, got)
      expect({ name, ok: r.ok, error: r.message }).toEqual({ name, ok: true, error: undefined })
      const sent = standIn.take()
      wire[name] = sent.length
      if (process.env.LINLI_SHOW_REQUESTS)
        console.log(
          name,
          sent.map((x) => `${x.api.replace('database.', '')} ${x.params.collectionName ?? ''}`),
        )
    }

    // the same steps over a fresh copy in the embedded store, behind the bench's counting port
    const local = await testEnv()
    try {
      for (const [name, docs] of seeded) local.rt.db.bulkInsert(name, docs as never)
      const counting = new CountingPort(local.rt.db, 0)
      const rt = await runtimeOver(counting)
      const counted: Record<string, number> = {}
      const got2: Record<string, string> = {}
      for (const [name, run] of steps) {
        const p = photoOf(rt, name)()
        counting.reset()
        const r = await run(rt, () => p, got2)
        expect({ name, ok: r.ok }).toEqual({ name, ok: true })
        counted[name] = counting.stats().requests
      }
      expect(wire).toEqual(EXPECTED)
      expect(counted).toEqual(wire)
    } finally {
      await local.close()
    }
  })

  it("reports over CloudBase give the same figures at every level as over the embedded store (the county's month)", async () => {
    for (const [name, docs] of seeded) standIn.load(name, docs)
    standIn.install()
    const onCloudbase = await runtimeOver(new CloudbasePort(cbDb))
    const local = await testEnv()
    try {
      for (const [name, docs] of seeded) local.rt.db.bulkInsert(name, docs as never)
      const here = await runtimeOver(local.rt.db)
      const reports: Array<[user: string, text: string]> = [
        ['u-zhuoma', '三号楼后面垃圾堆了三天没人清运'],
        ['u-zhaxi', '二网格路灯坏了两个晚上'],
        ['u-yangjin', '一组水渠堵了，水漫到路上'],
        ['u-zhuoma', '楼道里的灯也不亮了'],
      ]
      const month = bjMonth(env.clock.now())
      const units = ['513328', '513328100', '513328100001', '513328100001-G01', '513328100001-G02']
      units.push('513328101', '513328101201', '513328101201-G01')
      // each unit's figures as the figures page reads them (the prefecture's admin may read every unit)
      const figures = async (rt: Runtime) => {
        const out: Record<string, { found: number; [f: string]: unknown }> = {}
        for (const u of units) {
          const r = await call(rt, 'u-zhangwei', 'incident', 'getFigures', { unitId: u, period: month })
          expect({ u, ok: r.ok, error: r.message }).toEqual({ u, ok: true, error: undefined })
          out[u] = r.data.figures
        }
        return out
      }
      const before = await figures(onCloudbase)
      expect(before).toEqual(await figures(here))
      for (const rt of [onCloudbase, here])
        for (const [user, description] of reports) {
          const photo = rt.files.savePhoto(jpegWithExif(), user).fileId
          const r = await call(rt, user, 'incident', 'report', {
            category: 'sanitation',
            description,
            photos: [photo],
            location: HERE,
          })
          expect({ user, ok: r.ok, error: r.message }).toEqual({ user, ok: true, error: undefined })
        }
      const after = await figures(onCloudbase)
      expect(after).toEqual(await figures(here))
      const added = (u: string) => after[u]!.found - before[u]!.found
      expect(units.map(added)).toEqual([4, 3, 3, 2, 1, 1, 1, 1])
    } finally {
      await local.close()
    }
  })

  it("redeem: a household's first of a month, its membership kept: the points in one write, its month made", async () => {
    for (const [name, docs] of seeded) standIn.load(name, docs)
    standIn.install()
    const rt = await runtimeOver(new CloudbasePort(cbDb))
    const soap = (seeded.get('points_goods') as Array<{ _id: string; name: string; villageId: string }>).find(
      (g) => g.villageId === '513328100001' && g.name.startsWith('香皂'),
    )!
    const redeem = () => call(rt, 'u-zhuoma', 'points', 'redeem', { goodsId: soap._id, quantity: 1 })
    const now = env.clock.now()
    try {
      // the first keeps the household on her document; the month after, the first of that month
      expect((await redeem()).ok).toBe(true)
      env.clock.set(now + 32 * 86_400_000)
      standIn.take()
      const r = await redeem()
      expect({ ok: r.ok, error: r.message }).toEqual({ ok: true, error: undefined })
      const sent = standIn.take().map((x) => `${x.api.replace('database.', '')} ${x.params.collectionName ?? ''}`)
      if (process.env.LINLI_SHOW_REQUESTS) console.log(sent)
      // the caller, the settings (a new instance's first), then in the transaction the goods, the account (one
      // conditional write), the ledger line, the household's month (made: its modify, then its insert), the
      // village's month (made), the pickup code, the redemption and the request record: no household, no second read
      // of the caller, no read of the account
      expect(sent.filter((x) => /getDocument (households|points_accounts)/.test(x))).toEqual([])
      expect(sent.filter((x) => x === 'getDocument users')).toHaveLength(1)
      expect(sent.filter((x) => x === 'modifyAndReturnDoc points_accounts')).toHaveLength(1)
      // 11 with both months there; here 14: each month made (+1 each, its insert) and the settings read (+1: kept a
      // minute, and a month has passed)
      expect(sent).toHaveLength(14)
    } finally {
      env.clock.set(now)
    }
  })

  it('resolving the caller is one request', async () => {
    for (const [name, docs] of seeded) standIn.load(name, docs)
    standIn.install()
    const rt = await runtimeOver(new CloudbasePort(cbDb))
    standIn.take()
    await call(rt, 'u-zhuoma', 'account', 'getMe', {})
    const sent = standIn.take()
    expect(sent.filter((s) => s.params.collectionName === 'users')).toHaveLength(1)
    expect(sent.filter((s) => s.params.collectionName === 'role_assignments')).toHaveLength(0)
  })
})
