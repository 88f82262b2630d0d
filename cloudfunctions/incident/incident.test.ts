import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HERE, incidentSteps, pushNow } from '../../tests/support/incident'
import { testEnv, rid, T0, type TestEnv } from '../../tests/support/harness'
import { incidentContract } from '@shared/incident/incident.contract'
import type { IncidentCounter } from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import { FUNCTIONS } from '../registry'
import { callsOf } from '../../tests/support/contract-calls'
import { GPS_MARK } from '../../tests/support/fixtures'
import { counterOf, loadEvents, loadIncident, timelineOf } from './incident.repo'
import { fileIdOfUrl } from '../../tests/support/files'

const G01 = '513328100001-G01'
const HOUR = 3_600_000
const DAY = 24 * HOUR

let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const { photo, report } = incidentSteps(() => env)

/** A case's timeline as its views show it (the report's entry made from the case, the rest stored). */
async function timeline(id: string) {
  return timelineOf(await loadIncident(env.rt.db, id), await loadEvents(env.rt.db, id))
}

/** A unit's figures of a month, as the figures pages read them (a unit below a county is kept in its county's month). */
async function counters(unitId: string, month = '2026-03'): Promise<Partial<IncidentCounter>> {
  return counterOf(env.rt, unitId, month)
}

describe('report', () => {
  it("files a report in the resident's own grid, with a timeline, counters and an inbox message", async () => {
    const v = await report()
    expect(v).toMatchObject({
      status: 'submitted',
      statusLabel: '待受理',
      level: 'grid',
      categoryLabel: '环境卫生',
      access: 'reporter',
      mine: true,
    })
    expect(v.code).toMatch(/^SJ20260302-/)
    expect(v.handlerUnit.id).toBe(G01)
    expect(v.timeline).toHaveLength(1)
    expect(v.photos[0]!.url).toMatch(/^\/api\/files\/f_/)
    expect((await counters(G01)).found).toBe(1)
    expect((await counters('513328100')).found).toBe(1)
    const inbox = await ok('u-zhuoma', 'myInbox', {})
    expect(inbox.unread).toBe(1)
    expect(inbox.items[0]!.title).toBe('上报成功')
  })

  it('stores the photo without EXIF', async () => {
    const v = await report()
    const stored = readFileSync(join(env.rt.files.dir, v.photos[0]!.fileId))
    expect(stored.includes(Buffer.from(GPS_MARK))).toBe(false)
  })

  it('severity decides the first handler: 重大 goes straight to the township dispatch centre', async () => {
    const v = await report('u-zhuoma', { severity: 'serious', category: 'hazard' })
    expect(v.level).toBe('township')
    expect(v.handlerUnit.id).toBe('513328100')
    expect(v.dueAt).toBe(T0 + 2 * HOUR)
  })

  it('a repeated request files one report', async () => {
    const requestId = rid('rep')
    const data = {
      category: 'sanitation',
      description: '路灯坏了好几天了',
      photos: [photo('u-zhuoma')],
      location: HERE,
    }
    const a = await ok('u-zhuoma', 'report', data, requestId)
    const b = await ok('u-zhuoma', 'report', data, requestId)
    expect(b.id).toBe(a.id)
    expect(await env.rt.db.count(C.incidents, { gridId: G01 })).toBe(1)
    expect((await counters(G01)).found).toBe(1)
  })

  it('refuses bad input with a clear Chinese message and changes nothing', async () => {
    const mine = photo('u-zhuoma')
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ photos: Array.from({ length: 10 }, () => mine) }, 'COMMON.BAD_INPUT', /最多 9 张照片/],
      [{ photos: [] }, 'COMMON.BAD_INPUT', /请至少拍 1 张照片/],
      [{ description: 42 }, 'COMMON.BAD_INPUT', /^填写的内容有误：[^a-z]*描述/],
      [{ description: '短' }, 'COMMON.BAD_INPUT', /至少 5 个字/],
      [{ location: { lat: 200, lng: 0 } }, 'COMMON.BAD_INPUT', /纬度不对/],
      [{ location: null }, 'COMMON.BAD_INPUT', /没有定位时，请写清地址（至少 4 个字）/],
      [{ location: null, address: '这里' }, 'COMMON.BAD_INPUT', /请写清地址/],
      [{ location: undefined, address: '   ' }, 'COMMON.BAD_INPUT', /请写清地址/],
      [{ category: 'aliens' }, 'INCIDENT.UNKNOWN_CATEGORY', /没有这个类别/],
      [{ photos: [photo('u-wangdeming')] }, 'FILE.NOT_YOURS', /自己上传/],
      [{ photos: ['f_' + '0'.repeat(32)] }, 'FILE.NOT_FOUND', /重新上传/],
      [{ photos: ['../../etc/passwd'] }, 'COMMON.BAD_INPUT', /照片编号不对/],
      [{ description: '这里有人卖六合彩，大家快来' }, 'COMMON.CONTENT_UNSAFE', /不能发布/],
      [{ gridId: '513328100001' }, 'COMMON.OUT_OF_SCOPE', /不在您负责的范围/],
    ]
    for (const [extra, code, message] of cases) {
      const res = await call('u-zhuoma', 'report', {
        category: 'sanitation',
        description: '垃圾没人清运',
        photos: [mine],
        location: HERE,
        ...extra,
      })
      expect(res).toMatchObject({ ok: false, code })
      if (!res.ok) expect(res.message).toMatch(message)
    }
    expect(await env.rt.db.count(C.incidents, { gridId: G01 })).toBe(0)
    expect(await env.rt.db.count(C.incident_counters, { unitId: G01 })).toBe(0)
  })

  it('without a position (the browser refused) a typed address is enough: handlers see it, nearby skips it', async () => {
    const v = await report('u-zhuoma', { location: null, address: '三号楼后面垃圾站旁边' })
    expect(v).toMatchObject({ status: 'submitted', location: null, address: '三号楼后面垃圾站旁边' })
    const stored = await env.rt.db.get(C.incidents, v.id)
    expect(stored).toMatchObject({ location: null, cell: null, address: '三号楼后面垃圾站旁边' })
    const handler = await ok('u-zhaxi', 'get', { incidentId: v.id })
    expect(handler).toMatchObject({ access: 'handler', location: null, address: '三号楼后面垃圾站旁边' })
    // a located report next to it still finds only located neighbours, and nothing breaks on the unlocated one
    const near = await ok('u-wangdeming', 'listNearbyOpen', { category: 'sanitation', location: HERE })
    expect(near.items.map((i) => i.id)).not.toContain(v.id)
    expect((await counters(G01)).found).toBe(1)
  })

  it('a person with no residence must choose a grid', async () => {
    const res = await call('u-zeren', 'report', {
      category: 'other',
      description: '河边护栏松了',
      photos: [photo('u-zeren')],
      location: HERE,
    })
    expect(res).toMatchObject({ ok: false, code: 'INCIDENT.NO_GRID' })
    expect(
      await call('u-zeren', 'report', {
        category: 'other',
        description: '河边护栏松了',
        photos: [photo('u-zeren')],
        location: HERE,
        gridId: '513328100001',
      }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.NOT_A_GRID' })
    const filed = await ok('u-zeren', 'report', {
      category: 'other',
      description: '河边护栏松了',
      photos: [photo('u-zeren')],
      location: HERE,
      gridId: G01,
    })
    expect(filed.level).toBe('grid')
  })

  it('a grid worker\'s report counts as the grid\'s daily report ("有事报信息")', async () => {
    await report('u-zhaxi', { gridId: G01 })
    const s = await ok('u-lixiuying', 'getSafeStatus', { unitId: '513328100001' })
    expect(s.grids.find((g) => g.grid.id === G01)).toMatchObject({ reported: true, kind: 'incident' })
  })
})

