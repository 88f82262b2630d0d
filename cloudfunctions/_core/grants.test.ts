import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { rid, testEnv, type TestEnv } from '../../tests/support/harness'
import { C } from './collections'
import { revokeRoleAssignment, saveRoleAssignment } from './grants'
import type { DataPort } from './port'

/**
 * The caller's grants are read from their user document (one read per call); `role_assignments` is the record
 * lists and holders query. Every role change writes both in one transaction through `saveRoleAssignment`.
 */
async function expectGrantsInSync(db: DataPort): Promise<number> {
  const users = await db.find(C.users, { limit: 1000 })
  const active = await db.find(C.role_assignments, { where: { revokedAt: null }, limit: 5000 })
  let checked = 0
  for (const u of users) {
    if (!u.grants) continue
    const kept = u.grants.map((g) => `${g._id} ${g.role} ${g.unitId}`).sort()
    const recorded = active
      .filter((a) => a.userId === u._id)
      .map((a) => `${a._id} ${a.role} ${a.unitId}`)
      .sort()
    expect({ user: u._id, grants: kept }).toEqual({ user: u._id, grants: recorded })
    // and each of those assignments keeps the holder's WeChat id and language as their document has them
    for (const a of active.filter((x) => x.userId === u._id))
      expect({ a: a._id, holder: a.holder }).toEqual({
        a: a._id,
        holder: { openid: u.openid ?? null, lang: u.lang ?? null },
      })
    checked += 1
  }
  return checked
}

let env: TestEnv
/** 扎西 made a patrol volunteer of 旭日岭社区 (a role change through saveRoleAssignment), under this assignment id. */
const grantZhaxiPatrol = (id: string) =>
  env.rt.db.transaction((tx) =>
    saveRoleAssignment(tx, {
      _id: id,
      userId: 'u-zhaxi',
      role: 'patrol_volunteer',
      unitId: '513328100001',
      grantedBy: null,
      via: 'system',
      createdAt: env.clock.now(),
      revokedAt: null,
    }),
  )
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

describe('grants kept on the user document', () => {
  it('the seed keeps every person’s grants on their document', async () => {
    expect(await expectGrantsInSync(env.rt.db)).toBeGreaterThan(15)
  })

  it('stay in line with role_assignments after every role-changing action: invite, residence, moves, revoke', async () => {
    // an official invites an information collector; a new WeChat user redeems the code
    const invite = await env.ok('account', 'u-lixiuying', 'createInvite', {
      role: 'info_collector',
      unitId: '513328100001',
    })
    const newcomer = { kind: 'wechat' as const, openid: 'o-grants-newcomer' }
    await env.ok('account', newcomer, 'redeemInvite', { code: invite.code })
    await expectGrantsInSync(env.rt.db)
    // they say where they live, then move: the first residence is revoked, the second granted
    await env.ok('account', newcomer, 'setResidence', { gridId: '513328100001-G01' })
    await env.ok('account', newcomer, 'setResidence', { gridId: '513328100001-G02' })
    expect(await expectGrantsInSync(env.rt.db)).toBeGreaterThan(15)
    const me = await env.ok('account', newcomer, 'getMe')
    expect(me.roles.map((r: { role: string; unit: { id: string } }) => `${r.role}@${r.unit.id}`).sort()).toEqual([
      'info_collector@513328100001',
      'resident@513328100001-G02',
    ])
    // a revoked role is refused at once: access checks never use a grant the collection has revoked
    const roleId = (
      await env.rt.db.find(C.role_assignments, {
        where: { role: 'info_collector', unitId: '513328100001', revokedAt: null },
      })
    ).find((a) => a.via === 'invite')!._id
    await env.rt.db.transaction((tx) => revokeRoleAssignment(tx, roleId, env.clock.now()))
    await expectGrantsInSync(env.rt.db)
    expect(
      await env.call('account', newcomer, 'createInvite', { role: 'resident', unitId: '513328100001' }, rid()),
    ).toMatchObject({
      ok: false,
    })
  })

  it('a document from before grants were kept reads them from role_assignments, and role changes leave it so', async () => {
    const user = await env.rt.db.get(C.users, 'u-zhaxi')
    env.rt.db.bulkInsert(C.users, [{ ...user!, grants: undefined }])
    await grantZhaxiPatrol('ra-u-zhaxi-patrol_volunteer-test')
    expect((await env.rt.db.get(C.users, 'u-zhaxi'))?.grants).toBeUndefined()
    const me = await env.ok('account', 'u-zhaxi', 'getMe')
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('patrol_volunteer')
    // its assignment keeps no copy of the profile (nothing would keep it in line): pushes read the profile
    expect((await env.rt.db.get(C.role_assignments, 'ra-u-zhaxi-patrol_volunteer-test'))?.holder).toBeUndefined()
  })

  it('setLang brings the copies on the caller’s assignments along, in its transaction; a later grant copies it too', async () => {
    await env.ok('account', 'u-zhaxi', 'setLang', { lang: 'bo' })
    expect(await expectGrantsInSync(env.rt.db)).toBeGreaterThan(15)
    const mine = await env.rt.db.find(C.role_assignments, { where: { userId: 'u-zhaxi', revokedAt: null } })
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.map((a) => a.holder?.lang)).toEqual(mine.map(() => 'bo'))
    await grantZhaxiPatrol('ra-u-zhaxi-patrol_volunteer-later')
    expect((await env.rt.db.get(C.role_assignments, 'ra-u-zhaxi-patrol_volunteer-later'))?.holder).toEqual({
      openid: null,
      lang: 'bo',
    })
    await env.ok('account', 'u-zhaxi', 'setLang', { lang: 'zh' })
    await expectGrantsInSync(env.rt.db)
  })

  it('nothing but _core/grants.ts writes role_assignments, and nothing but setLang the language they copy', () => {
    const root = join(__dirname, '..')
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.endsWith(join('_core', 'grants.ts'))) {
          const text = readFileSync(path, 'utf8')
          if (/\.(insert|set|update|remove|inc)\(\s*C\.role_assignments/.test(text))
            offenders.push(relative(root, path))
          if (/\.update\(\s*C\.users[^)]*grants/.test(text)) offenders.push(relative(root, path))
          // the language too, which the assignments copy: only account.setLang changes it, with the copies
          if (/\.(update|set)\(\s*C\.users[^)]*\blang\b/.test(text) && !path.endsWith('set-lang.ts'))
            offenders.push(relative(root, path))
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
