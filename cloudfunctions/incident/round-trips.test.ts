import { incidentContract } from '@shared/incident/incident.contract'
import { bjMonth } from '@shared/time/beijing'
import { portOver } from '../../tests/support/ports'
import { C } from '../_core/collections'
import { fanOut, sendPushes } from './incident.pushes'
import { LOCAL_MEDIA_PENDING, mediaCheckId } from '../_core/media-check'
import { T0, testEnv, type TestEnv } from '../../tests/support/harness'
import { pngWithPixels } from '../../tests/support/fixtures'
import { callsOf } from '../../tests/support/contract-calls'
import { ADDITIVE, HERE, incidentSteps, pushNow } from '../../tests/support/incident'
import { COUNTY_CONFIG_TTL_MS } from './incident.county-config'
import { counterId } from './incident.repo'
import type { Runtime } from '../_core/runtime'
import { FUNCTIONS } from '../registry'

/**
 * Issue #21's fewer round trips for the incident's writes, each as exact as before: the prefecture's figures are
 * its counties' counters summed (it keeps none of its own), a county's categories and settings are kept by a warm
 * instance for a minute only, and a photo's new media check is written in the action's transaction (or on its own
 * when that transaction is refused).
 */
let env: TestEnv
const { ok, call } = callsOf(() => env, incidentContract)
const { photo, report } = incidentSteps(() => env)
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const HOUR = 3_600_000

describe('a prefecture keeps no counters: its figures are its counties’', () => {
  it('after reports, an accept and a rejection, the prefecture’s figures equal the sum of its counties’', async () => {
    const month = bjMonth(T0)
    const before = await ok('u-zhangwei', 'getFigures', { unitId: '513300', period: month })
    const prefectureDocs = await env.rt.db.count(C.incident_counters, { unitId: '513300' })
    const a = await report()
    await report('u-zhuoma', { description: '路灯坏了两个晚上了' })
    const c = await report('u-zhuoma', { description: '下水道堵了' })
    await ok('u-zhaxi', 'accept', { incidentId: a.id, note: '已受理' })
    await ok('u-zhaxi', 'reject', { incidentId: c.id, note: '重复上报' })

    const after = await ok('u-zhangwei', 'getFigures', { unitId: '513300', period: month })
    expect(after.figures.found).toBe(before.figures.found + 3)
    expect(after.figures.rejected).toBe(before.figures.rejected + 1)
    for (const field of ADDITIVE)
      expect({ field, n: after.figures[field] }).toEqual({
        field,
        n: after.children.reduce((s, r) => s + r.figures[field], 0),
      })
    // the county's own counter has them, the prefecture's was not written
    expect((await env.rt.db.get(C.incident_counters, counterId('513328', month)))?.found).toBeGreaterThanOrEqual(3)
    expect(await env.rt.db.count(C.incident_counters, { unitId: '513300' })).toBe(prefectureDocs)

    // the prefecture's queue total ("all") counts every case in it, from the counties' counters
    const all = await ok('u-zhangwei', 'listQueue', { view: 'all', unitId: '513300' })
    expect(all.total).toBe(await env.rt.db.count(C.incidents, { prefectureId: '513300' }))
  })
})