describe('the whole way: grid → village → township → department → closed → rated', () => {
  it('records every step, tells the reporter, and keeps closed apart from satisfied', async () => {
    const v = await report()
    const id = v.id
    expect((await ok('u-zhaxi', 'accept', { incidentId: id, note: '马上去看' })).status).toBe('accepted')
    expect(await ok('u-zhaxi', 'escalate', { incidentId: id, note: '垃圾站满了，需要村里协调' })).toMatchObject({
      status: 'escalated',
      level: 'village',
    })
    // the grid worker no longer holds it
    expect(await call('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    expect(await ok('u-lixiuying', 'escalate', { incidentId: id, note: '需要住建局清运车辆' })).toMatchObject({
      status: 'escalated',
      level: 'township',
    })
    const depts = await ok('u-zhoumin', 'listDepartments', { incidentId: id })
    expect(depts.items.map((d) => d.id)).toEqual(
      expect.arrayContaining(['513328-D-ZJ', '513328-D-GA', '513328-D-YJ', '513328-D-SF']),
    )
    // a Kongtong department is not this county's
    expect(
      await call('u-zhoumin', 'dispatch', {
        incidentId: id,
        departmentId: '620802-D-CG',
        deadlineDays: 3,
      }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.NOT_A_DEPARTMENT' })
    expect(
      await ok('u-zhoumin', 'dispatch', {
        incidentId: id,
        departmentId: '513328-D-ZJ',
        deadlineDays: 3,
      }),
    ).toMatchObject({ status: 'dispatched', level: 'department' })
    const atDept = await ok('u-liuyang', 'get', { incidentId: id })
    expect(atDept.access).toBe('handler')
    expect(atDept.actions).toEqual(['reportIn', 'feedback', 'returnTask', 'requestAssist'])
    expect(atDept.dispatchDeadline).toBe(T0 + 3 * DAY)
    env.clock.advance(DAY)
    expect(
      await ok('u-liuyang', 'feedback', {
        incidentId: id,
        note: '已派清运车清理完毕',
        photos: [photo('u-liuyang')],
      }),
    ).toMatchObject({ status: 'reported_back', level: 'township' })
    expect(await ok('u-zhoumin', 'close', { incidentId: id, note: '核实已清理，销号' })).toMatchObject({
      status: 'resolved',
    })

    // closed, not yet satisfied
    let s = await counters('513328100001')
    expect(s).toMatchObject({ found: 1, closed: 1, closedOnTime: 1 })
    expect(s.resolvedSatisfied ?? 0).toBe(0)
    expect(s.closeHoursSum).toBe(24)
    expect(await counters('513328-D-ZJ')).toMatchObject({ dispatched: 1, reportedBack: 1, reportedBackOnTime: 1 })

    expect(await ok('u-zhoumin', 'rateDepartment', { incidentId: id, score: 5, comment: '响应快' })).toMatchObject({
      status: 'resolved',
    })
    expect(await call('u-zhoumin', 'rateDepartment', { incidentId: id, score: 1 })).toMatchObject({
      ok: false,
      code: 'INCIDENT.ALREADY_RATED',
    })
    expect(await call('u-wangdeming', 'rate', { incidentId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
      code: 'INCIDENT.NOT_REPORTER',
    })
    expect(await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied', comment: '谢谢' })).toMatchObject({
      status: 'confirmed',
    })
    s = await counters('513328100001')
    expect(s).toMatchObject({ closed: 1, rated: 1, satisfied: 1, resolvedSatisfied: 1 })
    expect(await counters('513328-D-ZJ')).toMatchObject({ deptRatingCount: 1, deptRatingSum: 5 })

    const mine = await ok('u-zhuoma', 'get', { incidentId: id })
    expect(mine.timeline.map((t) => t.action)).toEqual([
      'report',
      'accept',
      'escalate',
      'escalate',
      'dispatch',
      'feedback',
      'close',
      'rate_dept',
      'rate_ok',
    ])
    expect(mine.timeline[5]!.photos).toHaveLength(1)
    expect(mine.timeline[1]!.byName).toBe('扎*')
    const inbox = await ok('u-zhuoma', 'myInbox', {})
    expect(inbox.items.map((m) => m.title)).toEqual(
      expect.arrayContaining([
        '上报成功',
        '事件已受理',
        '事件已上报上级',
        '事件已派单',
        '部门已反馈',
        '事件已办结，请评价',
      ]),
    )

    const figures = await ok('u-zhoumin', 'getFigures', { unitId: '513328100', period: '2026-Q1' })
    expect(figures.figures).toMatchObject({
      found: 1,
      closed: 1,
      resolvedSatisfied: 1,
      resolutionRate: 1,
      onTimeRate: 1,
      avgHoursToClose: 24,
      satisfactionRate: 1,
    })
    expect(figures.children[0]!.unit.id).toBe('513328100001')
  })

  it('a grid worker resolves in the grid; an unhappy reporter reopens it back to the grid', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已联系环卫清运' })
    expect(
      await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'unsatisfied', comment: '还有一半没清' }),
    ).toMatchObject({ status: 'reopened', level: 'grid' })
    expect((await ok('u-zhaxi', 'get', { incidentId: id })).actions).toEqual(
      expect.arrayContaining(['accept', 'resolve', 'escalate', 'reject']),
    )
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '全部清完' })
    await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'basic' })
    expect(await counters(G01)).toMatchObject({
      found: 1,
      closed: 1,
      reopened: 1,
      rated: 2,
      unsatisfied: 1,
      basic: 1,
      resolvedSatisfied: 1,
    })
  })

  it('a rejection needs a reason and tells the reporter', async () => {
    const { id } = await report()
    expect(await call('u-zhaxi', 'reject', { incidentId: id, note: '' })).toMatchObject({
      ok: false,
      code: 'COMMON.BAD_INPUT',
    })
    await ok('u-zhaxi', 'reject', { incidentId: id, note: '不属于本网格，已电话告知' })
    const v = await ok('u-zhuoma', 'get', { incidentId: id })
    expect(v).toMatchObject({ status: 'rejected', rejectReason: '不属于本网格，已电话告知', actions: [] })
    expect(await call('u-zhaxi', 'accept', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.INVALID_TRANSITION',
    })
    expect(await counters(G01)).toMatchObject({ found: 1, rejected: 1 })
  })

  it('disputes carry parties and mediation records; 调解成功 resolves it', async () => {
    const { id } = await report('u-zhuoma', {
      category: 'dispute',
      description: '邻居装修占用楼道，双方争吵',
      parties: [{ name: '王德明', note: '楼上住户' }, { name: '卓玛' }],
    })
    await ok('u-zhaxi', 'mediate', {
      incidentId: id,
      outcome: 'failed',
      note: '第一次调解，双方各执一词',
    })
    expect((await ok('u-zhaxi', 'get', { incidentId: id })).status).toBe('submitted')
    expect(
      await ok('u-zhaxi', 'mediate', {
        incidentId: id,
        outcome: 'success',
        note: '约定三天内清理楼道',
        agreement: '王德明三天内清理楼道杂物，双方不再争吵',
      }),
    ).toMatchObject({ status: 'resolved' })
    const v = await ok('u-zhaxi', 'get', { incidentId: id })
    expect(v.dispute).toMatchObject({ parties: [{ name: '王德明' }, { name: '卓玛' }], outcome: 'success' })
    expect(v.dispute!.mediations).toHaveLength(2)
    expect((await ok('u-wangdeming', 'get', { incidentId: id })).dispute).toBeNull()
    const other = await report()
    expect(
      await call('u-zhaxi', 'mediate', {
        incidentId: other.id,
        outcome: 'success',
        note: '不是纠纷',
        agreement: '不是纠纷',
      }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.NOT_DISPUTE' })
  })
})

