import { accountContract } from '@shared/account/account.contract'
import { pointsContract } from '@shared/points/points.contract'
import { testEnv, rid, type TestEnv } from '../../tests/support/harness'
import { callsOf } from '../../tests/support/contract-calls'
import type { Identity } from '../_core/caller'
import type { OutgoingPush } from '../_core/notifier'
import { C } from '../_core/collections'
import { stableId } from '../_core/ids'

/**
 * Issue #16 item 1, household takeover: saying where one lives never makes anyone a member of a household. A
 * join request does, once the head, or the grid worker or a village official of the grid, approves it.
 */
let env: TestEnv
const account = callsOf(() => env, accountContract)
const points = callsOf(() => env, pointsContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const XRL_G01 = '513328100001-G01'
const ZHUOMA_HH = 'hh-513328100001-G01-01' // head 卓玛 (u-zhuoma)
const SXD_G01 = '513328101201-G01'
const YANGJIN_HH = 'hh-513328101201-G01-01' // head 央金 (u-yangjin), 色西底村
const LIUHU_HH = 'hh-620802001003-G01-01' // head 杨立新, 崆峒区
const wx = (openid: string): Identity => ({ kind: 'wechat', openid })
const userOf = (openid: string) => stableId('wx', openid)

async function soapOf(as: string | Identity) {
  const goods = await points.ok(as, 'listGoods', { villageId: '513328100001' })
  return goods.items.find((g) => g.name.startsWith('香皂'))!
}

/** A WeChat user who lives in 旭日岭 G01 and has asked to join 卓玛's household. */
async function asking(openid = 'o-asker', note = '我是卓玛的女儿') {
  const me = wx(openid)
  await account.ok(me, 'setProfile', { name: '白玛' })
  await account.ok(me, 'setResidence', { gridId: XRL_G01 })
  const request = await account.ok(me, 'requestJoin', { householdId: ZHUOMA_HH, note })
  return { me, request }
}

describe('the takeover in the issue fails at every step', () => {
  it('a stranger who claims households in three counties gets none of them, nor their points or orders', async () => {
    const thief = wx('o-thief')
    const zhuomaOrder = await points.ok('u-zhuoma', 'redeem', { goodsId: (await soapOf('u-zhuoma')).id })
    for (const [gridId, householdId] of [
      [XRL_G01, ZHUOMA_HH],
      [SXD_G01, YANGJIN_HH],
      ['620802001003-G01', LIUHU_HH],
    ] as const) {
      // the old call, household and all: the residence is set, the household is not
      const set = await account.ok(thief, 'setResidence', { gridId, householdId } as never)
      expect(set).toMatchObject({ residence: { id: gridId }, householdId: null })
      const me = await account.ok(thief, 'getMe')
      expect(me.user.householdId).toBeNull()
      expect(me.household).toBeNull()
    }
    expect(await env.rt.db.get(C.users, userOf('o-thief'))).toMatchObject({ householdId: null })
    // no household: nothing to spend, no history, no pickup codes, no one else's redemption to cancel
    expect(await points.call(thief, 'redeem', { goodsId: (await soapOf('u-zhuoma')).id })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
    const mine = await points.ok(thief, 'myPoints', {})
    expect(mine).toMatchObject({ household: null, balance: 0, history: { total: 0 } })
    expect((await points.ok(thief, 'myRedemptions', {})).items).toEqual([])
    expect(await points.call(thief, 'cancelRedemption', { redemptionId: zhuomaOrder.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_YOUR_REDEMPTION',
    })
    expect((await env.rt.db.get(C.points_redemptions, zhuomaOrder.id))?.status).toBe('pending')
  })

  it('a join request is only for a household of the grid one lives in, and gives nothing until approved', async () => {
    const thief = wx('o-thief')
    await account.ok(thief, 'setProfile', { name: '白玛' })
    await account.ok(thief, 'setResidence', { gridId: XRL_G01 })
    // 央金's household is in 色西底村, not where the thief lives: neither listed nor requestable
    expect(await account.call(thief, 'listHouseholds', { gridId: SXD_G01 })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_YOUR_GRID',
    })
    expect(await account.call(thief, 'requestJoin', { householdId: YANGJIN_HH })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_YOUR_GRID',
    })
    const request = await account.ok(thief, 'requestJoin', { householdId: ZHUOMA_HH })
    expect(request).toMatchObject({ status: 'pending', household: { id: ZHUOMA_HH, headName: '卓*' } })
    const me = await account.ok(thief, 'getMe')
    expect(me.user.householdId).toBeNull()
    expect(me.joinRequest).toMatchObject({ id: request.id, status: 'pending' })
    expect((await points.ok(thief, 'myPoints', {})).household).toBeNull()
    expect(await points.call(thief, 'redeem', { goodsId: (await soapOf('u-zhuoma')).id })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
    // and the thief cannot approve it, whatever they try
    expect(
      await account.call(thief, 'decideJoinRequest', { joinRequestId: request.id, decision: 'approve' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.OWN_JOIN_REQUEST' })
    expect(await env.rt.db.get(C.users, userOf('o-thief'))).toMatchObject({ householdId: null })
  })

  it('the head is told of a request: kept in the inbox as message keys, pushed in the head’s language', async () => {
    await env.ok('account', 'u-zhuoma', 'setLang', { lang: 'bo' })
    const pushed: OutgoingPush[] = []
    env.rt.notifier = { push: async (m) => void pushed.push(m) }
    const { request } = await asking()
    expect(pushed).toEqual([
      expect.objectContaining({ userId: 'u-zhuoma', title: 'མི་ཞིག་གིས་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ་ཕུལ་འདུག' }),
    ])
    const stored = await env.rt.db.find(C.account_inbox, { where: { userId: 'u-zhuoma' } })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      joinRequestId: request.id,
      title: { key: 'account.inbox.join_asked.title' },
      body: { key: 'account.inbox.join_asked.body', params: { name: '白玛' } },
    })
    // the inbox is rendered in the language of the call, the profile's when the call names none
    const inBo = await account.ok('u-zhuoma', 'myInbox', {}, undefined)
    expect(inBo.items[0]!.title).toBe('མི་ཞིག་གིས་ཁྱེད་ཀྱི་ཁྱིམ་ཚང་དུ་ཞུགས་རྒྱུའི་རེ་ཞུ་ཕུལ་འདུག')
    const inZh = await account.ok('u-zhuoma', 'myInbox', {}, undefined, { lang: 'zh' })
    expect(inZh.items[0]).toMatchObject({
      title: '有人申请加入您家',
      body: expect.stringContaining('白玛 申请加入'),
    })
  })
})

describe('deciding a join request', () => {
  it.each([
    ['the head of the household', 'u-zhuoma'],
    ['the grid worker of the grid', 'u-zhaxi'],
    ['a village official of the village', 'u-lixiuying'],
  ])('%s may approve; the requester is then a member with the household’s points', async (_who, approver) => {
    const { me, request } = await asking()
    const decided = await account.ok(approver, 'decideJoinRequest', { joinRequestId: request.id, decision: 'approve' })
    expect(decided).toMatchObject({ status: 'approved', requester: { id: userOf('o-asker') } })
    const after = await account.ok(me, 'getMe')
    expect(after.user.householdId).toBe(ZHUOMA_HH)
    expect(after.household).toMatchObject({ id: ZHUOMA_HH, head: false })
    expect(after.joinRequest).toBeNull()
    expect((await points.ok(me, 'myPoints', {})).household).toMatchObject({ id: ZHUOMA_HH })
    // the requester is told; the head too when someone else let them in
    const told = await account.ok(me, 'myInbox', {})
    expect(told.items.map((m) => m.title)).toEqual(['入户申请已同意'])
    const headTold = (await account.ok('u-zhuoma', 'myInbox', {})).items.map((m) => m.title)
    expect(headTold).toEqual(approver === 'u-zhuoma' ? ['有人申请加入您家'] : ['家里加入了新成员', '有人申请加入您家'])
    // every step is kept: who asked, who decided, when and why
    const steps = await env.rt.db.find(C.join_request_events, {
      where: { joinRequestId: request.id },
      orderBy: [['at', 'asc']],
    })
    expect(steps.map((s) => [s.step, s.by, s.reason])).toEqual([
      ['request', userOf('o-asker'), '我是卓玛的女儿'],
      ['approve', approver, ''],
    ])
  })

  it.each([
    ['a grid worker of another grid', 'u-ciren', 'ACCOUNT.CANNOT_DECIDE'],
    ['a neighbour who heads another household of the grid', 'u-wangdeming', 'ACCOUNT.CANNOT_DECIDE'],
    ['a store keeper of the village', 'u-chenguilan', 'ACCOUNT.CANNOT_DECIDE'],
    ['a dispatcher of the township', 'u-zhoumin', 'ACCOUNT.CANNOT_DECIDE'],
    ['a grid worker of another county', 'u-mahongmei', 'ACCOUNT.CANNOT_DECIDE'],
  ])('%s may not approve or refuse', async (_who, caller, code) => {
    const { me, request } = await asking()
    for (const decision of ['approve', 'refuse'] as const) {
      expect(
        await account.call(caller, 'decideJoinRequest', { joinRequestId: request.id, decision, reason: '不认识' }),
      ).toMatchObject({ ok: false, code })
    }
    expect((await account.ok(me, 'getMe')).user.householdId).toBeNull()
    expect((await env.rt.db.get(C.join_requests, request.id))?.status).toBe('pending')
  })

  it('a refusal says why, and the requester reads the household as residents see it', async () => {
    const { me, request } = await asking()
    expect(
      await account.call('u-zhaxi', 'decideJoinRequest', { joinRequestId: request.id, decision: 'refuse' }),
    ).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', message: expect.stringContaining('原因') })
    await account.ok('u-zhaxi', 'decideJoinRequest', {
      joinRequestId: request.id,
      decision: 'refuse',
      reason: '户主说不认识',
    })
    const told = (await account.ok(me, 'myInbox', {})).items[0]!
    expect(told).toMatchObject({ title: '入户申请没有同意', body: expect.stringContaining('户主说不认识') })
    expect(told.body).not.toContain('卓玛')
    expect((await account.ok(me, 'getMe')).user.householdId).toBeNull()
    // decided once: a second decision is refused
    expect(
      await account.call('u-zhuoma', 'decideJoinRequest', { joinRequestId: request.id, decision: 'approve' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.JOIN_REQUEST_DECIDED' })
  })

  it('two approvers at once, and a retried approval, leave one membership', async () => {
    const { me, request } = await asking()
    const input = { joinRequestId: request.id, decision: 'approve' as const }
    const retryId = rid('decide')
    const replies = await Promise.all([
      account.call('u-zhuoma', 'decideJoinRequest', input, retryId),
      account.call('u-zhaxi', 'decideJoinRequest', input),
      account.call('u-lixiuying', 'decideJoinRequest', input),
      account.call('u-zhuoma', 'decideJoinRequest', input, retryId),
    ])
    const ok = replies.filter((r) => r.ok)
    // the head's call and its retry are one request: both told it succeeded, or both refused
    expect(replies[0]!.ok).toBe(replies[3]!.ok)
    expect(new Set(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)))).toEqual(
      new Set(['ACCOUNT.JOIN_REQUEST_DECIDED']),
    )
    expect(ok.length === 1 || (ok.length === 2 && replies[0]!.ok)).toBe(true)
    expect(await env.rt.db.count(C.join_request_events, { joinRequestId: request.id, step: 'approve' })).toBe(1)
    expect((await account.ok(me, 'getMe')).user.householdId).toBe(ZHUOMA_HH)
    expect(await env.rt.db.count(C.account_inbox, { userId: userOf('o-asker') })).toBe(1)
  })

  it('one request waits at a time: a new one withdraws the old; the requester may withdraw it', async () => {
    const { me, request } = await asking()
    const again = await account.ok(me, 'requestJoin', { householdId: ZHUOMA_HH })
    expect(again.id).toBe(request.id)
    const other = await account.ok(me, 'requestJoin', { householdId: 'hh-513328100001-G01-02' })
    expect(other.id).not.toBe(request.id)
    expect((await env.rt.db.get(C.join_requests, request.id))?.status).toBe('withdrawn')
    expect(
      (await env.rt.db.find(C.join_request_events, { where: { joinRequestId: request.id, step: 'withdraw' } }))[0],
    ).toMatchObject({ by: userOf('o-asker'), cause: 'superseded' })
    expect(await account.call('u-zhuoma', 'withdrawJoinRequest', { joinRequestId: other.id })).toMatchObject({
      ok: false,
      code: 'ACCOUNT.NOT_YOUR_JOIN_REQUEST',
    })
    expect(await account.ok(me, 'withdrawJoinRequest', { joinRequestId: other.id })).toMatchObject({
      status: 'withdrawn',
    })
    expect((await account.ok(me, 'getMe')).joinRequest).toBeNull()
  })

  it('two requests sent at once by one person leave one waiting', async () => {
    const me = wx('o-twice')
    await account.ok(me, 'setProfile', { name: '白玛' })
    await account.ok(me, 'setResidence', { gridId: XRL_G01 })
    const replies = await Promise.all([
      account.call(me, 'requestJoin', { householdId: ZHUOMA_HH }),
      account.call(me, 'requestJoin', { householdId: 'hh-513328100001-G01-02' }),
    ])
    expect(replies.some((r) => r.ok)).toBe(true)
    expect(await env.rt.db.count(C.join_requests, { userId: userOf('o-twice'), status: 'pending' })).toBe(1)
  })

  it('approvers see the requests waiting for them on their list, and no one else’s', async () => {
    await asking()
    const mine = await account.ok('u-zhuoma', 'listJoinRequests', {})
    expect(mine.total).toBe(1)
    expect(mine.items[0]).toMatchObject({
      requester: { name: '白玛' },
      household: { id: ZHUOMA_HH, headName: '卓玛' },
      note: '我是卓玛的女儿',
    })
    expect((await account.ok('u-zhaxi', 'listJoinRequests', {})).total).toBe(1)
    expect((await account.ok('u-lixiuying', 'listJoinRequests', {})).total).toBe(1)
    expect((await account.ok('u-zhangwei', 'listJoinRequests', {})).total).toBe(1) // the system admin, by county
    for (const other of ['u-wangdeming', 'u-ciren', 'u-yangjin', 'u-mahongmei', 'u-zhoumin'])
      expect((await account.ok(other, 'listJoinRequests', {})).total).toBe(0)
  })

  it('moving to another grid withdraws a waiting request and ends a membership, each as a step', async () => {
    const { me, request } = await asking()
    await account.ok(me, 'setProfile', { name: '白玛' })
    await account.ok(me, 'setResidence', { gridId: '513328100001-G02' })
    expect((await env.rt.db.get(C.join_requests, request.id))?.status).toBe('withdrawn')
    // 扎西 lives in G02 as a member of 降央's household (seeded); moving to G03 ends it
    await account.ok('u-zhaxi', 'setResidence', { gridId: '513328100001-G03' })
    expect((await account.ok('u-zhaxi', 'getMe')).user.householdId).toBeNull()
    const ended = await env.rt.db.find(C.join_request_events, { where: { userId: 'u-zhaxi', step: 'leave' } })
    expect(ended).toEqual([expect.objectContaining({ by: 'u-zhaxi', cause: 'moved' })])
  })
})

describe('revoking a membership', () => {
  async function member() {
    const { me, request } = await asking()
    await account.ok('u-zhuoma', 'decideJoinRequest', { joinRequestId: request.id, decision: 'approve' })
    return { me, userId: userOf('o-asker') }
  }

  it.each([
    ['the head', 'u-zhuoma'],
    ['the grid worker', 'u-zhaxi'],
    ['a village official', 'u-lixiuying'],
  ])('%s removes a member, who loses access at once and is told', async (_who, by) => {
    const { me, userId } = await member()
    const soap = await soapOf('u-zhuoma')
    expect((await points.ok(me, 'myPoints', {})).household).toMatchObject({ id: ZHUOMA_HH })
    const removed = await account.ok(by, 'revokeMembership', {
      householdId: ZHUOMA_HH,
      userId,
      reason: '不是本户的人',
    })
    expect(removed).toEqual({ householdId: ZHUOMA_HH, userId })
    // the very next points call is refused
    expect(await points.call(me, 'redeem', { goodsId: soap.id })).toMatchObject({
      ok: false,
      code: 'POINTS.NO_HOUSEHOLD',
    })
    expect((await points.ok(me, 'myPoints', {})).household).toBeNull()
    expect((await account.ok(me, 'myInbox', {})).items[0]).toMatchObject({
      title: '您已被移出户',
      body: expect.stringContaining('不是本户的人'),
    })
    const steps = await env.rt.db.find(C.join_request_events, { where: { userId, step: 'revoke' } })
    expect(steps).toEqual([expect.objectContaining({ by, reason: '不是本户的人' })])
    // removed once: again is refused
    expect(
      await account.call(by, 'revokeMembership', { householdId: ZHUOMA_HH, userId, reason: '再来一次' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.NOT_A_MEMBER' })
  })

  it('nobody else may remove a member; a reason is needed; a seeded member’s membership is on record', async () => {
    const { userId } = await member()
    for (const caller of ['u-wangdeming', 'u-ciren', 'u-chenguilan', 'u-mahongmei'])
      expect(
        await account.call(caller, 'revokeMembership', { householdId: ZHUOMA_HH, userId, reason: '试试' }),
      ).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_DECIDE' })
    expect(await account.call('u-zhuoma', 'revokeMembership', { householdId: ZHUOMA_HH, userId })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
    })
    expect(
      await account.call('u-zhuoma', 'revokeMembership', { householdId: ZHUOMA_HH, userId: 'u-zhuoma', reason: 'x' }),
    ).toMatchObject({ ok: false, code: 'ACCOUNT.CANNOT_REMOVE_SELF' })
    // 扎西 (seeded into 降央's household, whose head has no account) is removed by the village official
    await account.ok('u-lixiuying', 'revokeMembership', {
      householdId: 'hh-513328100001-G02-01',
      userId: 'u-zhaxi',
      reason: '搬走了',
    })
    const steps = await env.rt.db.find(C.join_request_events, { where: { userId: 'u-zhaxi' } })
    expect(steps.map((s) => s.step).sort()).toEqual(['revoke', 'roster'])
  })

  it('a membership from before memberships were recorded is removed and its end recorded', async () => {
    // a household claimed with the old setResidence: users.householdId set, no join request
    const legacy = wx('o-legacy')
    await account.ok(legacy, 'setProfile', { name: '白玛' })
    await account.ok(legacy, 'setResidence', { gridId: XRL_G01 })
    await env.rt.db.transaction((tx) => tx.update(C.users, userOf('o-legacy'), { householdId: ZHUOMA_HH }))
    await account.ok('u-zhuoma', 'revokeMembership', {
      householdId: ZHUOMA_HH,
      userId: userOf('o-legacy'),
      reason: '不认识',
    })
    expect((await account.ok(legacy, 'getMe')).user.householdId).toBeNull()
    const steps = await env.rt.db.find(C.join_request_events, { where: { userId: userOf('o-legacy') } })
    expect(steps.map((s) => s.step).sort()).toEqual(['revoke', 'roster'])
  })

  it('a household’s members are seen by its members, its head and the officials of its grid only', async () => {
    const { me, userId } = await member()
    const byHead = await account.ok('u-zhuoma', 'listHouseholdMembers', { householdId: ZHUOMA_HH })
    expect(byHead.canRevoke).toBe(true)
    expect(byHead.members.map((m) => [m.name, m.head])).toEqual([
      ['卓玛', true],
      ['白玛', false],
    ])
    expect(byHead.members[1]).toMatchObject({ userId, via: 'request' })
    expect((await account.ok(me, 'listHouseholdMembers', { householdId: ZHUOMA_HH })).canRevoke).toBe(false)
    expect((await account.ok('u-zhaxi', 'listHouseholdMembers', { householdId: ZHUOMA_HH })).canRevoke).toBe(true)
    for (const other of ['u-wangdeming', 'u-ciren', wx('o-stranger')])
      expect(await account.call(other, 'listHouseholdMembers', { householdId: ZHUOMA_HH })).toMatchObject({
        ok: false,
        code: 'COMMON.FORBIDDEN',
      })
  })
})

describe('in Tibetan', () => {
  it('refusals and views come back in the language of the call', async () => {
    const { me, request } = await asking()
    const bo = { lang: 'bo' as const }
    expect(
      await account.call(
        'u-ciren',
        'decideJoinRequest',
        { joinRequestId: request.id, decision: 'approve' },
        undefined,
        bo,
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/^ཁྱིམ་བདག/) })
    expect(await account.call(me, 'requestJoin', { householdId: YANGJIN_HH }, undefined, bo)).toMatchObject({
      ok: false,
      message: 'འདི་ཁྱེད་སྡོད་པའི་དྲ་མིག་མིན། སྔོན་ལ་སྡོད་གནས་འདིར་གཏན་འཁེལ་བྱོས།',
    })
    const refused = await account.call(
      'u-zhuoma',
      'decideJoinRequest',
      { joinRequestId: request.id, decision: 'refuse' },
      undefined,
      bo,
    )
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^བྲིས་པའི་ནང་དོན.*རྒྱུ་མཚན.*འབྲི་རོགས།/) })
    const roles = (await account.ok('u-zhaxi', 'getMe', {}, null, bo)).roles.map((r) => r.roleLabel)
    expect(roles.sort()).toEqual(['དྲ་མིག་ལས་བྱེད་པ།', 'སྡོད་དམངས།'].sort())
  })
})
