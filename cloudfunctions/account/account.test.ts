import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { C } from '../_core/collections'
import type { Me } from '@shared/account/account.schema'
import { revokeRoleAssignment } from '../_core/grants'

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
  it('a new WeChat user picks a grid, becomes its resident and asks to join a household there', async () => {
    const wx = { kind: 'wechat' as const, openid: 'o-new-resident' }
    const villages = await env.ok('account', wx, 'listUnits', { parentId: '513328101' })
    expect(villages.items.map((u: { name: string }) => u.name)).toEqual(['色西底村'])
    // households are listed to residents of the grid only
    expect(await env.call('account', wx, 'listHouseholds', { gridId: '513328101201-G02' })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_YOUR_GRID',
    })
    await env.ok('account', wx, 'setProfile', { name: '白玛' })
    await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G02' })
    const households = await env.ok('account', wx, 'listHouseholds', { gridId: '513328101201-G02', pageSize: 2 })
    expect(households).toMatchObject({ total: 4, hasMore: true, full: false })
    expect(households.items).toHaveLength(2)
    expect(households.items[0].headName).toMatch(/\*/)
    const hh = households.items[0].id
    const request = await env.ok('account', wx, 'requestJoin', { householdId: hh })
    const me = await env.ok<Me>('account', wx, 'getMe')
    expect(me.user.householdId).toBeNull()
    expect(me.joinRequest).toMatchObject({ id: request.id, status: 'pending', household: { id: hh } })
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'resident', unit: expect.objectContaining({ id: '513328101201-G02' }) }),
    ])
    // moving revokes the old residence
    await env.ok('account', wx, 'setResidence', { gridId: '513328101201-G01' })
    const moved = await env.ok<Me>('account', wx, 'getMe')
    expect(moved.roles.map((r) => r.unit.id)).toEqual(['513328101201-G01'])
    expect(moved.joinRequest).toBeNull()
  })

  it('refuses a household from another grid and a non-grid unit', async () => {
    expect(
      await env.call('account', 'u-zhuoma', 'requestJoin', { householdId: 'hh-513328100001-G02-02' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.NOT_YOUR_GRID' })
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
      revokeRoleAssignment(tx, 'ra-u-lixiuying-village_official-513328100001', env.clock.now()),
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

describe('households as residents see them (issue #16 item 8)', () => {
  const SXD_G01 = '513328101201-G01'

  it('a resident sees only their own grid, heads masked and no name in any address', async () => {
    // 央金 lives in 色西底村一组, where the roster writes addresses as 央金家（1 号牧户）
    const page = await env.ok('account', 'u-yangjin', 'listHouseholds', { gridId: SXD_G01, pageSize: 50 })
    expect(page.full).toBe(false)
    const households = await env.rt.db.find(C.households, { where: { gridId: SXD_G01 } })
    expect(page.items).toHaveLength(households.length)
    for (const item of page.items) {
      const h = households.find((x) => x._id === item.id)!
      expect(item.headName).not.toBe(h.headName)
      expect(item.address).not.toContain(h.headName)
      expect(item.address).toMatch(/^\d+ 号牧户$/)
    }
    expect(page.items.find((i: { id: string }) => i.id === 'hh-513328101201-G01-01')).toEqual({
      id: 'hh-513328101201-G01-01',
      headName: '央*',
      address: '1 号牧户',
    })
    // another grid, even in the same village, is not listed to her
    expect(await env.call('account', 'u-yangjin', 'listHouseholds', { gridId: '513328101201-G02' })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_YOUR_GRID',
    })
  })

  it('an address naming a member (not only the head) loses that part too', async () => {
    await env.rt.db.transaction((tx) =>
      tx.update(C.households, 'hh-513328100001-G01-03', { address: '王德明家 5 栋 2 单元（德明小卖部旁）' }),
    )
    const page = await env.ok('account', 'u-zhuoma', 'listHouseholds', { gridId: '513328100001-G01', pageSize: 50 })
    expect(page.items.find((i: { id: string }) => i.id === 'hh-513328100001-G01-03')).toEqual({
      id: 'hh-513328100001-G01-03',
      headName: '王*明',
      address: '5 栋 2 单元',
    })
    // 扎西 is a member (not the head) of 降央's household in G02: his name goes from its address too
    await env.rt.db.transaction((tx) => tx.update(C.households, 'hh-513328100001-G02-01', { address: '扎西家 3 号' }))
    const g02 = await env.ok('account', 'u-zhaxi', 'listHouseholds', { gridId: '513328100001-G02', pageSize: 50 })
    expect(g02.full).toBe(false)
    expect(g02.items.find((i: { id: string }) => i.id === 'hh-513328100001-G02-01')?.address).toBe('3 号')
  })

  it('the officials who decide join requests in the grid see names in full; anyone else is refused', async () => {
    // 次仁, the grid worker of 色西底村一组
    const page = await env.ok('account', 'u-ciren', 'listHouseholds', { gridId: SXD_G01, pageSize: 50 })
    expect(page.full).toBe(true)
    expect(page.items.find((i: { id: string }) => i.id === 'hh-513328101201-G01-01')).toMatchObject({
      headName: '央金',
      address: '央金家（1 号牧户）',
    })
    const village = await env.ok('account', 'u-lixiuying', 'listHouseholds', { gridId: '513328100001-G03' })
    expect(village.full).toBe(true)
    // a grid worker of another grid, a dispatcher, a store keeper: refused
    for (const other of ['u-zhaxi', 'u-zhoumin', 'u-chenguilan', 'u-mahongmei'])
      expect(await env.call('account', other, 'listHouseholds', { gridId: SXD_G01 })).toMatchObject({
        ok: false,
        code: 'ACCOUNT.NOT_YOUR_GRID',
      })
  })
})

describe('the language on the profile', () => {
  it('setLang keeps the caller’s own choice, and replies and pushes use it', async () => {
    expect(await env.ok('account', 'u-zhuoma', 'setLang', { lang: 'bo' })).toEqual({ lang: 'bo' })
    expect((await env.rt.db.get(C.users, 'u-zhuoma'))?.lang).toBe('bo')
    const me = await env.ok<Me>('account', 'u-zhuoma', 'getMe')
    expect(me.user.lang).toBe('bo')
    // a call without a language is answered in the profile's
    expect(me.roles[0]!.roleLabel).toBe('སྡོད་དམངས།')
    expect(
      await env.call('account', 'u-zhuoma', 'createInvite', { role: 'resident', unitId: '513328100001' }),
    ).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
      message: 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་པའི་དབང་ཚད་མེད།',
    })
    // the call's language wins for the reply; the profile keeps its own
    expect((await env.ok<Me>('account', 'u-zhuoma', 'getMe', {}, null, { lang: 'zh' })).roles[0]!.roleLabel).toBe(
      '居民',
    )
    expect(await env.call('account', 'u-zhuoma', 'setLang', { lang: 'en' })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
      message: expect.stringContaining('语言'),
    })
    // a WeChat user's first call, then the choice they made on the first screen
    const wx = { kind: 'wechat' as const, openid: 'o-lang-first' }
    expect((await env.ok<Me>('account', wx, 'getMe')).user.lang).toBeNull()
    await env.ok('account', wx, 'setLang', { lang: 'bo' })
    expect((await env.ok<Me>('account', wx, 'getMe')).user.lang).toBe('bo')
  })

  it('account refusals and labels come back in Tibetan when the call asks for it', async () => {
    const bo = { lang: 'bo' as const }
    expect(await env.call('account', 'u-zhuoma', 'redeemInvite', { code: 'AAAA' }, undefined, bo)).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
      message: expect.stringContaining('གདན་ཞུའི་ཨང་ནི་'),
    })
    expect(await env.call('account', 'u-zhuoma', 'redeemInvite', { code: 'ABCDEFGH' }, undefined, bo)).toMatchObject({
      ok: false,
      code: 'ACCOUNT.INVITE_NOT_FOUND',
      message: expect.stringMatching(/^གདན་ཞུའི་ཨང་མི་འགྲིག/),
    })
    expect(
      await env.call(
        'account',
        'u-lixiuying',
        'createInvite',
        { role: 'dispatcher', unitId: '513328100001' },
        undefined,
        bo,
      ),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_GRANT_ROLE', message: 'ཁྱེད་ཀྱིས་གོ་གནས་འདིའི་གདན་ཞུའི་ཨང་སྤྲོད་མི་ཆོག' })
    const invite = await env.ok(
      'account',
      'u-lixiuying',
      'createInvite',
      { role: 'store_keeper', unitId: '513328100001' },
      undefined,
      bo,
    )
    expect(invite.roleLabel).toBe('སྐར་གྲངས་ཚོང་ཁང་གི་དོ་དམ་པ།')
    const members = await env.ok(
      'account',
      'u-lixiuying',
      'listMembers',
      { unitId: '513328100001', role: 'grid_worker' },
      null,
      bo,
    )
    expect(members.items.map((m: { roleLabel: string }) => m.roleLabel)).toEqual(['དྲ་མིག་ལས་བྱེད་པ།'])
  })
})