describe('a county’s categories and settings, kept a minute by a warm instance', () => {
  it('a change saved elsewhere is followed once the kept copy is a minute old; a change saved here at once', async () => {
    const first = await report()
    expect(first.dueAt).toBe(T0 + 24 * HOUR) // the rules in code
    // another instance saves the county's settings (written directly: this instance's copy is not told)
    await env.rt.db.transaction((tx) =>
      tx.set(C.incident_settings, {
        _id: '513328',
        deadlines: [{ category: 'sanitation', severity: 'normal', acceptHours: 12, resolveDays: 3 }],
        appraisalWeight: 0.3,
        rewards: [],
        version: 1,
        updatedAt: T0,
        updatedBy: 'u-luobu',
        updatedByName: '罗布',
      }),
    )
    env.clock.advance(COUNTY_CONFIG_TTL_MS - 1)
    const kept = await report()
    expect(kept.dueAt).toBe(env.clock.now() + 24 * HOUR) // still the copy kept
    env.clock.advance(1)
    const fresh = await report()
    expect(fresh.dueAt).toBe(env.clock.now() + 12 * HOUR)

    // saved through this instance: its next report follows at once
    await ok('u-luobu', 'saveSettings', {
      countyId: '513328',
      deadlines: [{ category: 'sanitation', severity: 'normal', acceptHours: 6, resolveDays: 3 }],
      appraisalWeight: 0.3,
      rewards: [],
    })
    expect((await report()).dueAt).toBe(env.clock.now() + 6 * HOUR)

    // a category removed here is refused at once
    await ok('u-luobu', 'saveCategories', {
      countyId: '513328',
      categories: [
        { key: 'hazard', label: '安全隐患' },
        { key: 'other', label: '其他' },
      ],
    })
    const refused = await call('u-zhuoma', 'report', {
      category: 'sanitation',
      description: '三号楼后面垃圾堆了三天没人清运',
      photos: [photo('u-zhuoma')],
      location: HERE,
    })
    expect(refused).toMatchObject({ ok: false, code: 'INCIDENT.UNKNOWN_CATEGORY' })
  })
})

describe('a photo’s new media check goes in the action’s transaction', () => {
  it('is written with the report, and kept on its own when the report is refused after the photo was adopted', async () => {
    const p = photo('u-zhuoma')
    await report('u-zhuoma', { photos: [p] })
    expect((await env.rt.db.get(C.media_checks, mediaCheckId(p)))?.state).toBe('passed')

    // refused after the adoption (an unknown category is refused in the transaction): the check is kept
    const q = env.rt.files.savePhoto(pngWithPixels(LOCAL_MEDIA_PENDING), 'u-zhuoma')
    const refused = await call('u-zhuoma', 'report', {
      category: 'no_such_category',
      description: '三号楼后面垃圾堆了三天没人清运',
      photos: [q.fileId],
      location: HERE,
    })
    expect(refused).toMatchObject({ ok: false, code: 'INCIDENT.UNKNOWN_CATEGORY' })
    expect((await env.rt.db.get(C.media_checks, mediaCheckId(q.fileId)))?.state).toBe('pending')
    // the same photo in a report that lands: its first check stands, nothing is checked twice
    const later = await report('u-zhuoma', { photos: [q.fileId] })
    expect(later.photos).toHaveLength(1)
    expect(await env.rt.db.count(C.media_checks, { fileId: q.fileId })).toBe(1)
  })
})

describe('a push to the holders takes their WeChat id and language from their assignment', () => {
  const recording = () => {
    const sent: Array<{ userId: string; openid: string | null; title: string }> = []
    env.rt.notifier = { push: async (m) => void sent.push({ userId: m.userId, openid: m.openid, title: m.title }) }
    return sent
  }
  /** the people whose profiles are read (the pushes' `_id in` queries of users) */
  const profilesRead = () => {
    const find = jest.spyOn(env.rt.db, 'find')
    return () =>
      find.mock.calls
        .filter(([c]) => c === C.users)
        .flatMap(([, o]) => ((o?.where?._id as { $in?: string[] } | undefined)?.$in ?? []) as string[])
  }

  it('the grid worker who chose Tibetan is told in Tibetan, their profile not read; an assignment from before reads it', async () => {
    await env.rt.db.transaction((tx) => tx.update(C.users, 'u-zhaxi', { openid: 'o-zhaxi' }))
    await env.ok('account', 'u-zhaxi', 'setLang', { lang: 'bo' })
    const sent = recording()
    await report('u-zhuoma')
    let read = profilesRead()
    await pushNow(env)
    const toWorker = sent.filter((m) => m.userId === 'u-zhaxi')
    expect(toWorker).toHaveLength(1)
    expect(toWorker[0]!.openid).toBe('o-zhaxi')
    expect(toWorker[0]!.title).toMatch(/[\u0F00-\u0FFF]/) // Tibetan script
    // the reporter's profile is read (their message carries none), the grid worker's is not
    expect(read()).toEqual(['u-zhuoma'])
    jest.restoreAllMocks()

    // the grid worker's assignment as written before it kept the copy: their profile is read, and the push is the same
    const [a] = await env.rt.db.find(C.role_assignments, {
      where: { userId: 'u-zhaxi', role: 'grid_worker', revokedAt: null },
    })
    const { holder: _h, ...bare } = a!
    env.rt.db.bulkInsert(C.role_assignments, [bare])
    sent.length = 0
    await report('u-zhuoma')
    read = profilesRead()
    await pushNow(env)
    expect(sent.filter((m) => m.userId === 'u-zhaxi').map((m) => [m.openid, m.title])).toEqual(
      toWorker.map((m) => [m.openid, m.title]),
    )
    expect(read().sort()).toEqual(['u-zhaxi', 'u-zhuoma'])
  })
})

