import tcb from '@cloudbase/node-sdk'
import type { RoleAssignment, User } from '@shared/account/account.schema'
import { CloudbaseStandIn } from '../tests/support/cloudbase-standin'
import { testEnv, type TestEnv } from '../tests/support/harness'
import { CloudbasePort } from '../cloudfunctions/_core/cloudbase-port'
import { C } from '../cloudfunctions/_core/collections'
import { revokeRoleAssignment, saveRoleAssignment } from '../cloudfunctions/_core/grants'
import { typedPort, type DataPort } from '../cloudfunctions/_core/port'
import { PATROL_SEED } from '../seeds/patrol.seed'
import { parseArgs, runBackfill, runHolderBackfill, TEAMS } from './backfill-grants'

/**
 * The one-time backfill of `users.grants` (issue #21), over the embedded store: the same `DataPort` calls the
 * script makes of CloudBase through `CloudbasePort`.
 */
let env: TestEnv
beforeEach(async () => (env = await testEnv()))
afterEach(() => env.close())

/** Takes `grants` off these people's documents, as a deployment from before they were kept has them. */
async function asBefore(ids: string[]): Promise<void> {
  for (const id of ids) {
    const u = (await env.rt.db.get(C.users, id))!
    const { grants: _grants, ...rest } = u
    env.rt.db.bulkInsert(C.users, [rest as User])
  }
}

async function activeOf(userId: string): Promise<string[]> {
  const rows = await env.rt.db.find(C.role_assignments, { where: { userId, revokedAt: null } })
  return rows.map((a) => `${a._id} ${a.role} ${a.unitId}`).sort()
}
async function keptOf(userId: string): Promise<string[] | undefined> {
  return (await env.rt.db.get(C.users, userId))?.grants?.map((g) => `${g._id} ${g.role} ${g.unitId}`).sort()
}

/**
 * The store as the script sees it, with `change` landing just after the script has first queried `collection` (the
 * people's sources), before it writes.
 */
function racing(collection: string, change: () => Promise<unknown>) {
  const state = { raced: false }
  const db: DataPort = {
    ...env.rt.db,
    get: (c, id) => env.rt.db.get(c, id),
    count: (c, w) => env.rt.db.count(c, w),
    transaction: (fn) => env.rt.db.transaction(fn),
    find: async (c, o) => {
      const rows = await env.rt.db.find(c, o)
      if (c === collection && !state.raced) {
        state.raced = true
        await change()
      }
      return rows
    },
  }
  return { db, state }
}

const OLD = ['u-zhaxi', 'u-zhuoma', 'u-lixiuying', 'u-zhoumin', 'u-zhangwei']

