import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import type { Me } from '@shared/account/account.schema'

let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

describe('getMe', () => {
  it('shows a seeded resident their residence and roles', async () => {
    const me = await env.ok<Me>('account', 'u-zhuoma', 'getMe')
    expect(me.user.name).toBe('卓玛')
    expect(me.user.phoneMasked).toBe('139****1201')
    expect(me.user.residence?.name).toBe('旭日岭社区第一网格')
    expect(me.roles.map((r) => [r.role, r.unit.id])).toEqual([['resident', '513328100001-G01']])
    expect(me.permissions).toContain('incident_create')
    expect(me.permissions).not.toContain('incident_dispatch')
  })

  it('creates a WeChat user from the OPENID on the first call, once', async () => {
    const wx = { kind: 'wechat' as const, openid: 'oXyz-first-call' }
    const [a, b] = await Promise.all([env.ok<Me>('account', wx, 'getMe'), env.ok<Me>('account', wx, 'getMe')])
    expect(a.user.id).toBe(b.user.id)
    expect(a.roles).toEqual([])
    expect(await env.rt.db.count(C.users, { openid: 'oXyz-first-call' })).toBe(1)
    const again = await env.ok<Me>('account', wx, 'getMe')
    expect(again.isNew).toBe(false)
  })

  it('refuses anonymous callers and unknown users', async () => {
    const anon = await env.call('account', { kind: 'anonymous' }, 'getMe')
    expect(anon).toMatchObject({ ok: false, code: 'COMMON.UNAUTHENTICATED' })
    const ghost = await env.call('account', 'u-nobody', 'getMe')
    expect(ghost).toMatchObject({ ok: false, code: 'COMMON.UNAUTHENTICATED' })
  })
})