describe('handlers are told of new work', () => {
  const titles = async (userId: string) => (await ok(userId, 'myInbox', { pageSize: 50 })).items.map((m) => m.title)

  it('each unit whose turn it is gets an inbox message and a push, the actor himself does not', async () => {
    const pushed: Array<{ userId: string; title: string }> = []
    env.rt.notifier = { push: async (m) => void pushed.push({ userId: m.userId, title: m.title }) }
    const { id } = await report()
    // nothing pushed while the report was made: its pushes wait in the inbox for the minute timer
    expect(pushed).toEqual([])
    await pushNow(env)
    expect(await titles('u-zhaxi')).toEqual(['新上报待受理'])
    expect(pushed).toEqual(expect.arrayContaining([{ userId: 'u-zhaxi', title: '新上报待受理' }]))
    const msg = (await ok('u-zhaxi', 'myInbox', {})).items[0]
    expect(msg).toMatchObject({ incidentId: id, read: false })
    expect(msg!.body).toMatch(
      /环境卫生（SJ20260302-.+）：三号楼后面垃圾堆了三天没人清运，请在 2026-03-03 \d\d:\d\d 前处理。/,
    )
    // nobody above the grid is paged for a grid's new report
    expect(await titles('u-lixiuying')).toEqual([])
    expect(await titles('u-zhoumin')).toEqual([])

    await ok('u-zhaxi', 'escalate', { incidentId: id, note: '需要村里协调' })
    await pushNow(env)
    expect(await titles('u-lixiuying')).toEqual(['有事件上报到本级'])
    await ok('u-lixiuying', 'escalate', { incidentId: id, note: '需要住建局' })
    await pushNow(env)
    expect(await titles('u-zhoumin')).toEqual(['有事件待派单'])
    // the village official escalated it herself: told once (when it reached her), not again
    expect(await titles('u-lixiuying')).toEqual(['有事件上报到本级'])
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: '513328-D-ZJ', deadlineDays: 3 })
    await pushNow(env)
    expect(await titles('u-liuyang')).toEqual(['新的派单'])
    expect((await ok('u-liuyang', 'myInbox', {})).items[0]!.body).toMatch(/请在 2026-03-05 \d\d:\d\d 前办结并反馈/)
    await ok('u-liuyang', 'feedback', { incidentId: id, note: '已清理' })
    await pushNow(env)
    expect((await titles('u-zhoumin')).sort()).toEqual(['部门已反馈，请销号', '有事件待派单'].sort())
    await ok('u-zhoumin', 'close', { incidentId: id, note: '销号' })
    await pushNow(env)
    // closing and rating are the reporter's business: no handler is paged
    expect(await titles('u-zhoumin')).toHaveLength(2)
    // (the pushes of one step go out together, in no set order)
    expect(pushed.filter((p) => p.userId !== 'u-zhuoma').map((p) => `${p.userId} ${p.title}`)).toEqual(
      expect.arrayContaining([
        'u-zhaxi 新上报待受理',
        'u-lixiuying 有事件上报到本级',
        'u-wangjianguo 有事件上报到本级',
        'u-zhoumin 有事件待派单',
        'u-liuyang 新的派单',
        'u-zhoumin 部门已反馈，请销号',
      ]),
    )
    expect(pushed.filter((p) => p.userId !== 'u-zhuoma')).toHaveLength(6)
  })

  it('a village with hundreds of patrol volunteers still pages its officials', async () => {
    // volunteers hold their role in the village too; the lookup is by the roles that can act, not every role there
    env.rt.db.bulkInsert(
      'role_assignments',
      Array.from({ length: 600 }, (_, i) => ({
        _id: `ra-many-${i}`,
        userId: `u-many-${i}`,
        role: 'patrol_volunteer',
        unitId: '513328100001',
        grantedBy: null,
        via: 'seed',
        createdAt: T0 - DAY + i,
        revokedAt: null,
      })),
    )
    const { id } = await report()
    await ok('u-zhaxi', 'escalate', { incidentId: id, note: '需要村里协调' })
    // the village's holders are found and told by the minute timer
    await pushNow(env)
    expect(await titles('u-lixiuying')).toEqual(['有事件上报到本级'])
  })

  it("a grid worker's own report does not page himself; a reopened case pages the grid again", async () => {
    await report('u-zhaxi', { gridId: G01 })
    await pushNow(env)
    expect(await titles('u-zhaxi')).toEqual(['上报成功'])
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    env.clock.advance(HOUR)
    await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'unsatisfied', comment: '没清干净' })
    await pushNow(env)
    const [latest, ...earlier] = await titles('u-zhaxi')
    expect(latest).toBe('群众不满意，请重新处理')
    expect(earlier.sort()).toEqual(['上报成功', '新上报待受理'].sort())
  })

  it("serious reports go straight to the dispatch centre's people; deadlines page the next level and the centre", async () => {
    const serious = await report('u-zhuoma', { severity: 'serious', category: 'hazard' })
    await pushNow(env)
    expect(await titles('u-zhoumin')).toEqual(['新上报待受理'])
    expect(await titles('u-zhaxi')).toEqual([])
    const { id } = await report()
    env.clock.advance(24 * HOUR + 1)
    await ok('u-zhoumin', 'sweepOverdue', {})
    await pushNow(env)
    // the grid's report went overdue: the village is paged; the serious one at the township is flagged: the centre is told
    expect(await titles('u-lixiuying')).toEqual(['有事件上报到本级'])
    expect((await ok('u-lixiuying', 'myInbox', {})).items[0]!.incidentId).toBe(id)
    const centre = (await ok('u-zhoumin', 'myInbox', { pageSize: 50 })).items
    expect(centre.map((m) => [m.title, m.incidentId])).toEqual(expect.arrayContaining([['事件已超期', serious.id]]))
    expect(centre.find((m) => m.title === '事件已超期')!.body).toMatch(/已超过处理时限，请督办。$/)
  })
})

