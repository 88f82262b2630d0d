import { testEnv, type TestEnv } from '../../tests/support/harness'
import { MIN, TUE_PM, V, patrolDriver } from '../../tests/support/patrol'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { C } from '../_core/collections'

/** The same refusals and views in Tibetan (issue #20): the call's language, else the reader's profile. */
let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())
const { patrol, start, checkIn, walkAll } = patrolDriver(() => env)
const BO = { lang: 'bo' } as const

describe('refusals in Tibetan', () => {
  it('domain errors, with their parameters', async () => {
    env.clock.set(TUE_PM - MIN)
    expect(
      await patrol.call('u-gesang', 'startPatrol', { shiftId: PATROL_SEED.eveningShiftId }, undefined, BO),
    ).toMatchObject({ ok: false, code: 'PATROL.NOT_IN_SHIFT', message: 'ད་ལྟ་རེས་མོ་འདིའི་སྐོར་ཞིབ་དུས་ཚོད་ནང་མ་རེད།' })
    expect(
      await patrol.call(
        'u-lixiuying',
        'saveTeam',
        { villageId: V, name: 'གཉིས་པ།', captainId: 'u-duoji', memberIds: ['u-zhuoma'] },
        undefined,
        BO,
      ),
    ).toMatchObject({
      ok: false,
      code: 'PATROL.NOT_A_PATROLLER',
      message: '卓玛 གྲོང་ཚོ། (སྡོད་ཁུལ།) འདིའི་སྐོར་ཞིབ་པ་མིན།',
    })
    expect(
      await patrol.call(
        'u-zhangwei',
        'getFigures',
        { unitId: '513328100001-G01', fromMonth: '2026-03', toMonth: '2026-03' },
        undefined,
        BO,
      ),
    ).toMatchObject({ ok: false, code: 'PATROL.UNIT_NOT_FOUND', message: 'གྲོང་ཚོ་དང་། ཞང་། ཡང་ན་རྫོང་ཞིག་འདེམས་རོགས།' })
  })

  it('input checks name the field by its Tibetan label', async () => {
    const bad = await patrol.call(
      'u-duoji',
      'saveSettings',
      { villageId: V, coveragePct: 10, reason: 'ཚོད་ལྟ།' },
      undefined,
      BO,
    )
    expect(bad).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' })
    expect(bad.ok ? '' : bad.message).toContain('ཁྱབ་ཚད་ 50% ནས་ 100% བར་དགོས།')
    const noName = await patrol.call('u-duoji', 'createRoute', { villageId: V, name: ' ' }, undefined, BO)
    expect(noName.ok ? '' : noName.message).toContain('མིང')
    const shortReason = await patrol.call(
      'u-duoji',
      'reviewCheckin',
      { checkinId: 'ci_x', decision: 'accept', reason: 'x' },
      undefined,
      BO,
    )
    expect(shortReason.ok ? '' : shortReason.message).toContain('རྒྱུ་མཚན')
    // the same in Chinese, the default
    const zh = await patrol.call('u-duoji', 'saveShift', {
      villageId: V,
      name: '夜巡',
      teamId: PATROL_SEED.teamId,
      routeId: PATROL_SEED.routeId,
      startMinute: 60,
      durationMinutes: 5,
    })
    expect(zh.ok ? '' : zh.message).toBe('填写的内容有误：班次要在 15 分钟到 12 小时之间')
  })
})

describe('views in Tibetan', () => {
  it('statuses, flags and why a patrol earned nothing, by the call and by the profile', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    env.clock.advance(10 * MIN)
    const r = await checkIn(p.id, 0, { accuracyM: 90 }, 'u-gesang', undefined, BO)
    expect(r).toMatchObject({
      ok: true,
      data: {
        checkin: { statusLabel: 'ཞིབ་དཔྱད་སྒུག་བཞིན།', flags: [{ code: 'poor_accuracy', label: 'གནས་ཡུལ་ཏག་ཏག་མེད།' }] },
      },
    })
    const queue = await patrol.ok('u-duoji', 'listReviews', { villageId: V }, undefined, BO)
    expect(queue.items[0]).toMatchObject({ statusLabel: 'ཞིབ་དཔྱད་སྒུག་བཞིན།' })
    expect(
      await patrol.ok(
        'u-duoji',
        'reviewCheckin',
        { checkinId: queue.items[0]!.id, decision: 'reject', reason: 'ས་ཚིགས་ལས་རིང་།' },
        undefined,
        BO,
      ),
    ).toMatchObject({ status: 'rejected', statusLabel: 'ཞིབ་དཔྱད་མི་ཆོག' })

    // the volunteer reads the app in Tibetan (kept on the profile): no language in the call
    await env.rt.db.transaction((tx) => tx.update(C.users, 'u-gesang', { lang: 'bo' }))
    await walkAll(p.id, [0, 1, 2])
    const done = await patrol.ok('u-gesang', 'finishPatrol', { patrolId: p.id })
    expect(done).toMatchObject({ statusLabel: 'ལེགས་གྲུབ་ཟིན།' })
    expect(done.credit).toMatchObject({
      statusLabel: 'སྐར་གྲངས་དང་ཞབས་ཞུའི་དུས་ཚོད་རྩིས་འཇུག་མ་བྱས།',
      reasons: [{ code: 'coverage_low', label: 'ཁྱབ་ཚད་ 80% ལ་མ་སླེབས།' }],
    })
    const mine = await patrol.ok('u-gesang', 'myShifts', {})
    expect(mine.items.find((i) => i.patrol?.id === p.id)?.patrol).toMatchObject({ statusLabel: 'ལེགས་གྲུབ་ཟིན།' })
    // a Chinese reader of the same patrol
    expect((await patrol.ok('u-duoji', 'getPatrol', { patrolId: p.id })).credit?.reasons[0]?.label).toBe('覆盖不足 80%')
  })

  it('a name that is gone shows a placeholder in the reader’s language', async () => {
    env.clock.set(TUE_PM + 5 * MIN)
    const p = await start()
    await checkIn(p.id, 0)
    await env.rt.db.transaction((tx) => tx.remove(C.users, 'u-gesang'))
    const view = await patrol.ok('u-duoji', 'getPatrol', { patrolId: p.id }, undefined, BO)
    expect(view.checkins[0]?.by).toBe('(ཐོ་ཁོངས་མེད།)')
  })
})
