import type { Household, RoleAssignment, User } from '@shared/account/account.schema'
import type { LedgerEntry, PointsAccount } from '@shared/points/points.schema'
import { bjMonth } from '@shared/time/beijing'
import { GPS_MARK, jpegWithExif } from '../../tests/support/fixtures'
import { startTestHost, type TestHost } from '../../tests/support/host'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'
import type { DataPort } from '../_core/port'
import { pointsKeys } from './points.repo'
import { signedFileUrl } from '../../tests/support/files'

/** Concurrency through the real HTTP host: nothing oversells, no balance goes negative, one redemption per request. */
const V = '513328100001'
const GRID = '513328100001-G02'
let host: TestHost

let db: DataPort
beforeAll(async () => {
  host = await startTestHost()
  db = host.rt.db
})
afterAll(() => host.close())

/** n households, each with one resident and an opening balance (an opening ledger entry). */
function makeHouseholds(prefix: string, n: number, balance: number) {
  const now = host.clock.now()
  const month = bjMonth(now)
  const households: Household[] = []
  const users: User[] = []
  const roles: RoleAssignment[] = []
  const accounts: PointsAccount[] = []
  const entries: LedgerEntry[] = []
  for (let i = 0; i < n; i++) {
    const hh = `hh-${prefix}-${i}`
    const uid = `u-${prefix}-${i}`
    households.push({ _id: hh, villageId: V, gridId: GRID, headName: `测试户${i}`, address: `${i} 号` })
    users.push({
      _id: uid,
      openid: null,
      name: `居民${i}`,
      phone: null,
      householdId: hh,
      residenceUnitId: GRID,
      createdAt: now,
    })
    roles.push({
      _id: `ra-${uid}`,
      userId: uid,
      role: 'resident',
      unitId: GRID,
      grantedBy: null,
      via: 'seed',
      createdAt: now,
      revokedAt: null,
    })
    accounts.push({
      _id: hh,
      villageId: V,
      headName: `测试户${i}`,
      balance,
      earned: balance,
      lost: 0,
      spent: 0,
      entries: 1,
      lastEntryAt: now,
    })
    entries.push({
      _id: stableId('pl', 'opening', hh),
      villageId: V,
      householdId: hh,
      kind: 'opening',
      seq: 1,
      delta: balance,
      balanceAfter: balance,
      ruleId: null,
      ruleVersion: null,
      ruleCode: null,
      ruleName: null,
      category: null,
      sourceType: 'seed',
      sourceId: `opening:${hh}`,
      memberUserId: null,
      memberName: null,
      proposedBy: null,
      approvedBy: null,
      reason: '期初积分',
      at: now,
      month,
    })
  }
  host.rt.db.bulkInsert(C.households, households)
  host.rt.db.bulkInsert(C.users, users)
  host.rt.db.bulkInsert(C.role_assignments, roles)
  host.rt.db.bulkInsert(C.points_accounts, accounts)
  host.rt.db.bulkInsert(C.points_ledger, entries)
  return { households, users }
}

async function newGoods(
  name: string,
  price: number,
  stock: number,
  limitPerMonth: number | null = null,
): Promise<string> {
  const token = await host.token('u-chenguilan')
  const res = await host.post(
    '/api/fn/points',
    {
      action: 'saveGoods',
      requestId: `goods-${Math.random().toString(36).slice(2, 12)}`,
      data: { villageId: V, name, price, stock, limitPerMonth },
    },
    token,
  )
  if (!res.json.ok) throw new Error(JSON.stringify(res.json))
  return res.json.data.id
}

async function ledgerSum(hh: string): Promise<number> {
  return (await db.find(C.points_ledger, { where: { householdId: hh } })).reduce((s, e) => s + e.delta, 0)
}

it('200 households redeem an item with stock 50 at once: exactly 50 redemptions', async () => {
  const { users, households } = makeHouseholds('rush', 200, 100)
  const goodsId = await newGoods('限量月饼', 20, 50)
  const tokens = await Promise.all(users.map((u) => host.token(u._id)))
  const results = await Promise.all(
    tokens.map((t, i) =>
      host.post('/api/fn/points', { action: 'redeem', requestId: `rush-req-${i}`, data: { goodsId } }, t),
    ),
  )
  const ok = results.filter((r) => r.json.ok)
  const refused = results.filter((r) => !r.json.ok)
  expect(ok).toHaveLength(50)
  expect(new Set(refused.map((r) => r.json.code))).toEqual(new Set(['POINTS.OUT_OF_STOCK']))
  expect((await db.get(C.points_goods, goodsId))!.stock).toBe(0)
  expect(await db.count(C.points_redemptions, { goodsId })).toBe(50)
  const codes = new Set(ok.map((r) => r.json.data.code))
  expect(codes.size).toBe(50)
  for (const h of households) {
    const a = await db.get(C.points_accounts, h._id)
    expect(a!.balance).toBe(await ledgerSum(h._id))
  }
  const spent = (await Promise.all(households.map((h) => db.get(C.points_accounts, h._id)))).filter(
    (a) => a!.balance === 80,
  )
  expect(spent).toHaveLength(50)
}, 60_000)

