import { z } from 'zod'
import { action, defineContract } from '@shared/contract'
import { defineErrors } from '@shared/errors'
import { ManualClock } from './clock'
import { C } from './collections'
import { createLocalRuntime } from './local-runtime'
import type { PushMessage } from './notifier'
import { StaleReadError } from './port'
import { ANYWHERE, defineAction, defineFunction } from './wrap'

/**
 * The wrapper's phases and replay rules, on a small contract over the real embedded store: a "case" in a grid that
 * moves from open to taken once, with a photo and a push.
 */
const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)
const GRID = 'g1'
const Errors = defineErrors('TOY', { TAKEN: '已经有人接了', NO_CASE: '没有这件事' })
const CaseIdSchema = z.object({ caseId: z.string().min(1) })

const toyContract = defineContract('toy', '测试', {
  take: action({
    summary: 'take a case',
    input: CaseIdSchema.extend({ photo: z.string().optional() }),
    output: z.object({ caseId: z.string(), status: z.string(), photoUrl: z.string().nullable() }),
    write: true,
    permission: 'incident_accept',
  }),
  note: action({
    summary: 'note',
    input: z.object({ text: z.string() }),
    output: z.object({ n: z.number() }),
    write: true,
    permission: null,
  }),
  touch: action({
    summary: 'touch a case as load read it',
    input: CaseIdSchema,
    output: z.object({ version: z.number() }),
    write: true,
    permission: null,
  }),
  list: action({
    summary: 'list',
    input: z.object({}),
    output: z.object({ roots: z.array(z.string()) }),
    write: false,
    permission: 'incident_view',
  }),
})

let urlVersion = 0
let runs = 0
const take = defineAction(toyContract.actions.take, {
  load: async ({ caseId }, ctx) => {
    const doc = await ctx.db.get(C.incident_configs, caseId)
    if (!doc) throw Errors.NO_CASE()
    return { unitId: GRID, doc }
  },
  photos: ({ photo }) => (photo ? [photo] : []),
  run: async ({ input, loaded, tx, photos, push, ctx }) => {
    runs += 1
    const current = await tx.get(C.incident_configs, loaded.doc._id)
    if (current?.version !== 0) throw Errors.TAKEN()
    const [photo] = photos(input.photo ? [input.photo] : [])
    await tx.update(C.incident_configs, loaded.doc._id, { version: 1, ...(photo ? { updatedBy: photo } : {}) })
    push({ userId: ctx.caller.user._id, title: 'taken', body: loaded.doc._id, incidentId: null, at: ctx.now })
    return { caseId: loaded.doc._id, photo: photo ?? null }
  },
  present: async ({ result }) => ({
    caseId: result.caseId,
    status: 'taken',
    photoUrl: result.photo ? `${result.photo}?v=${++urlVersion}` : null,
  }),
})
/** how many of the next transactions of `touch` find the case changed since load read it */
let staleLeft = 0
let loads = 0
const touch = defineAction(toyContract.actions.touch, {
  load: async ({ caseId }, ctx) => {
    loads += 1
    return { doc: (await ctx.db.get(C.incident_configs, caseId))! }
  },
  run: async ({ loaded: { doc }, tx }) => {
    await tx.update(C.incident_configs, doc._id, { version: (doc.version ?? 0) + 1 })
    if (staleLeft > 0) {
      staleLeft -= 1
      throw new StaleReadError(C.incident_configs, doc._id)
    }
    return { version: (doc.version ?? 0) + 1 }
  },
})
const note = defineAction(toyContract.actions.note, { run: async ({ input }) => ({ n: input.text.length }) })
const list = defineAction(toyContract.actions.list, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ ctx }) => ({ roots: ctx.scopeRoots('incident_view') }),
})
const toy = defineFunction(toyContract, { take, note, touch, list })

