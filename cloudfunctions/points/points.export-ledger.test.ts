import type { LedgerEntry } from '@shared/points/points.schema'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import { EXPORT_MAX_ROWS } from './points.export'

/**
 * The ledger's export (issue #21): each line names its household's head from the entry itself (entries from before
 * they did: from the household), and a village-month over the limit is refused, read once rather than counted first.
 */
const V = '513328100001'
let env: TestEnv
/** the seeded village's latest month with entries */
let MONTH: string
beforeEach(async () => {
  env = await testEnv()
  const [last] = await env.rt.db.find(C.points_ledger, { where: { villageId: V }, orderBy: [['at', 'desc']], limit: 1 })
  MONTH = last!.month
})
afterEach(() => env.close())

const exportCsv = async () => {
  const r = await env.ok<{ base64: string; rows: number }>('points', 'u-lixiuying', 'exportLedger', {
    villageId: V,
    month: MONTH,
    format: 'csv',
  })
  const lines = Buffer.from(r.base64, 'base64')
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/)
  return { rows: r.rows, lines: lines.slice(1).map((l) => l.split(',')) }
}
const entries = () =>
  env.rt.db.find(C.points_ledger, { where: { villageId: V, month: MONTH }, limit: 1000 }) as Promise<LedgerEntry[]>
const heads = async (ids: string[]) =>
  new Map(
    (await env.rt.db.find(C.households, { where: { _id: { $in: ids } }, limit: 100 })).map((h) => [h._id, h.headName]),
  )

it('every line names its household’s head, from the entry, or from the household for an entry from before', async () => {
  const all = await entries()
  expect(all.length).toBeGreaterThan(1)
  expect(all.every((e) => typeof e.headName === 'string' && e.headName.length > 0)).toBe(true)
  const head = await heads([...new Set(all.map((e) => e.householdId))])
  const before = await exportCsv()
  expect(before.rows).toBe(all.length)
  // column 2: the household, column 3: its head
  for (const l of before.lines) expect(l[2]).toBe(head.get(l[1]!))

  // the old shape: entries without the head's name are named from their households, the same
  await env.rt.db.transaction(async (tx) => {
    for (const e of all) {
      const { headName: _gone, ...old } = e
      await tx.set(C.points_ledger, old)
    }
  })
  expect((await entries()).some((e) => e.headName !== undefined)).toBe(false)
  expect((await exportCsv()).lines).toEqual(before.lines)
})

it('a village-month of exactly the limit exports; one entry more is refused with a clear message', async () => {
  const [model] = await entries()
  const have = (await entries()).length
  const fill = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => ({ ...model!, _id: `pl-fill-${from + i}`, sourceId: `fill-${from + i}` }))
  env.rt.db.bulkInsert(C.points_ledger, fill(EXPORT_MAX_ROWS - have, 0))
  expect((await exportCsv()).rows).toBe(EXPORT_MAX_ROWS)
  env.rt.db.bulkInsert(C.points_ledger, fill(1, EXPORT_MAX_ROWS))
  const refused = await env.call('points', 'u-lixiuying', 'exportLedger', { villageId: V, month: MONTH, format: 'csv' })
  expect(refused).toMatchObject({ ok: false, code: 'POINTS.EXPORT_TOO_LARGE' })
  expect((refused as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/)
})

it('an entry written now keeps its household’s head (a redemption, through the one ledger writer)', async () => {
  const goods = await env.ok<{ items: Array<{ id: string; name: string }> }>('points', 'u-zhuoma', 'listGoods', {
    villageId: V,
  })
  const soap = goods.items.find((g) => g.name.startsWith('香皂'))!
  await env.ok('points', 'u-zhuoma', 'redeem', { goodsId: soap.id })
  const [latest] = (await env.rt.db.find(C.points_ledger, {
    where: { villageId: V, kind: 'redeem' },
    orderBy: [['at', 'desc']],
    limit: 1,
  })) as LedgerEntry[]
  expect(latest).toBeDefined()
  expect(latest!.headName).toBe((await heads([latest!.householdId])).get(latest!.householdId))
})