it('one household with 100 points sends ten 30-point redemptions at once: at most 3 succeed', async () => {
  const { users, households } = makeHouseholds('ten', 1, 100)
  const goodsId = await newGoods('三十分的茶', 30, 100)
  const token = await host.token(users[0]!._id)
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      host.post('/api/fn/points', { action: 'redeem', requestId: `ten-req-${i}`, data: { goodsId } }, token),
    ),
  )
  const ok = results.filter((r) => r.json.ok)
  expect(ok).toHaveLength(3)
  expect(results.filter((r) => !r.json.ok).every((r) => r.json.code === 'POINTS.INSUFFICIENT_BALANCE')).toBe(true)
  const a = await db.get(C.points_accounts, households[0]!._id)
  expect(a!.balance).toBe(10)
  expect(await ledgerSum(households[0]!._id)).toBe(10)
  expect((await db.get(C.points_goods, goodsId))!.stock).toBe(97)
}, 30_000)

it('the same redemption requestId sent five times at once: one redemption', async () => {
  const { users, households } = makeHouseholds('dup', 1, 100)
  const goodsId = await newGoods('重复请求的皂', 10, 10)
  const token = await host.token(users[0]!._id)
  const results = await Promise.all(
    Array.from({ length: 5 }, () =>
      host.post('/api/fn/points', { action: 'redeem', requestId: 'dup-same-request-1', data: { goodsId } }, token),
    ),
  )
  expect(results.every((r) => r.json.ok)).toBe(true)
  expect(new Set(results.map((r) => r.json.data.id)).size).toBe(1)
  expect(await db.count(C.points_redemptions, { householdId: households[0]!._id })).toBe(1)
  expect(results[0]!.json.data.id).toBe(pointsKeys.redemption(users[0]!._id, 'dup-same-request-1'))
  expect((await db.get(C.points_accounts, households[0]!._id))!.balance).toBe(90)
  expect((await db.get(C.points_goods, goodsId))!.stock).toBe(9)
  const redemptions = await db.find(C.points_redemptions, { where: { householdId: households[0]!._id } })
  expect(redemptions[0]!.status).toBe('pending')
}, 30_000)

it('a per-household monthly limit holds under concurrency', async () => {
  const { users, households } = makeHouseholds('lim', 1, 500)
  const goodsId = await newGoods('限购的油', 10, 100, 2)
  const token = await host.token(users[0]!._id)
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      host.post('/api/fn/points', { action: 'redeem', requestId: `lim-req-${i}`, data: { goodsId } }, token),
    ),
  )
  expect(results.filter((r) => r.json.ok)).toHaveLength(2)
  expect((await db.get(C.points_accounts, households[0]!._id))!.balance).toBe(480)
}, 30_000)

it('an evidence photo uploaded through the host reaches the approving official as a URL the host serves', async () => {
  const li = await host.token('u-lixiuying')
  const up = await fetch(`${host.url}/api/files`, {
    method: 'POST',
    body: jpegWithExif() as BodyInit,
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${li}` },
  })
  const { fileId } = ((await up.json()) as { data: { fileId: string } }).data
  const proposed = await host.post(
    '/api/fn/points',
    {
      action: 'propose',
      requestId: 'http-evidence-1',
      data: {
        villageId: V,
        ruleId: pointsKeys.rule(V, 'YARD_CLEAN'),
        items: [{ householdId: 'hh-513328100001-G01-01' }],
        evidence: [fileId],
      },
    },
    li,
  )
  expect(proposed.json).toMatchObject({ ok: true })
  const wang = await host.token('u-wangjianguo')
  const list = await host.post(
    '/api/fn/points',
    { action: 'listBatches', data: { villageId: V, status: 'pending' } },
    wang,
  )
  const batch = list.json.data.items.find((b: { id: string }) => b.id === proposed.json.data.id)
  expect(batch).toMatchObject({ canDecide: true, evidence: [{ fileId, url: signedFileUrl(fileId) }] })
  const photo = await fetch(`${host.url}${batch.evidence[0].url}`)
  expect(photo.status).toBe(200)
  expect(photo.headers.get('content-type')).toBe('image/jpeg')
  const bytes = Buffer.from(await photo.arrayBuffer())
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
  expect(bytes.includes(Buffer.from(GPS_MARK))).toBe(false)
})