describe('the pushes wait in the inbox for the minute timer', () => {
  it('an action pushes nothing itself; the timer sends each waiting message once, however many runs at once', async () => {
    const sent: string[] = []
    env.rt.notifier = { push: async (m) => void sent.push(`${m.userId} ${m.title}`) }
    const inc = await report('u-zhuoma')
    await ok('u-zhaxi', 'accept', { incidentId: inc.id, note: '已受理' })
    expect(sent).toEqual([])
    const waiting = await env.rt.db.find(C.incident_inbox, { where: { pushState: 'pending' } })
    expect(waiting.map((m) => m.userId).sort()).toEqual(['u-zhuoma', 'u-zhuoma'])
    // the grid's holders are not looked up by the report: one notice for the grid waits for the timer, which no
    // one reads and nothing pushes
    const notices = await env.rt.db.find(C.incident_inbox, { where: { fanout: 'pending' } })
    expect(notices.map((m) => [m.userId, m.pushState ?? null])).toEqual([['unit:513328100001-G01', null]])
    expect((await ok('u-zhaxi', 'myInbox', {})).items).toEqual([])
    const runs = await Promise.all([pushNow(env), pushNow(env), pushNow(env)])
    // the notice given to the grid worker once, and every message pushed once, however the three runs met
    expect(runs.reduce((n, r) => n + r.told, 0)).toBe(1)
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3)
    expect(sent.sort()).toEqual(['u-zhaxi 新上报待受理', 'u-zhuoma 上报成功', 'u-zhuoma 事件已受理'].sort())
    expect(await env.rt.db.count(C.incident_inbox, { pushState: 'pending' })).toBe(0)
    expect(await env.rt.db.count(C.incident_inbox, { fanout: 'pending' })).toBe(0)
    expect((await ok('u-zhaxi', 'myInbox', {})).items.map((m) => m.title)).toEqual(['新上报待受理'])
    // a run with nothing waiting sends nothing
    expect(await pushNow(env)).toEqual({ told: 0, sent: 0 })
    expect(sent).toHaveLength(3)
  })
})

describe('a backlog of pushes', () => {
  it('goes out over the next runs, at most 500 a run, oldest first, each message once', async () => {
    const sent: string[] = []
    env.rt.notifier = { push: async (m) => void sent.push(m.title) }
    const at = env.clock.now()
    env.rt.db.bulkInsert(
      C.incident_inbox,
      Array.from({ length: 620 }, (_, i) => ({
        _id: `im_backlog_${String(i).padStart(4, '0')}`,
        userId: 'u-zhuoma',
        incidentId: null,
        title: `第 ${i} 条`,
        body: '积压的消息',
        at: at + i,
        readAt: null,
        pushState: 'pending',
      })),
    )
    expect(await pushNow(env)).toEqual({ told: 0, sent: 500 })
    expect(sent.slice(0, 3)).toEqual(['第 0 条', '第 1 条', '第 2 条'])
    expect(await pushNow(env)).toEqual({ told: 0, sent: 120 })
    expect(await pushNow(env)).toEqual({ told: 0, sent: 0 })
    expect(new Set(sent).size).toBe(620)
    expect(sent).toHaveLength(620)
  })

  it('a run that finds messages another run then takes sends only those it claimed', async () => {
    const sent: string[] = []
    env.rt.notifier = { push: async (m) => void sent.push(m.title) }
    const at = env.clock.now()
    const ids = ['im_race_1', 'im_race_2', 'im_race_3']
    env.rt.db.bulkInsert(
      C.incident_inbox,
      ids.map((_id, i) => ({
        _id,
        userId: 'u-zhuoma',
        incidentId: null,
        title: `第 ${i} 条`,
        body: '',
        at,
        readAt: null,
        pushState: 'pending',
      })),
    )
    const db = env.rt.db
    const racing = portOver(db, {
      // once this run has found the three waiting, another claims the second
      find: async (c, o) => {
        const found = await db.find(c, o)
        if (o?.where?.pushState === 'pending' && found.length)
          await db.updateWhere(C.incident_inbox, { _id: 'im_race_2' }, { pushState: 'pc_other' })
        return found
      },
    })
    expect(await sendPushes({ ...env.rt, db: racing }, at)).toEqual({ told: 0, sent: 2 })
    expect(sent.sort()).toEqual(['第 0 条', '第 2 条'])
    expect((await db.get(C.incident_inbox, 'im_race_2'))?.pushState).toBe('pc_other')
  })
})