describe('tools/backfill-grants.ts', () => {
  it('a dry run writes nothing; --apply gives every old document its active grants; a second run writes nothing', async () => {
    await asBefore(OLD)
    const dry = await runBackfill(env.rt.db, { apply: false, batch: 3 })
    expect(dry).toMatchObject({ missing: OLD.length, written: OLD.length, retried: 0 })
    expect(dry.entries).toBeGreaterThan(OLD.length)
    for (const id of OLD) expect(await keptOf(id)).toBeUndefined()

    const lines: string[] = []
    const run = await runBackfill(env.rt.db, { apply: true, batch: 3, log: (l) => lines.push(l) })
    expect(run).toMatchObject({ scanned: dry.scanned, missing: OLD.length, written: OLD.length, entries: dry.entries })
    for (const id of OLD) expect(await keptOf(id)).toEqual(await activeOf(id))
    // one line a page, each naming where to resume
    expect(lines.length).toBe(Math.ceil(run.scanned / 3))
    expect(lines.at(-1)).toContain(`--after ${run.last}`)

    // the caller is now one read: grants from the document, the same roles as before
    expect((await env.ok('account', 'u-zhaxi', 'getMe')).roles.length).toBeGreaterThan(0)
    expect(await runBackfill(env.rt.db, { apply: true, batch: 3 })).toMatchObject({ missing: 0, written: 0 })
  })

  it('resumes after a given user, leaving those before it for another run', async () => {
    await asBefore(OLD)
    const sorted = [...OLD].sort()
    const first = await runBackfill(env.rt.db, { apply: true, batch: 2, after: sorted[1] })
    expect(first.written).toBe(OLD.length - 2)
    for (const id of sorted.slice(0, 2)) expect(await keptOf(id)).toBeUndefined()
    for (const id of sorted.slice(2)) expect(await keptOf(id)).toEqual(await activeOf(id))
    expect((await runBackfill(env.rt.db, { apply: true, batch: 2 })).written).toBe(2)
    for (const id of OLD) expect(await keptOf(id)).toEqual(await activeOf(id))
  })

  it('a role granted or revoked between its query and its write is not lost: that person is read again', async () => {
    await asBefore(['u-zhaxi', 'u-zhuoma'])
    const [held] = await env.rt.db.find(C.role_assignments, { where: { userId: 'u-zhaxi', revokedAt: null } })
    const granted: RoleAssignment = {
      _id: 'ra-u-zhuoma-patrol_volunteer-race',
      userId: 'u-zhuoma',
      role: 'patrol_volunteer',
      unitId: '513328100001',
      grantedBy: null,
      via: 'system',
      createdAt: env.clock.now(),
      revokedAt: null,
    }
    // the role changes land just after the script has queried the assignments, before it writes
    const { db, state } = racing(C.role_assignments, () =>
      env.rt.db.transaction(async (tx) => {
        await revokeRoleAssignment(tx, held!._id, env.clock.now())
        await saveRoleAssignment(tx, granted)
      }),
    )
    const run = await runBackfill(db, { apply: true, batch: 100 })
    expect(state.raced).toBe(true)
    expect(run.retried).toBe(2)
    expect(await keptOf('u-zhaxi')).toEqual(await activeOf('u-zhaxi'))
    expect(await keptOf('u-zhaxi')).not.toContain(`${held!._id} ${held!.role} ${held!.unitId}`)
    expect(await keptOf('u-zhuoma')).toContain(`${granted._id} patrol_volunteer 513328100001`)
    expect(await keptOf('u-zhuoma')).toEqual(await activeOf('u-zhuoma'))
  })

  it('runs the same over the CloudBase adapter and SDK (the stand-in database service)', async () => {
    await asBefore(OLD)
    const standIn = new CloudbaseStandIn()
    const cb = tcb.init({ env: 'linli-test', secretId: 'id', secretKey: 'key' }).database()
    for (const name of [C.users, C.role_assignments])
      standIn.load(name, (await env.rt.db.find(name, { limit: 100_000 })) as Array<{ _id: string }>)
    standIn.install()
    const db = typedPort(new CloudbasePort(cb))
    expect((await runBackfill(db, { apply: false, batch: 4 })).written).toBe(OLD.length)
    expect(standIn.take().some((r) => r.api === 'database.startTransaction')).toBe(false)
    expect((await runBackfill(db, { apply: true, batch: 4 })).written).toBe(OLD.length)
    for (const id of OLD) {
      const kept = (await db.get(C.users, id))?.grants?.map((g) => `${g._id} ${g.role} ${g.unitId}`).sort()
      expect(kept).toEqual(await activeOf(id))
    }
    expect((await runBackfill(db, { apply: true, batch: 4 })).written).toBe(0)
  })

  it('takes its arguments', () => {
    expect(parseArgs(['--env', 'e1'])).toEqual({
      env: 'e1',
      apply: false,
      batch: 100,
      after: undefined,
      region: undefined,
    })
    expect(parseArgs(['--env', 'e1', '--apply', '--batch', '500', '--after', 'u-x'])).toMatchObject({
      apply: true,
      batch: 500,
      after: 'u-x',
    })
    expect(() => parseArgs([])).toThrow('--env')
    expect(() => parseArgs(['--env', 'e1', '--batch', '5000'])).toThrow('--batch')
  })
})