describe('county categories', () => {
  const ADMIN = 'u-zhangwei'
  const labels = async (user = 'u-zhuoma') => (await ok(user, 'getConfig', {})).categories.map((c) => c.label)

  it('a county renames, reorders, adds and removes categories; residents report under the new list; old reports keep their name', async () => {
    const old = await report()
    const before = await ok(ADMIN, 'listCategories', { countyId: '513328' })
    expect(before).toMatchObject({ isDefault: true, county: { id: '513328', level: 'county' }, updatedAt: null })
    expect(before.categories.map((c) => c.key)).toEqual([
      'dispute',
      'hazard',
      'public_order',
      'sanitation',
      'facility',
      'service',
      'other',
    ])

    const saved = await ok(
      ADMIN,
      'saveCategories',
      {
        countyId: '513328',
        categories: [
          { key: 'hazard', label: '安全隐患' },
          { key: null, label: '草场纠纷' },
          { key: 'dispute', label: '邻里纠纷' },
          { key: 'other', label: '其他' },
        ],
      },
      rid('cat'),
    )
    expect(saved).toMatchObject({ isDefault: false, updatedByName: '张伟', updatedAt: T0 })
    expect(saved.categories.map((c) => c.label)).toEqual(['安全隐患', '草场纠纷', '邻里纠纷', '其他'])
    const grass = saved.categories[1]!.key
    expect(grass).toMatch(/^c_[a-z]+$/)
    expect(await labels()).toEqual(['安全隐患', '草场纠纷', '邻里纠纷', '其他'])
    // another county is untouched
    expect(
      (await ok('u-zhuoma', 'getConfig', { gridId: '620802001003-G01' })).categories.map((c) => c.label),
    ).toContain('环境卫生')

    const v = await report('u-zhuoma', { category: grass, description: '两家牧民为草场边界争执不下' })
    expect(v.categoryLabel).toBe('草场纠纷')
    // removed: new reports refused, the one already filed keeps its name
    expect(
      await call('u-zhuoma', 'report', {
        category: 'sanitation',
        description: '垃圾没人清运',
        photos: [photo('u-zhuoma')],
        location: HERE,
      }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.UNKNOWN_CATEGORY' })
    expect((await ok('u-zhuoma', 'get', { incidentId: old.id })).categoryLabel).toBe('环境卫生')
  })

  it('refuses lists that would leave people stuck, and changes nothing', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [[{ key: 'hazard', label: '安全隐患' }], 'COMMON.BAD_INPUT', /"其他"类别要保留/],
      [
        [
          { key: null, label: '其他' },
          { key: 'other', label: '其他' },
        ],
        'COMMON.BAD_INPUT',
        /类别名称不能重复/,
      ],
      [
        [
          { key: 'other', label: '其他' },
          { key: 'other', label: '别的' },
        ],
        'COMMON.BAD_INPUT',
        /出现了两次/,
      ],
      [[], 'COMMON.BAD_INPUT', /至少要有一个类别/],
      [
        Array.from({ length: 16 }, (_, i) => ({ key: i ? null : 'other', label: `类别${i}` })),
        'COMMON.BAD_INPUT',
        /最多 15 个类别/,
      ],
      [
        [
          { key: 'other', label: '其他' },
          { key: null, label: '这是一个非常非常长的类别名称' },
        ],
        'COMMON.BAD_INPUT',
        /最多 12 个字/,
      ],
      [
        [
          { key: 'other', label: '其他' },
          { key: 'made_up', label: '编的' },
        ],
        'INCIDENT.UNKNOWN_CATEGORY_KEY',
        /刷新/,
      ],
    ]
    for (const [categories, code, message] of cases) {
      const res = await call(ADMIN, 'saveCategories', { countyId: '513328', categories })
      expect(res).toMatchObject({ ok: false, code })
      if (!res.ok) expect(res.message).toMatch(message)
    }
    expect(
      await call(ADMIN, 'saveCategories', {
        countyId: '513328100',
        categories: [{ key: 'other', label: '其他' }],
      }),
    ).toMatchObject({ ok: false, code: 'INCIDENT.NOT_A_COUNTY' })
    expect(await env.rt.db.get(C.incident_configs, '513328')).toBeNull()
    expect((await labels()).length).toBe(7)
  })

  it('a repeated save is one change; a later save keeps the keys it was given', async () => {
    const requestId = rid('cat')
    const data = {
      countyId: '513328',
      categories: [
        { key: null, label: '虫草采挖' },
        { key: 'other', label: '其他' },
      ],
    }
    const a = await ok(ADMIN, 'saveCategories', data, requestId)
    const b = await ok(ADMIN, 'saveCategories', data, requestId)
    expect(b.categories).toEqual(a.categories)
    expect((await env.rt.db.get(C.incident_configs, '513328'))!.version).toBe(1)
    const key = a.categories[0]!.key
    const c = await ok(
      ADMIN,
      'saveCategories',
      {
        countyId: '513328',
        categories: [
          { key: 'other', label: '其他事项' },
          { key, label: '虫草季' },
        ],
      },
      rid('cat'),
    )
    expect(c.categories).toEqual([
      { key: 'other', label: '其他事项' },
      { key, label: '虫草季' },
    ])
    expect((await env.rt.db.get(C.incident_configs, '513328'))!.version).toBe(2)
    // and a default category once removed can be put back by its key
    const d = await ok(
      ADMIN,
      'saveCategories',
      {
        countyId: '513328',
        categories: [
          { key: 'sanitation', label: '环境卫生' },
          { key: 'other', label: '其他' },
        ],
      },
      rid('cat'),
    )
    expect(d.categories[0]!.key).toBe('sanitation')
  })
})