describe("a step's holders are told by the minute timer", () => {
  it('a run that stops after writing their messages, before marking its notices, tells no one twice', async () => {
    const sent: string[] = []
    env.rt.notifier = { push: async (m) => void sent.push(`${m.userId} ${m.title}`) }
    const inc = await report('u-zhuoma')
    await ok('u-zhaxi', 'escalate', { incidentId: inc.id, note: '需要村里协调' })
    const db = env.rt.db
    const stopping = portOver(db, {
      updateWhere: async () => {
        throw new Error('the run stopped')
      },
    })
    await expect(fanOut({ ...env.rt, db: stopping })).rejects.toThrow('the run stopped')
    // the grid's and the village's notices: their messages written, the notices still waiting
    expect(await env.rt.db.count(C.incident_inbox, { fanout: 'pending' })).toBe(2)
    expect(await pushNow(env)).toMatchObject({ told: 0 })
    expect(await env.rt.db.count(C.incident_inbox, { fanout: 'pending' })).toBe(0)
    const zhaxi = sent.filter((m) => m.startsWith('u-zhaxi '))
    expect(zhaxi).toEqual(['u-zhaxi 新上报待受理'])
    expect(sent.filter((m) => m === 'u-lixiuying 有事件上报到本级')).toHaveLength(1)
    expect((await ok('u-lixiuying', 'myInbox', {})).items.map((m) => m.title)).toEqual(['有事件上报到本级'])
  })
})

describe('the case a handling step or the detail view names is read beside the caller', () => {
  /**
   * The store as the call sees it, with the caller's read answering only once the case has been asked for: an
   * action that read the case only after the caller would wait for ever (and the test time out).
   */
  function caseFirst() {
    let asked = () => undefined as void
    const caseAsked = new Promise<void>((r) => (asked = r))
    const db = env.rt.db
    const gated = portOver(db, {
      get: async (c, id) => {
        if (c === C.incidents) asked()
        if (c === C.users) await caseAsked
        return db.get(c, id)
      },
    })
    return { ...env.rt, db: gated }
  }
  const handle = (rt: Runtime, action: string, data: unknown, write: boolean) =>
    FUNCTIONS.incident!.handle(
      { action, data, ...(write ? { requestId: `rt-${action}` } : {}) },
      { kind: 'user', userId: 'u-zhaxi' },
      rt,
    )

  it('incident.get and accept: both answer, from the case as read then', async () => {
    const inc = await report('u-zhuoma')
    const seen = await handle(caseFirst(), 'get', { incidentId: inc.id }, false)
    expect(seen).toMatchObject({ ok: true, data: { id: inc.id, status: 'submitted' } })
    const accepted = await handle(caseFirst(), 'accept', { incidentId: inc.id, note: '已受理' }, true)
    expect(accepted).toMatchObject({ ok: true, data: { id: inc.id, status: 'accepted' } })
    expect((await env.rt.db.get(C.incidents, inc.id))?.status).toBe('accepted')
  })
})
