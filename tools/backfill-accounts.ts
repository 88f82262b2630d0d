/**
 * `npx tsx tools/backfill-accounts.ts --env <env-id> [--apply] [--batch 100] [--region <region>]`
 *
 * The one-time migration of a CloudBase environment whose points accounts were written before they kept the
 * household's open awards and its head, address and village (issue #21): `myPoints` then reads the account and a
 * page of the ledger only. Until it has run those households are still served right (the reader queries their
 * awards and reads their household); it only makes their calls cheaper. It also puts right, in the same pass, an
 * account made in the meantime that lacks an award approved before the deployment.
 *
 * It visits every account without `open` or `household` (`points_accounts` in `_id` order, `--batch` a page) and
 * every household with an award in publicity or objected to (`points_awards` the same way), and for each household
 * queries its open awards, then in a transaction of its own (`backfillAccount` in `cloudfunctions/points/points.open.ts`)
 * reads each of them again by id with the household and writes the account; it queries again after a write, and
 * writes again if an award changed meanwhile, until the account and the query agree. Without `--apply` it is a dry
 * run: it reads and counts what it would write, and writes nothing. A second run writes nothing.
 *
 * Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary
 * keys), as for `npm run deploy`. Run it once after deploying the functions that keep them.
 */
import tcb from '@cloudbase/node-sdk'
import { resolve } from 'node:path'
import type { PointsAccount, PointsAward } from '@shared/points/points.schema'
import { CloudbasePort } from '../cloudfunctions/_core/cloudbase-port'
import { C } from '../cloudfunctions/_core/collections'
import { typedPort, type DataPort } from '../cloudfunctions/_core/port'
import { backfillAccount, OPEN_STATUSES } from '../cloudfunctions/points/points.open'

export interface BackfillOptions {
  apply: boolean
  /** documents per page (CloudBase returns at most 1000 a query) */
  batch: number
  now?: number
  log?: (line: string) => void
}

export interface BackfillStats {
  /** accounts read, and of them those without the kept fields */
  accounts: number
  missing: number
  /** open awards read */
  openAwards: number
  /** households looked at (the union of both), and accounts written or that would be (made: new accounts) */
  households: number
  written: number
  made: number
  /** households written again because an award changed between the query and the write */
  retried: number
}

const ROUNDS = 5

async function openAwardsOf(db: DataPort, householdId: string): Promise<string[]> {
  const rows = await db.find(C.points_awards, {
    where: { householdId, status: { $in: [...OPEN_STATUSES] } },
    orderBy: [['_id', 'asc']],
    limit: 1000,
  })
  return rows.map((a) => a._id)
}

/** Runs the backfill over one database (the CloudBase adapter here; the embedded store in its test). */
export async function runBackfill(db: DataPort, opts: BackfillOptions): Promise<BackfillStats> {
  const log = opts.log ?? (() => undefined)
  const now = opts.now ?? Date.now()
  const stats: BackfillStats = {
    accounts: 0,
    missing: 0,
    openAwards: 0,
    households: 0,
    written: 0,
    made: 0,
    retried: 0,
  }
  const todo = new Set<string>()
  for (let last: string | null = null; ;) {
    const page: PointsAccount[] = await db.find(C.points_accounts, {
      where: last ? { _id: { $gt: last } } : {},
      orderBy: [['_id', 'asc']],
      limit: opts.batch,
    })
    stats.accounts += page.length
    for (const a of page) if (!a.open || !a.household) todo.add(a._id)
    if (page.length < opts.batch) break
    last = page[page.length - 1]!._id
  }
  stats.missing = todo.size
  for (let last: string | null = null; ;) {
    const page: PointsAward[] = await db.find(C.points_awards, {
      where: { status: { $in: [...OPEN_STATUSES] }, ...(last ? { _id: { $gt: last } } : {}) },
      orderBy: [['_id', 'asc']],
      limit: opts.batch,
    })
    stats.openAwards += page.length
    for (const a of page) todo.add(a.householdId)
    if (page.length < opts.batch) break
    last = page[page.length - 1]!._id
  }
  log(`${stats.accounts} accounts (${stats.missing} without what they keep), ${stats.openAwards} open awards`)
  for (const householdId of [...todo].sort()) {
    stats.households += 1
    if (!opts.apply) {
      const [account, ids] = await Promise.all([db.get(C.points_accounts, householdId), openAwardsOf(db, householdId)])
      const listed = new Set((account?.open ?? []).map((o) => o.id))
      const differs = !account?.open || ids.length !== listed.size || ids.some((id) => !listed.has(id))
      if (!account ? ids.length > 0 : differs || !account.household) {
        stats.written += 1
        if (!account) stats.made += 1
      }
      continue
    }
    let writes = 0
    for (let round = 0; ; round++) {
      if (round === ROUNDS) throw new Error(`the awards of ${householdId} keep changing: run again later`)
      const had = writes === 0 ? await db.get(C.points_accounts, householdId) : null
      const ids = await openAwardsOf(db, householdId)
      const outcome = await db.transaction((tx) => backfillAccount(tx, householdId, ids, now))
      if (outcome !== 'written') break
      if (writes === 0 && !had) stats.made += 1
      writes += 1
    }
    if (writes) stats.written += 1
    if (writes > 1) stats.retried += 1
  }
  log(`${stats.households} households: ${stats.written} accounts ${opts.apply ? 'written' : 'would be written'}`)
  return stats
}

export interface BackfillArgs {
  env: string
  apply: boolean
  batch: number
  region: string | undefined
}

export function parseArgs(argv: readonly string[]): BackfillArgs {
  const out: Partial<BackfillArgs> & { apply: boolean; batch: number } = { apply: false, batch: 100 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--env') out.env = value()
    else if (a === '--apply') out.apply = true
    else if (a === '--batch') out.batch = Number(value())
    else if (a === '--region') out.region = value()
    else throw new Error(`unknown argument ${a}`)
  }
  if (!out.env) throw new Error('--env <env-id> is required (the CloudBase environment id)')
  if (!Number.isInteger(out.batch) || out.batch < 1 || out.batch > 1000) throw new Error('--batch is 1 to 1000')
  return { env: out.env, apply: out.apply, batch: out.batch, region: out.region }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!secretId || !secretKey) throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
  const app = tcb.init({
    env: args.env,
    secretId,
    secretKey,
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
    ...(args.region ? { region: args.region } : {}),
  })
  const db = typedPort(new CloudbasePort(app.database()))
  console.log(args.apply ? 'writing accounts' : 'dry run (nothing is written; --apply to write)')
  const s = await runBackfill(db, { ...args, log: (l) => console.log(`  ${l}`) })
  console.log(
    `${s.households} households looked at; ${s.written} accounts ${args.apply ? 'written' : 'would be written'} ` +
      `(${s.made} made for open awards); ${s.retried} written again after an award changed`,
  )
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