describe('deadlines', () => {
  it('an overdue case escalates one level at a time, once, and is flagged', async () => {
    const { id } = await report()
    // not yet due: nothing happens
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 0,
      flagged: 0,
      confirmed: 0,
    })
    env.clock.advance(24 * HOUR + 1)
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 1,
      flagged: 0,
      confirmed: 0,
    })
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 0,
      flagged: 0,
      confirmed: 0,
    })
    let v = await ok('u-lixiuying', 'get', { incidentId: id })
    expect(v).toMatchObject({ status: 'escalated', level: 'village', overdue: true })
    expect(v.timeline.at(-1)).toMatchObject({ action: 'auto_escalate', byName: '系统' })
    // the 15-minute timer does the same everywhere; the queue itself only reads
    env.clock.advance(24 * HOUR + 1)
    expect((await ok('u-lixiuying', 'listQueue', { view: 'all', unitId: '513328100001' })).items[0]).toMatchObject({
      id,
      level: 'village',
    })
    expect(
      ((await FUNCTIONS.incident!.timers.sweepOverdue!.run(env.rt, env.clock.now())) as { escalated: number })
        .escalated,
    ).toBeGreaterThanOrEqual(1)
    const q = await ok('u-lixiuying', 'listQueue', { view: 'all', unitId: '513328100001' })
    expect(q.items[0]).toMatchObject({ id, level: 'township' })
    // at the township: flagged only, once
    env.clock.advance(3 * HOUR)
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 0,
      flagged: 0,
      confirmed: 0,
    })
    env.clock.advance(22 * HOUR)
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 0,
      flagged: 1,
      confirmed: 0,
    })
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({
      escalated: 0,
      flagged: 0,
      confirmed: 0,
    })
    v = await ok('u-zhoumin', 'get', { incidentId: id })
    expect(v).toMatchObject({ level: 'township', overdue: true })
    expect((await counters(G01)).overdue).toBe(1)
  })

  it("a dispatcher's sweep handles the cases in their own scope only", async () => {
    const here = await report()
    const there = await report('u-yanglixin', { location: { lat: 35.54, lng: 106.67, datum: 'gcj02' } })
    env.clock.advance(24 * HOUR + 1)
    const level = async (id: string) => (await env.rt.db.get(C.incidents, id))!.level
    await ok('u-zhoumin', 'sweepOverdue', {})
    expect([await level(here.id), await level(there.id)]).toEqual(['village', 'grid'])
    await ok('u-sunli', 'sweepOverdue', {})
    expect([await level(here.id), await level(there.id)]).toEqual(['village', 'village'])
  })

  it('a department past its deadline is flagged', async () => {
    const { id } = await report('u-zhuoma', { severity: 'serious', category: 'hazard' })
    await ok('u-zhoumin', 'dispatch', { incidentId: id, departmentId: '513328-D-YJ', deadlineDays: 1 })
    env.clock.advance(DAY + 1)
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({ flagged: 1 })
    expect((await ok('u-zhoumin', 'get', { incidentId: id })).overdue).toBe(true)
    await ok('u-zhoumin', 'sweepOverdue', {})
    // report, dispatch, the overdue flag, once each: a warning due before a deadline already past is dropped
    expect((await timeline(id)).map((e) => e.action)).toEqual(['report', 'dispatch', 'overdue'])
  })

  it('no answer from the reporter within 7 days: closed unrated, not satisfied', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    env.clock.advance(7 * DAY + 1)
    expect(await ok('u-zhoumin', 'sweepOverdue', {})).toMatchObject({ confirmed: 1 })
    const v = await ok('u-zhuoma', 'get', { incidentId: id })
    expect(v).toMatchObject({ status: 'confirmed', rating: null })
    expect(await counters(G01)).toMatchObject({ closed: 1, closedUnrated: 1 })
    expect((await counters(G01)).resolvedSatisfied ?? 0).toBe(0)
    expect(await call('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
      code: 'INCIDENT.INVALID_TRANSITION',
    })
  })
})