let rt: ReturnType<typeof createLocalRuntime>
let pushed: PushMessage[]
beforeEach(async () => {
  runs = 0
  urlVersion = 0
  pushed = []
  rt = createLocalRuntime({
    dbFile: ':memory:',
    clock: new ManualClock(T0),
    log: { info: () => undefined, error: () => undefined },
  })
  rt.notifier = { push: async (m) => void pushed.push(m) }
  await rt.db.transaction(async (tx) => {
    await tx.insert(C.units, {
      _id: 'c1',
      name: '县',
      level: 'county',
      parentId: null,
      path: ['c1'],
      code: null,
    } as never)
    await tx.insert(C.units, {
      _id: GRID,
      name: '一网格',
      level: 'grid',
      parentId: 'c1',
      path: ['c1', GRID],
      code: null,
    } as never)
    await tx.insert(C.users, {
      _id: 'worker',
      openid: null,
      name: '扎西',
      phone: null,
      householdId: null,
      residenceUnitId: null,
      createdAt: T0,
    } as never)
    await tx.insert(C.users, {
      _id: 'other',
      openid: null,
      name: '多吉',
      phone: null,
      householdId: null,
      residenceUnitId: null,
      createdAt: T0,
    } as never)
    await tx.insert(C.role_assignments, {
      _id: 'ra1',
      userId: 'worker',
      role: 'grid_worker',
      unitId: GRID,
      grantedBy: null,
      grantedAt: T0,
      revokedAt: null,
    } as never)
    await tx.insert(C.incident_configs, {
      _id: 'case1',
      version: 0,
      categories: [],
      updatedBy: null,
      updatedAt: T0,
    } as never)
  })
})
afterEach(() => rt.db.close())

const call = (userId: string, actionName: string, data: unknown, requestId?: string, retry?: true) =>
  toy.handle(
    { action: actionName, data, ...(requestId ? { requestId } : {}), ...(retry ? { retry } : {}) },
    { kind: 'user', userId },
    rt,
  )

describe('phases', () => {
  it('checks the permission in the unit load returned, before run', async () => {
    const res = await call('other', 'take', { caseId: 'case1' }, 'req-00001')
    expect(res).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
    expect(runs).toBe(0)
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(0)
  })

  it('pushes after the commit, once, and presents the result', async () => {
    const photo = rt.files.savePhoto(tinyJpeg(), 'worker').fileId
    const res = await call('worker', 'take', { caseId: 'case1', photo }, 'req-00002')
    expect(res).toEqual({ ok: true, data: { caseId: 'case1', status: 'taken', photoUrl: `${photo}?v=1` } })
    expect(pushed).toHaveLength(1)
    expect((await rt.db.get(C.requests, 'worker:req-00002'))?.result).toEqual({ caseId: 'case1', photo })
  })

  it('adopts only photos of the caller and writes nothing when one is not theirs', async () => {
    const photo = rt.files.savePhoto(tinyJpeg(), 'other').fileId
    const res = await call('worker', 'take', { caseId: 'case1', photo }, 'req-00003')
    expect(res.ok).toBe(false)
    expect(runs).toBe(0)
    expect(await rt.db.get(C.requests, 'worker:req-00003')).toBeNull()
  })

  it('lets a list action check the permission anywhere in scope', async () => {
    expect(await call('worker', 'list', {})).toEqual({ ok: true, data: { roots: [GRID] } })
    expect(await call('other', 'list', {})).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' })
  })
})

describe('a transaction that finds what load read has changed (StaleReadError)', () => {
  beforeEach(() => {
    loads = 0
  })
  it('runs the action again from load, and lands once', async () => {
    staleLeft = 2
    expect(await call('worker', 'touch', { caseId: 'case1' }, 'req-00070')).toEqual({ ok: true, data: { version: 1 } })
    expect(loads).toBe(3)
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(1)
  })
  it('gives up after three tries with COMMON.CONFLICT, nothing landed', async () => {
    staleLeft = 3
    expect(await call('worker', 'touch', { caseId: 'case1' }, 'req-00071')).toMatchObject({
      ok: false,
      code: 'COMMON.CONFLICT',
    })
    expect(loads).toBe(3)
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(0)
    expect(await rt.db.count(C.requests, { userId: 'worker' })).toBe(0)
  })
})