describe('tools/backfill-grants.ts: the patrol teams kept on users', () => {
  const PATROLLERS = ['u-duoji', 'u-gesang']
  async function teamsAsBefore(ids: string[]): Promise<void> {
    for (const id of ids) {
      const { patrolTeamIds: _teams, ...rest } = (await env.rt.db.get(C.users, id))!
      env.rt.db.bulkInsert(C.users, [rest as User])
    }
  }
  const teamsOf = async (id: string) => (await env.rt.db.get(C.users, id))?.patrolTeamIds
  const activeTeamsOf = async (userId: string) =>
    (await env.rt.db.find(C.patrol_members, { where: { userId, active: true } })).map((m) => m.teamId)

  it('a dry run writes nothing; --apply gives every old document its active teams; a second run writes nothing', async () => {
    await teamsAsBefore(PATROLLERS)
    const dry = await runBackfill(env.rt.db, { apply: false, batch: 3 }, TEAMS)
    expect(dry).toMatchObject({ missing: PATROLLERS.length, written: PATROLLERS.length, entries: 2 })
    for (const id of PATROLLERS) expect(await teamsOf(id)).toBeUndefined()
    const run = await runBackfill(env.rt.db, { apply: true, batch: 3 }, TEAMS)
    expect(run).toMatchObject({ missing: PATROLLERS.length, written: PATROLLERS.length, entries: 2 })
    for (const id of PATROLLERS) {
      expect(await teamsOf(id)).toEqual([PATROL_SEED.teamId])
      expect(await teamsOf(id)).toEqual(await activeTeamsOf(id))
    }
    expect(await runBackfill(env.rt.db, { apply: true, batch: 3 }, TEAMS)).toMatchObject({ missing: 0, written: 0 })
  })

  const saveTeam = (memberIds: string[]) =>
    env.ok('patrol', 'u-duoji', 'saveTeam', {
      villageId: '513328100001',
      teamId: PATROL_SEED.teamId,
      name: '旭日岭红袖套巡逻队',
      captainId: 'u-duoji',
      memberIds,
    })

  it('a member put on a team between the query and the write is not left out: that person is read again', async () => {
    await saveTeam([])
    await teamsAsBefore(['u-gesang'])
    const { db, state } = racing(C.patrol_members, () => saveTeam(['u-gesang']))
    const run = await runBackfill(db, { apply: true, batch: 100 }, TEAMS)
    expect(state.raced).toBe(true)
    expect(run.retried).toBe(1)
    expect(await teamsOf('u-gesang')).toEqual([PATROL_SEED.teamId])
    expect(await activeTeamsOf('u-gesang')).toEqual([PATROL_SEED.teamId])
  })

  it('a member taken off between the query and the write is not given the team', async () => {
    await teamsAsBefore(['u-gesang'])
    const { db, state } = racing(C.patrol_members, () => saveTeam([]))
    await runBackfill(db, { apply: true, batch: 100 }, TEAMS)
    expect(state.raced).toBe(true)
    expect(await teamsOf('u-gesang')).toEqual([])
    expect(await activeTeamsOf('u-gesang')).toEqual([])
  })
})

describe('tools/backfill-grants.ts: the holders’ copies on role assignments', () => {
  /** Takes the copies off every active assignment, as a deployment from before they were kept has them. */
  async function holdersAsBefore(): Promise<RoleAssignment[]> {
    const all = await env.rt.db.find(C.role_assignments, { where: { revokedAt: null }, limit: 5000 })
    env.rt.db.bulkInsert(
      C.role_assignments,
      all.map(({ holder: _h, ...rest }) => rest as RoleAssignment),
    )
    return all
  }
  const copies = async () =>
    (await env.rt.db.find(C.role_assignments, { where: { revokedAt: null }, limit: 5000 })).filter((a) => a.holder)

  it('a dry run writes nothing; --apply copies each person’s WeChat id and language; a second run writes nothing', async () => {
    await env.rt.db.transaction((tx) => tx.update(C.users, 'u-zhaxi', { openid: 'o-zhaxi', lang: 'bo' }))
    const before = await holdersAsBefore()
    const dry = await runHolderBackfill(env.rt.db, { apply: false, batch: 7 })
    expect(dry.people).toBeGreaterThan(15)
    expect(dry.written).toBe(0)
    expect(await copies()).toHaveLength(0)
    const applied = await runHolderBackfill(env.rt.db, { apply: true, batch: 7 })
    expect(applied.people).toBe(dry.people)
    expect(applied.written).toBe(before.length)
    for (const a of await copies()) {
      const u = (await env.rt.db.get(C.users, a.userId))!
      expect({ a: a._id, holder: a.holder }).toEqual({
        a: a._id,
        holder: { openid: u.openid ?? null, lang: u.lang ?? null },
      })
    }
    const zhaxi = (await copies()).filter((a) => a.userId === 'u-zhaxi')
    expect(zhaxi.map((a) => a.holder)).toEqual(zhaxi.map(() => ({ openid: 'o-zhaxi', lang: 'bo' })))
    expect(await runHolderBackfill(env.rt.db, { apply: true, batch: 7 })).toMatchObject({ people: 0, written: 0 })
  })

  it('leaves a person whose document keeps no grants without copies (nothing would keep them in line)', async () => {
    await holdersAsBefore()
    await asBefore(['u-zhaxi'])
    await runHolderBackfill(env.rt.db, { apply: true, batch: 100 })
    const kept = await copies()
    expect(kept.some((a) => a.userId === 'u-zhaxi')).toBe(false)
    expect(kept.length).toBeGreaterThan(15)
  })
})