describe('a transition takes the case as load read it (issue #21)', () => {
  it('runs again from load when the case changed before its transaction: the neighbour who joined meanwhile is told', async () => {
    const { id } = await report()
    // the note is checked between load and the transaction: a neighbour joins the case right then
    const check = env.rt.contentSafety.check.bind(env.rt.contentSafety)
    let joinedMeanwhile: unknown = null
    env.rt.contentSafety.check = async (text, openid) => {
      if (text === '已清运' && !joinedMeanwhile)
        joinedMeanwhile = await call('u-wangdeming', 'joinIncident', { incidentId: id, note: '我家门口也是' })
      return check(text, openid)
    }
    const resolved = await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    expect(joinedMeanwhile).toMatchObject({ ok: true })
    expect(resolved.status).toBe('resolved')
    // both landed, one after the other: the join's entry, then the resolve's, each once
    expect((await timeline(id)).map((e) => e.action)).toEqual(['report', 'join', 'resolve'])
    expect((await env.rt.db.get(C.incidents, id))?.seq).toBe(3)
    const inbox = await ok('u-wangdeming', 'myInbox', {})
    expect(inbox.items.map((m) => m.title)).toContain('事件已办结，请评价')
  })
})

describe('nearby and "我也遇到"', () => {
  it('offers open reports of the same category within 100 m and lets a neighbour join once', async () => {
    const { id } = await report()
    const near = { lat: HERE.lat + 0.0004, lng: HERE.lng } // ~45 m north
    const far = { lat: HERE.lat + 0.003, lng: HERE.lng } // ~330 m
    const found = await ok('u-wangdeming', 'listNearbyOpen', { category: 'sanitation', location: near })
    expect(found.items.map((i) => i.id)).toEqual([id])
    expect(['same_cell', 'next_cell']).toContain(found.items[0]!.step)
    expect((await ok('u-wangdeming', 'listNearbyOpen', { category: 'sanitation', location: far })).items).toEqual([])
    expect((await ok('u-wangdeming', 'listNearbyOpen', { category: 'hazard', location: near })).items).toEqual([])
    const joined = await ok('u-wangdeming', 'joinIncident', {
      incidentId: id,
      note: '我家门口也是',
    })
    expect(joined.joinCount).toBe(1)
    expect(joined.actions).not.toContain('join')
    expect(await call('u-wangdeming', 'joinIncident', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.ALREADY_JOINED',
    })
    expect(await call('u-zhuoma', 'joinIncident', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'INCIDENT.OWN_INCIDENT',
    })
    // the follower hears the outcome too
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    const inbox = await ok('u-wangdeming', 'myInbox', {})
    expect(inbox.items.map((m) => m.title)).toContain('事件已办结，请评价')
    // a week later it is no longer offered
    env.clock.advance(8 * DAY)
    const { id: id2 } = await report()
    env.clock.advance(8 * DAY)
    expect(
      (await ok('u-wangdeming', 'listNearbyOpen', { category: 'sanitation', location: near })).items.map((i) => i.id),
    ).not.toContain(id2)
  })
})