describe('invites', () => {
  it('an official invites a grid worker; the invitee redeems it once and gains the role', async () => {
    const invite = await env.ok('account', 'u-lixiuying', 'createInvite', {
      role: 'grid_worker',
      unitId: '513328100001-G02',
      validHours: 24,
    })
    expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(invite.unit.fullName).toContain('旭日岭社区第二网格')
    const redeemed = await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: invite.code.toLowerCase() })
    expect(redeemed).toMatchObject({ role: 'grid_worker', unit: { id: '513328100001-G02' } })
    const me = await env.ok<Me>('account', 'u-wangdeming', 'getMe')
    expect(me.roles.map((r) => r.role).sort()).toEqual(['grid_worker', 'resident'])
    const second = await env.call('account', 'u-zhuoma', 'redeemInvite', { code: invite.code })
    expect(second).toMatchObject({ ok: false, code: 'ACCOUNT.INVITE_USED' })
  })

  it('a grid worker recruits an information collector for their own grid only', async () => {
    const invite = await env.ok('account', 'u-zhaxi', 'createInvite', {
      role: 'info_collector',
      unitId: '513328100001-G01',
    })
    await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: invite.code })
    expect(
      await env.call('account', 'u-zhaxi', 'createInvite', { role: 'info_collector', unitId: '513328100001-G02' }),
    ).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    expect(
      await env.call('account', 'u-zhaxi', 'createInvite', { role: 'village_official', unitId: '513328100001-G01' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_GRANT_ROLE' })
  })

  it('an invite expires', async () => {
    const invite = await env.ok('account', 'u-lixiuying', 'createInvite', {
      role: 'info_collector',
      unitId: '513328100001',
      validHours: 1,
    })
    env.clock.advance(3_600_001)
    const res = await env.call('account', 'u-zhuoma', 'redeemInvite', { code: invite.code })
    expect(res).toMatchObject({ ok: false, code: 'ACCOUNT.INVITE_EXPIRED', message: expect.stringContaining('过期') })
  })

  it('checks role, scope and level before issuing', async () => {
    // a resident has no invite_create anywhere
    expect(
      await env.call('account', 'u-zhuoma', 'createInvite', { role: 'resident', unitId: '513328100001' }),
    ).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    // an official of 旭日岭 cannot invite into 色西底村
    expect(
      await env.call('account', 'u-lixiuying', 'createInvite', { role: 'grid_worker', unitId: '513328101201-G01' }),
    ).toMatchObject({ ok: false, code: 'COMMON.OUT_OF_SCOPE' })
    // a village official cannot hand out a dispatcher role
    expect(
      await env.call('account', 'u-lixiuying', 'createInvite', { role: 'dispatcher', unitId: '513328100001' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_GRANT_ROLE' })
    // a grid worker role belongs in a grid, not a village
    expect(
      await env.call('account', 'u-lixiuying', 'createInvite', { role: 'grid_worker', unitId: '513328100001' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.ROLE_NOT_AT_LEVEL' })
    expect(await env.rt.db.count(C.invites)).toBe(0)
  })

  it('a repeated request returns the first invite and writes once', async () => {
    const requestId = rid('inv')
    const a = await env.ok(
      'account',
      'u-lixiuying',
      'createInvite',
      { role: 'store_keeper', unitId: '513328100001' },
      requestId,
    )
    const b = await env.ok(
      'account',
      'u-lixiuying',
      'createInvite',
      { role: 'store_keeper', unitId: '513328100001' },
      requestId,
    )
    expect(b.code).toBe(a.code)
    expect(await env.rt.db.count(C.invites)).toBe(1)
  })
})

describe('residence and members', () => {
  it('a new WeChat user picks a grid and household and becomes its resident', async () => {
    const wx = { kind: 'wechat' as const, openid: 'o-new-resident' }
    const villages = await env.ok('account', wx, 'listUnits', { parentId: '513328101' })
    expect(villages.items.map((u: { name: string }) => u.name)).toEqual(['色西底村'])
    const households = await env.ok('account', wx, 'listHouseholds', { gridId: '513328101201-G02', pageSize: 2 })
    expect(households.total).toBe(4)
    expect(households.items).toHaveLength(2)
    expect(households.hasMore).toBe(true)
    expect(households.items[0].headNameMasked).toMatch(/\*/)
    const hh = households.items[0].id
    await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G02', householdId: hh })
    const me = await env.ok<Me>('account', wx, 'getMe')
    expect(me.user.householdId).toBe(hh)
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'resident', unit: expect.objectContaining({ id: '513328101201-G02' }) }),
    ])
    // moving revokes the old residence
    await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G01' })
    const moved = await env.ok<Me>('account', wx, 'getMe')
    expect(moved.roles.map((r) => r.unit.id)).toEqual(['513328101201-G01'])
  })

  it('refuses a household from another grid and a non-grid unit', async () => {
    expect(
      await env.call('account', 'u-zhuoma', 'setResidence', {
        gridId: '513328100001-G02',
        householdId: 'hh-513328100001-G01-02',
      }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.HOUSEHOLD_NOT_IN_GRID' })
    expect(await env.call('account', 'u-zhuoma', 'setResidence', { gridId: '513328100001' })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_A_GRID',
    })
  })

  it('lists members of a village and its grids with masked phones, paged', async () => {
    const page1 = await env.ok('account', 'u-lixiuying', 'listMembers', { unitId: '513328100001', pageSize: 3 })
    expect(page1.total).toBeGreaterThanOrEqual(8)
    expect(page1.items).toHaveLength(3)
    for (const m of page1.items) expect(m.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/)
    const workers = await env.ok('account', 'u-lixiuying', 'listMembers', {
      unitId: '513328100001',
      role: 'grid_worker',
    })
    expect(workers.items.map((m: { name: string }) => m.name)).toEqual(['扎西'])
    expect(await env.call('account', 'u-zhuoma', 'listMembers', { unitId: '513328100001' })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
  })
})

describe('replays of account writes', () => {
  it('a retried redeem returns its first result after the code is spent, and grants nothing twice', async () => {
    const invite = await env.ok('account', 'u-lixiuying', 'createInvite', {
      role: 'info_collector',
      unitId: '513328100001-G01',
    })
    const requestId = rid('redeem')
    const first = await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: invite.code }, requestId)
    expect(first).toMatchObject({ role: 'info_collector', unit: { id: '513328100001-G01' } })
    // a fresh call is now refused: the code is spent
    expect(await env.call('account', 'u-wangdeming', 'redeemInvite', { code: invite.code })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.INVITE_USED',
    })
    // the retry of the call that spent it is told it succeeded, with the same answer
    expect(await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: invite.code }, requestId)).toEqual(first)
    const roles = await env.rt.db.find(C.role_assignments, { where: { userId: 'u-wangdeming', revokedAt: null } })
    expect(roles.filter((r) => r.role === 'info_collector')).toHaveLength(1)
    expect((await env.rt.db.get(C.invites, invite.code))?.usedBy).toBe('u-wangdeming')
  })

  it('refuses a redeem request id reused for another code', async () => {
    const a = await env.ok('account', 'u-lixiuying', 'createInvite', { role: 'info_collector', unitId: '513328100001' })
    const b = await env.ok('account', 'u-lixiuying', 'createInvite', { role: 'store_keeper', unitId: '513328100001' })
    const requestId = rid('redeem')
    await env.ok('account', 'u-wangdeming', 'redeemInvite', { code: a.code }, requestId)
    expect(await env.call('account', 'u-wangdeming', 'redeemInvite', { code: b.code }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect((await env.rt.db.get(C.invites, b.code))?.usedBy).toBeNull()
  })

  it('a retried invite returns the first code after the official has lost the right to invite', async () => {
    const requestId = rid('inv')
    const input = { role: 'info_collector', unitId: '513328100001' }
    const first = await env.ok('account', 'u-lixiuying', 'createInvite', input, requestId)
    await env.rt.db.transaction((tx) =>
      tx.update(C.role_assignments, 'ra-u-lixiuying-village_official-513328100001', { revokedAt: env.clock.now() }),
    )
    expect(await env.call('account', 'u-lixiuying', 'createInvite', input)).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    })
    expect(await env.ok('account', 'u-lixiuying', 'createInvite', input, requestId)).toEqual(first)
    expect(await env.rt.db.count(C.invites)).toBe(1)
  })

  it('refuses an invite request id reused with another role', async () => {
    const requestId = rid('inv')
    await env.ok(
      'account',
      'u-lixiuying',
      'createInvite',
      { role: 'info_collector', unitId: '513328100001' },
      requestId,
    )
    expect(
      await env.call(
        'account',
        'u-lixiuying',
        'createInvite',
        { role: 'store_keeper', unitId: '513328100001' },
        requestId,
      ),
    ).toMatchObject({ ok: false, code: 'COMMON.REQUEST_ID_REUSED' })
    expect(await env.rt.db.count(C.invites)).toBe(1)
  })

  it('a retried move answers as the first time and does not move the resident back', async () => {
    const wx = { kind: 'wechat' as const, openid: 'o-moving-resident' }
    const requestId = rid('res')
    const first = await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G02' }, requestId)
    expect(first.residence.id).toBe('513328101201-G02')
    await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G01' })
    expect(await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G02' }, requestId)).toEqual(first)
    const me = await env.ok<Me>('account', wx, 'getMe')
    expect(me.user.residence?.id).toBe('513328101201-G01')
    expect(me.roles.map((r) => r.unit.id)).toEqual(['513328101201-G01'])
    expect(await env.call('account', wx, 'setResidence', { gridId: '513328101201-G01' }, requestId)).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
  })
})