describe('replays', () => {
  it('answers a repeat marked as a retry with the first result, presented afresh, without running or pushing again', async () => {
    const first = await call('worker', 'take', { caseId: 'case1' }, 'req-00010')
    expect(first.ok).toBe(true)
    // The case has moved on, so a fresh take would be refused: the repeat still gets its success.
    expect(await call('worker', 'take', { caseId: 'case1' }, 'req-00011')).toMatchObject({
      ok: false,
      code: 'TOY.TAKEN',
    })
    const again = await call('worker', 'take', { caseId: 'case1' }, 'req-00010', true)
    expect(again).toEqual(first)
    expect(runs).toBe(2)
    expect(pushed).toHaveLength(1)
  })

  it('answers an unmarked repeat with the first result too: its run lands nothing, nothing is pushed again', async () => {
    const first = await call('worker', 'note', { text: 'abc' }, 'req-00012')
    expect(first).toEqual({ ok: true, data: { n: 3 } })
    // the request record is not read first: the repeat runs, its insert of the record fails, all of it rolls back
    expect(await call('worker', 'note', { text: 'abc' }, 'req-00012')).toEqual(first)
    expect(await rt.db.count(C.requests, { userId: 'worker' })).toBe(1)
    // refused in its transaction (the case has moved on): answered from the record as well
    const took = await call('worker', 'take', { caseId: 'case1' }, 'req-00013')
    expect(took.ok).toBe(true)
    expect(await call('worker', 'take', { caseId: 'case1' }, 'req-00013')).toEqual(took)
    expect(runs).toBe(2)
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(1)
    expect(pushed).toHaveLength(1)
  })

  it('answers a repeat even when the permission that allowed it has since gone', async () => {
    await call('worker', 'take', { caseId: 'case1' }, 'req-00020')
    await rt.db.transaction((tx) => tx.update(C.role_assignments, 'ra1', { revokedAt: T0 + 1 }))
    expect(await call('worker', 'take', { caseId: 'case1' }, 'req-00020')).toMatchObject({ ok: true })
  })

  it('presents a replay afresh (temporary URLs are made again, not replayed)', async () => {
    const photo = rt.files.savePhoto(tinyJpeg(), 'worker').fileId
    const a = await call('worker', 'take', { caseId: 'case1', photo }, 'req-00030')
    const b = await call('worker', 'take', { caseId: 'case1', photo }, 'req-00030')
    expect(a.ok && a.data).toMatchObject({ photoUrl: `${photo}?v=1` })
    expect(b.ok && b.data).toMatchObject({ photoUrl: `${photo}?v=2` })
  })

  it('refuses a request id reused with another input or another action, whatever the other request returned', async () => {
    await call('worker', 'note', { text: 'abc' }, 'req-00040')
    expect(await call('worker', 'note', { text: 'abcd' }, 'req-00040')).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect(await call('worker', 'take', { caseId: 'case1' }, 'req-00040')).toMatchObject({
      ok: false,
      code: 'COMMON.REQUEST_ID_REUSED',
    })
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(0)
    // the same input with its keys in another order is the same request
    expect(await call('worker', 'note', { text: 'abc' }, 'req-00040')).toEqual({ ok: true, data: { n: 3 } })
  })

  it('keeps request ids per caller: another person may use the same id', async () => {
    await call('worker', 'note', { text: 'abc' }, 'req-00050')
    expect(await call('other', 'note', { text: 'abcdef' }, 'req-00050')).toEqual({ ok: true, data: { n: 6 } })
  })

  it('runs a write once when the same request arrives twice at once', async () => {
    const [a, b] = await Promise.all([
      call('worker', 'take', { caseId: 'case1' }, 'req-00060'),
      call('worker', 'take', { caseId: 'case1' }, 'req-00060'),
    ])
    expect(a).toMatchObject({ ok: true })
    expect(b).toEqual(a)
    // the twin's transaction may run its body (as CloudBase's runTransaction reruns one that conflicts); it does
    // not read the request record again, its refusal (TAKEN) is answered from the first call's record, and
    // nothing of it lands: one change, one push
    expect(runs).toBeGreaterThanOrEqual(1)
    expect((await rt.db.get(C.incident_configs, 'case1'))?.version).toBe(1)
    expect(await rt.db.count(C.requests, { userId: 'worker' })).toBe(1)
    expect(pushed).toHaveLength(1)
  })
})

/** The smallest JPEG the photo check accepts (SOI, a JFIF APP0, SOF0, SOS, EOI). */
function tinyJpeg(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01,
    0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9,
  ])
}

describe('the reply speaks the reader language', () => {
  const callIn = (userId: string, actionName: string, data: unknown, lang?: string) =>
    toy.handle(
      { action: actionName, data, requestId: 'req-lang-1', ...(lang ? { lang } : {}) },
      { kind: 'user', userId },
      rt,
    )

  it('renders errors in the language of the call', async () => {
    expect(await callIn('other', 'take', { caseId: 'case1' }, 'bo')).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
      message: 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་པའི་དབང་ཚད་མེད།',
    })
    const bad = await callIn('worker', 'take', { caseId: '' }, 'bo')
    expect(bad).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' })
    expect(!bad.ok && bad.message).toMatch(/^བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད།/)
  })

  it('falls back to the profile language, then Chinese', async () => {
    expect(await callIn('other', 'take', { caseId: 'case1' })).toMatchObject({ message: '您没有权限做这件事' })
    await rt.db.transaction((tx) => tx.update(C.users, 'other', { lang: 'bo' }))
    expect(await callIn('other', 'take', { caseId: 'case1' })).toMatchObject({
      message: 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་པའི་དབང་ཚད་མེད།',
    })
    expect(await callIn('other', 'take', { caseId: 'case1' }, 'zh')).toMatchObject({ message: '您没有权限做这件事' })
  })
})
