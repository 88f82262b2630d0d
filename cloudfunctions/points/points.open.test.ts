import ExcelJS from 'exceljs'
import { pointsContract } from '@shared/points/points.contract'
import type { PointsAccount } from '@shared/points/points.schema'
import { freshEnvEachTest } from '../../tests/support/contract-calls'
import { jpegWithExif } from '../../tests/support/fixtures'
import { commitAll, uploadAndCheck } from '../../tests/support/roster'
import { C } from '../_core/collections'
import { pointsKeys } from './points.repo'

/**
 * Issue #21: a household's points account keeps its open awards (the pending line) and its head, address and
 * village, so `myPoints` reads the account and a page of the ledger only. Every answer here is also compared with
 * the answer read the old way (the same account without the kept fields: the reader queries the awards and reads
 * the household), which must be the same.
 */
const V = '513328100001'
const ZHUOMA_HH = 'hh-513328100001-G01-01'
const WANG_HH = 'hh-513328100001-G01-03'
const DAY = 86_400_000
const YARD = pointsKeys.rule(V, 'YARD_CLEAN')

const te = freshEnvEachTest(pointsContract)
const points = te.calls
const photo = () => te.env.rt.files.savePhoto(jpegWithExif(), 'u-lixiuying').fileId

async function proposeAndApprove(householdIds: string[]) {
  const batch = await points.ok('u-lixiuying', 'propose', {
    villageId: V,
    ruleId: YARD,
    items: householdIds.map((householdId) => ({ householdId })),
    note: '庭院评比',
    evidence: [photo()],
  })
  await points.ok('u-wangjianguo', 'approveBatch', { batchId: batch.id })
  const detail = await points.ok('u-lixiuying', 'getBatch', { batchId: batch.id })
  return (hh: string) => detail.awards.find((a) => a.householdId === hh)!.id
}

const accountOf = (hh: string) => te.db.get(C.points_accounts, hh)

/** The account as a deployment from before wrote it: no open awards, no household kept on it. */
async function withoutKept<T>(hh: string, read: () => Promise<T>): Promise<T> {
  const kept = (await accountOf(hh))!
  const { open: _open, household: _household, ...old } = kept
  await te.db.transaction((tx) => tx.set(C.points_accounts, old as PointsAccount))
  try {
    return await read()
  } finally {
    const now = (await accountOf(hh))!
    await te.db.transaction((tx) => tx.set(C.points_accounts, { ...now, open: kept.open, household: kept.household }))
  }
}

/** myPoints of `userId`, read from what the account keeps, and checked against the answer read the old way. */
async function myPoints(userId: string, hh: string) {
  const kept = await points.ok(userId, 'myPoints', {})
  expect((await accountOf(hh))?.open).toBeDefined()
  const old = await withoutKept(hh, () => points.ok(userId, 'myPoints', {}))
  expect(kept).toEqual(old)
  return kept
}