describe('privacy', () => {
  it('handlers see the location, an anonymous reporter unnamed and the phone masked; neighbours see a masked public summary', async () => {
    const { id } = await report('u-zhuoma', { anonymous: true })
    const handler = await ok('u-zhaxi', 'get', { incidentId: id })
    expect(handler).toMatchObject({
      access: 'handler',
      reporterName: '匿名群众',
      reporterPhone: '139****1201',
      contactable: false,
      location: { lat: HERE.lat },
    })
    const own = await ok('u-zhuoma', 'get', { incidentId: id })
    expect(own).toMatchObject({ access: 'reporter', reporterName: '卓玛', reporterPhone: '139****1201' })
    for (const other of ['u-wangdeming', 'u-ciren', 'u-mahongmei', 'u-liuyang']) {
      const pub = await ok(other, 'get', { incidentId: id })
      expect(pub).toMatchObject({
        access: 'public',
        reporterName: '匿名群众',
        reporterPhone: null,
        location: null,
        address: null,
        photos: [],
      })
      expect(pub.timeline[0]!.byName).toBe('匿名群众')
    }
    const named = await report('u-zhuoma')
    expect((await ok('u-wangdeming', 'get', { incidentId: named.id })).reporterName).toBe('卓*')
  })

  it('forged or unknown incident ids fail clearly and change nothing', async () => {
    const { id } = await report()
    for (const action of ['accept', 'resolve', 'escalate', 'reject', 'close', 'feedback'] as const) {
      expect(await call('u-zhaxi', action, { incidentId: 'inc_forged', note: '试试看' })).toMatchObject({
        ok: false,
        code: 'INCIDENT.NOT_FOUND',
        message: '没有找到这件事',
      })
    }
    expect(await call('u-ciren', 'accept', { incidentId: id })).toMatchObject({
      ok: false,
      code: 'COMMON.OUT_OF_SCOPE',
    })
    expect(await call('u-wangdeming', 'rate', { incidentId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
    })
    // the report alone: its own entry, made from the case, and nothing stored
    expect((await timeline(id)).map((e) => e.action)).toEqual(['report'])
    expect(await env.rt.db.count(C.incident_events, { incidentId: id })).toBe(0)
  })

  it('the ledger masks reporters and carries the agreed columns; CSV and XLSX', async () => {
    const { id } = await report()
    await ok('u-zhaxi', 'resolve', { incidentId: id, note: '已清运' })
    await ok('u-zhuoma', 'rate', { incidentId: id, rating: 'satisfied' })
    env.clock.advance(HOUR)
    await report('u-zhuoma', { description: '=HYPERLINK("http://x")楼道灯坏了' })
    const csv = await ok('u-lixiuying', 'exportLedger', {
      unitId: '513328100001',
      month: '2026-03',
      format: 'csv',
    })
    expect(csv.rows).toBe(2)
    const text = readFileSync(join(env.rt.files.dir, fileIdOfUrl(csv.url))).toString('utf8')
    expect(
      text.startsWith('\uFEFF编号,上报时间,上报人,网格,类别,描述,处置单位,处置结果,办结时间,满意度,处置层级'),
    ).toBe(true)
    expect(text).toContain('卓*')
    expect(text).not.toContain('卓玛')
    expect(text).toContain('满意')
    expect(text).toContain("'=HYPERLINK")
    const xlsx = await ok('u-zhoumin', 'exportLedger', {
      unitId: '513328100',
      month: '2026-03',
      format: 'xlsx',
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(join(env.rt.files.dir, fileIdOfUrl(xlsx.url))) as never)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '编号',
      '上报时间',
      '上报人',
      '网格',
      '类别',
      '描述',
      '处置单位',
      '处置结果',
      '办结时间',
      '满意度',
      '处置层级',
    ])
    expect(ws.rowCount).toBe(3)
    expect(String(ws.getRow(2).getCell(10).value)).toBe('满意')
  })
})

