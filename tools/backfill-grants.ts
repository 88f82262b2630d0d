/**
 * `npx tsx tools/backfill-grants.ts --env <env-id> [--apply] [--batch 100] [--after <userId>] [--region <region>]`
 *
 * The one-time migration of a CloudBase environment whose `users` documents were written before the caller's
 * grants were kept on them (issue #21): each such document gets `grants`, its person's active role assignments,
 * so that taking the caller is one read instead of a read and a `role_assignments` query. Until it has run those
 * people are still served right (the caller falls back to the query); it only makes their calls cheaper.
 *
 * Without `--apply` it is a dry run: it reads every page and prints what it would write, and writes nothing. With
 * `--apply` it writes each person's grants in a transaction of their own (`backfillGrants` in
 * `cloudfunctions/_core/grants.ts`, the one writer of `users.grants` besides `saveRoleAssignment`), which reads
 * each assignment again and writes nothing when a role change has come in since the page was read (that person
 * is read and queried again). It goes through `users` in `_id` order, `--batch` documents a page, and prints the
 * last `_id` of each page: a run that stopped is resumed with `--after <that id>` (or simply run again: a
 * document that keeps grants is passed over, so a second run writes nothing).
 *
 * Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary
 * keys), as for `npm run deploy`. Run it once after deploying the functions that keep grants.
 *
 * The same run then does the same for the patrol teams kept on `users` (`patrolTeamIds`: a person's active
 * memberships, so that a check-in reads no membership), with `backfillTeams` (`cloudfunctions/patrol/patrol.repo.ts`)
 * and `patrolTeamsVersion` in the roles of `backfillGrants` and `grantsVersion`. Last it gives each active role
 * assignment of a person whose document keeps grants the copy of their WeChat id and language (`holder`, for pushes
 * to a unit's holders; `runHolderBackfill`); a second run writes nothing.
 */
import tcb from '@cloudbase/node-sdk'
import { resolve } from 'node:path'
import { CloudbasePort } from '../cloudfunctions/_core/cloudbase-port'
import { C } from '../cloudfunctions/_core/collections'
import { backfillGrants, backfillHolders, type BackfillOutcome } from '../cloudfunctions/_core/grants'
import { backfillTeams } from '../cloudfunctions/patrol/patrol.repo'
import { getMany, typedPort, type DataPort } from '../cloudfunctions/_core/port'
import type { User } from '@shared/account/account.schema'

export interface BackfillOptions {
  apply: boolean
  /** users per page (CloudBase returns at most 1000 a query) */
  batch: number
  /** resume after this user id */
  after?: string
  log?: (line: string) => void
}

export interface BackfillStats {
  /** user documents read */
  scanned: number
  /** of them, without grants */
  missing: number
  /** grants written (apply) or that would be (dry run) */
  written: number
  /** role assignments (or teams) put on those documents */
  entries: number
  /** people read and queried again because a role (or membership) change came in meanwhile */
  retried: number
  /** the last user id passed (resume with --after) */
  last: string | null
}

const ROUNDS = 5

/** What is kept on `users` and backfilled: whether a document keeps it, its sources by person, its one writer. */
export interface Kept {
  noun: string
  keeps: (u: User) => boolean
  /** the ids of the person's active source documents (assignments, memberships), by person */
  sources: (db: DataPort, userIds: readonly string[]) => Promise<Map<string, string[]>>
  write: (
    tx: Parameters<Parameters<DataPort['transaction']>[0]>[0],
    seen: User,
    ids: string[],
  ) => Promise<BackfillOutcome>
}

/** Active documents of these people, by person (queries of 100 people, pages of 1000). */
async function activeBy(
  db: DataPort,
  userIds: readonly string[],
  query: (chunk: string[], offset: number) => Promise<Array<{ _id: string; userId: string }>>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (let i = 0; i < userIds.length; i += 100) {
    const chunk = userIds.slice(i, i + 100)
    for (let offset = 0; ; offset += 1000) {
      const rows = await query(chunk, offset)
      for (const a of rows) out.set(a.userId, [...(out.get(a.userId) ?? []), a._id])
      if (rows.length < 1000) break
    }
  }
  return out
}

export const GRANTS: Kept = {
  noun: 'grants',
  keeps: (u) => !!u.grants,
  sources: (db, userIds) =>
    activeBy(db, userIds, (chunk, offset) =>
      db.find(C.role_assignments, {
        where: { userId: { $in: chunk }, revokedAt: null },
        orderBy: [['_id', 'asc']],
        limit: 1000,
        offset,
      }),
    ),
  write: (tx, u, ids) => backfillGrants(tx, u, ids),
}

export const TEAMS: Kept = {
  noun: 'patrol teams',
  keeps: (u) => !!u.patrolTeamIds,
  sources: (db, userIds) =>
    activeBy(db, userIds, (chunk, offset) =>
      db.find(C.patrol_members, {
        where: { userId: { $in: chunk }, active: true },
        orderBy: [['_id', 'asc']],
        limit: 1000,
        offset,
      }),
    ),
  write: (tx, u, ids) => backfillTeams(tx, u, ids),
}