describe('the pending line and the household kept on the points account', () => {
  it('is right after approve, objection, uphold, withdraw and the credit (lazy and by settlePublicity)', async () => {
    const start = await myPoints('u-zhuoma', ZHUOMA_HH)
    expect(start.pending).toEqual({ count: 0, points: 0 })
    const hh = (await te.db.get(C.households, ZHUOMA_HH))!
    expect(start.household).toMatchObject({ id: ZHUOMA_HH, headName: hh.headName, address: hh.address, villageId: V })

    // approved: in publicity, on the account
    const first = await proposeAndApprove([ZHUOMA_HH, WANG_HH])
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([
      { id: first(ZHUOMA_HH), delta: 5, status: 'publicity', publicUntil: expect.any(Number) },
    ])
    expect((await myPoints('u-zhuoma', ZHUOMA_HH)).pending).toEqual({ count: 1, points: 5 })

    // objected: still pending, and no longer credited when its period is over
    const o = await points.ok('u-wangdeming', 'fileObjection', { awardId: first(ZHUOMA_HH), reason: '门口还堆着柴火' })
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([expect.objectContaining({ status: 'objected' })])
    te.env.clock.advance(4 * DAY)
    const held = await myPoints('u-zhuoma', ZHUOMA_HH)
    expect(held).toMatchObject({ balance: start.balance, pending: { count: 1, points: 5 } })

    // upheld after its period: credited when she looks, off the pending line
    await points.ok('u-wangjianguo', 'resolveObjection', { objectionId: o.id, decision: 'uphold', note: '已核实' })
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([expect.objectContaining({ status: 'publicity' })])
    const credited = await points.ok('u-zhuoma', 'myPoints', {})
    expect(credited).toMatchObject({ balance: start.balance + 5, pending: { count: 0, points: 0 } })
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([])
    expect(await myPoints('u-zhuoma', ZHUOMA_HH)).toEqual(credited)

    // withdrawn: off the pending line, never credited
    const second = await proposeAndApprove([ZHUOMA_HH])
    expect((await myPoints('u-zhuoma', ZHUOMA_HH)).pending).toEqual({ count: 1, points: 5 })
    const o2 = await points.ok('u-wangdeming', 'fileObjection', { awardId: second(ZHUOMA_HH), reason: '没看到打扫' })
    await points.ok('u-wangjianguo', 'resolveObjection', { objectionId: o2.id, decision: 'withdraw', note: '属实' })
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([])
    expect(await myPoints('u-zhuoma', ZHUOMA_HH)).toMatchObject({
      balance: start.balance + 5,
      pending: { count: 0, points: 0 },
    })

    // credited by settlePublicity: off the line of every household it credits
    await proposeAndApprove([ZHUOMA_HH, WANG_HH])
    expect((await accountOf(WANG_HH))!.open).toHaveLength(2)
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([])
    // Wang's first award is still objected to by nobody: credited too
    expect((await accountOf(WANG_HH))!.open).toEqual([])
    expect(await myPoints('u-zhuoma', ZHUOMA_HH)).toMatchObject({
      balance: start.balance + 10,
      pending: { count: 0, points: 0 },
    })
  })

  it('a household without an account gets one at approval, which the board lists only once it has an entry', async () => {
    // a household the roster just added: no entry yet, so no account
    const seeded = (await te.db.get(C.households, WANG_HH))!
    const hh = {
      ...seeded,
      _id: 'hh-513328100001-G01-99',
      headName: '次仁',
      address: '幸福路 199 号',
      headUserId: null,
    }
    await te.db.transaction((tx) => tx.insert(C.households, hh))
    expect(await accountOf(hh._id)).toBeNull()
    const board = await points.ok('u-zhuoma', 'getBoard', { villageId: V })
    await proposeAndApprove([hh._id])
    expect(await accountOf(hh._id)).toMatchObject({
      entries: 0,
      balance: 0,
      open: [expect.objectContaining({ status: 'publicity', delta: 5 })],
      household: { headName: hh.headName, address: hh.address, villageId: V },
    })
    expect(await points.ok('u-zhuoma', 'getBoard', { villageId: V })).toEqual(board)
    te.env.clock.advance(3 * DAY)
    await points.ok('u-wangjianguo', 'settlePublicity', { villageId: V })
    expect(await accountOf(hh._id)).toMatchObject({ entries: 1, balance: 5, open: [] })
    expect((await points.ok('u-zhuoma', 'getBoard', { villageId: V })).total).toBe(board.total + 1)
  })

  it('an account written before these were kept is shown right: the awards and the household are read', async () => {
    const pick = await proposeAndApprove([ZHUOMA_HH])
    const kept = await points.ok('u-zhuoma', 'myPoints', {})
    const old = await withoutKept(ZHUOMA_HH, async () => {
      // a write to an account that does not keep them leaves it so (its reader queries the awards)
      await points.ok('u-wangdeming', 'fileObjection', { awardId: pick(ZHUOMA_HH), reason: '不对' })
      expect((await accountOf(ZHUOMA_HH))!.open).toBeUndefined()
      return points.ok('u-zhuoma', 'myPoints', {})
    })
    expect(old).toEqual(kept)
    expect(old.pending).toEqual({ count: 1, points: 5 })
  })

  it('an approval appends to the open awards an account keeps, and leaves an account that keeps none so', async () => {
    await proposeAndApprove([ZHUOMA_HH, WANG_HH])
    const before = (await accountOf(ZHUOMA_HH))!.open!
    expect(before).toHaveLength(1)
    const pick = await proposeAndApprove([ZHUOMA_HH])
    expect((await accountOf(ZHUOMA_HH))!.open).toEqual([...before, expect.objectContaining({ id: pick(ZHUOMA_HH) })])
    // written before the list was kept: an approval must not start a list of its own award alone
    await withoutKept(WANG_HH, async () => {
      await proposeAndApprove([WANG_HH])
      expect((await accountOf(WANG_HH))!.open).toBeUndefined()
    })
  })

  it("a roster import that changes a household's head or address changes them on its points account", async () => {
    const admin = 'u-luorong'
    const exported = await te.env.ok<{ base64: string }>('account', admin, 'exportRoster', {
      kind: 'household',
      unitId: V,
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    let found = false
    sheet.eachRow((row) => {
      if (row.getCell(3).text === ZHUOMA_HH) {
        row.getCell(6).value = '幸福路 99 号'
        found = true
      }
    })
    expect(found).toBe(true)
    const file = Buffer.from(await book.xlsx.writeBuffer())
    const job = await uploadAndCheck(te.env, admin, 'household', V, file)
    expect(job.problems).toEqual([])
    expect(await commitAll(te.env, admin, job.id)).toMatchObject({ updated: 1 })
    expect((await accountOf(ZHUOMA_HH))!.household).toMatchObject({ address: '幸福路 99 号' })
    const mine = await myPoints('u-zhuoma', ZHUOMA_HH)
    expect(mine.household).toMatchObject({ address: '幸福路 99 号' })
  })
})