describe('daily safe reports', () => {
  it('one per grid per Beijing day; officials see who has not reported', async () => {
    const a = await ok('u-zhaxi', 'safeReport', { gridId: G01 })
    expect(a).toMatchObject({ day: '2026-03-02', kind: 'safe', already: false })
    const b = await ok('u-zhaxi', 'safeReport', { gridId: G01 })
    expect(b.already).toBe(true)
    expect(await env.rt.db.count(C.safe_reports, { gridId: G01 })).toBe(1)
    const s = await ok('u-lixiuying', 'getSafeStatus', { unitId: '513328100001' })
    expect(s).toMatchObject({ reportedCount: 1, missingCount: 2 })
    expect(s.grids.filter((g) => !g.reported).map((g) => g.grid.id)).toEqual(['513328100001-G02', '513328100001-G03'])
    // the next Beijing day starts afresh at 16:00 UTC
    env.clock.set(Date.UTC(2026, 2, 2, 16, 0, 1))
    expect((await ok('u-zhaxi', 'safeReport', { gridId: G01 })).already).toBe(false)
    const fig = await ok('u-lixiuying', 'getFigures', { unitId: '513328100001', period: '2026-03' })
    expect(fig.figures.safeReportRate).toBeCloseTo(2 / 9, 3)
  })
})

describe('inbox', () => {
  it('marks only my own messages read', async () => {
    await report()
    const mine = await ok('u-zhuoma', 'myInbox', {})
    await ok('u-wangdeming', 'markInboxRead', { ids: [mine.items[0]!.id] })
    expect((await ok('u-zhuoma', 'myInbox', {})).unread).toBe(1)
    await ok('u-zhuoma', 'markInboxRead', { all: true })
    expect((await ok('u-zhuoma', 'myInbox', {})).unread).toBe(0)
  })
})