/** The next page of `users` in `_id` order, after `last`. */
const usersAfter = (db: DataPort, last: string | null, batch: number) =>
  db.find(C.users, { where: last ? { _id: { $gt: last } } : {}, orderBy: [['_id', 'asc']], limit: batch })

/** Runs the backfill over one database (the CloudBase adapter here; the embedded store in its test). */
export async function runBackfill(db: DataPort, opts: BackfillOptions, kept: Kept = GRANTS): Promise<BackfillStats> {
  const log = opts.log ?? (() => undefined)
  const stats: BackfillStats = { scanned: 0, missing: 0, written: 0, entries: 0, retried: 0, last: opts.after ?? null }
  for (;;) {
    const page = await usersAfter(db, stats.last, opts.batch)
    if (!page.length) break
    stats.scanned += page.length
    let todo: User[] = page.filter((u) => !kept.keeps(u))
    stats.missing += todo.length
    let written = 0
    for (let round = 0; todo.length; round++) {
      if (round === ROUNDS)
        throw new Error(`changes keep coming in for ${todo.map((u) => u._id).join(', ')}: run again later`)
      const active = await kept.sources(
        db,
        todo.map((u) => u._id),
      )
      if (!opts.apply) {
        written += todo.length
        for (const u of todo) stats.entries += active.get(u._id)?.length ?? 0
        break
      }
      const again: string[] = []
      for (const u of todo) {
        const ids = active.get(u._id) ?? []
        const outcome = await db.transaction((tx) => kept.write(tx, u, ids))
        if (outcome === 'written') {
          written += 1
          stats.entries += ids.length
        } else if (outcome === 'changed') again.push(u._id)
      }
      stats.retried += again.length
      todo = [...(await getMany(db, C.users, again)).values()].filter((u) => !kept.keeps(u))
    }
    stats.written += written
    stats.last = page[page.length - 1]!._id
    log(
      `${page.length} users to ${stats.last}: ${written} ${opts.apply ? 'given' : 'would get'} their ${kept.noun} ` +
        `(resume with --after ${stats.last})`,
    )
    if (page.length < opts.batch) break
  }
  return stats
}

/**
 * The copies of each person's WeChat id and language on their active assignments (`holder`, so a push to a unit's
 * holders reads no profile), for people whose documents keep grants: one transaction per person that has an
 * assignment without the copy or with another (`backfillHolders`). Until it has run, pushes read those profiles.
 */
export async function runHolderBackfill(
  db: DataPort,
  opts: BackfillOptions,
): Promise<{ scanned: number; people: number; written: number; last: string | null }> {
  const log = opts.log ?? (() => undefined)
  const stats = { scanned: 0, people: 0, written: 0, last: opts.after ?? null }
  for (;;) {
    const page = await usersAfter(db, stats.last, opts.batch)
    if (!page.length) break
    stats.scanned += page.length
    const keeping = page.filter((u) => u.grants?.length)
    const assignments = await getMany(
      db,
      C.role_assignments,
      keeping.flatMap((u) => u.grants!.map((g) => g._id)),
    )
    const todo = keeping.filter((u) =>
      u.grants!.some((g) => {
        const h = assignments.get(g._id)?.holder
        return !h || h.openid !== (u.openid ?? null) || h.lang !== (u.lang ?? null)
      }),
    )
    stats.people += todo.length
    if (opts.apply) for (const u of todo) stats.written += await db.transaction((tx) => backfillHolders(tx, u._id))
    stats.last = page[page.length - 1]!._id
    log(
      `${page.length} users to ${stats.last}: ${todo.length} ${opts.apply ? 'given' : 'would get'} the copies (resume with --after ${stats.last})`,
    )
    if (page.length < opts.batch) break
  }
  return stats
}

export interface BackfillArgs {
  env: string
  apply: boolean
  batch: number
  after: string | undefined
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
    else if (a === '--after') out.after = value()
    else if (a === '--region') out.region = value()
    else throw new Error(`unknown argument ${a}`)
  }
  if (!out.env) throw new Error('--env <env-id> is required (the CloudBase environment id)')
  if (!Number.isInteger(out.batch) || out.batch < 1 || out.batch > 1000) throw new Error('--batch is 1 to 1000')
  return { env: out.env, apply: out.apply, batch: out.batch, after: out.after, region: out.region }
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
  for (const kept of [GRANTS, TEAMS]) {
    console.log(args.apply ? `writing ${kept.noun}` : `${kept.noun}: dry run (nothing is written; --apply to write)`)
    const s = await runBackfill(db, { ...args, log: (l) => console.log(`  ${l}`) }, kept)
    console.log(
      `${s.scanned} users read, ${s.missing} without ${kept.noun}; ${s.written} ${args.apply ? 'given' : 'would get'} ` +
        `${s.entries} ${kept.noun}; ${s.retried} read again after a change`,
    )
  }
  console.log(args.apply ? 'writing holders’ copies' : 'holders’ copies: dry run')
  const h = await runHolderBackfill(db, { ...args, log: (l) => console.log(`  ${l}`) })
  console.log(
    `${h.scanned} users read, ${h.people} with assignments to bring in line; ${h.written} assignments written`,
  )
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
