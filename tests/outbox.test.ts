/**
 * The outbox over a fake network and a fake storage: order, dependencies, retry with backoff, dedupe by
 * request id (the fake server answers a repeat with its first answer, as the real one does), a kill and a
 * restart, cancel and delete.
 */
import fc from 'fast-check'
import {
  backoffMs,
  createOutbox,
  SOON_MS,
  type CallReply,
  type Cancel,
  type OutboxItem,
  type OutboxNetwork,
  type OutboxStorage,
} from '../miniprogram/services/outbox-core'
import { START_KIND, patrolIdOf, patrolTarget, waitingStart } from '../miniprogram/packages/patrol/services/target'

const words = {
  cancelled: { code: 'CLIENT.CANCELLED', message: '已停止发送' },
  blocked: (dep: OutboxItem) => ({ code: 'CLIENT.BLOCKED', message: `等"${dep.summary}"先发出` }),
}

/** Device storage that survives a "kill": a new outbox over the same object reads what the last one wrote. */
function fakeStorage() {
  const disk: { state: string | null; photos: Set<string> } = { state: null, photos: new Set() }
  const storage: OutboxStorage = {
    load: async () => (disk.state ? JSON.parse(disk.state) : { items: [], results: {} }),
    save: async (s) => {
      disk.state = JSON.stringify(s)
    },
    removePhoto: async (key) => {
      disk.photos.delete(key)
    },
  }
  return { disk, storage }
}

/**
 * A server that stores each request id once and answers a repeat with its first answer; `online` cuts the
 * line; `refuse` makes an action fail as a domain rule would.
 */
function fakeServer() {
  const state = {
    online: true,
    writes: [] as Array<{ fn: string; action: string; input: Record<string, unknown>; requestId: string }>,
    answers: new Map<string, CallReply>(),
    calls: 0,
    /** each call's request id, and whether the outbox said it had sent it before */
    hints: [] as Array<[string, boolean]>,
    uploads: [] as string[],
    refuse: new Set<string>(),
    /** a reply lost on the way back after the server did the write */
    loseNextReply: false,
    /** uploads wait for this before finishing (to cancel one in flight) */
    holdUploads: null as null | Promise<void>,
  }
  const network: OutboxNetwork = {
    async call(fn, action, input, requestId, sentBefore) {
      state.calls += 1
      state.hints.push([requestId, sentBefore])
      if (!state.online) return { ok: false, code: 'COMMON.NETWORK', message: '没有网络' }
      let answer = state.answers.get(requestId)
      if (!answer) {
        if (state.refuse.has(action)) answer = { ok: false, code: 'PATROL.NOT_IN_SHIFT', message: '现在不在班次时间内' }
        else {
          state.writes.push({ fn, action, input, requestId })
          answer = { ok: true, data: { id: `srv-${state.writes.length}`, action } }
        }
        state.answers.set(requestId, answer)
      }
      if (state.loseNextReply) {
        state.loseNextReply = false
        return { ok: false, code: 'COMMON.NETWORK', message: '没有网络' }
      }
      return answer
    },
    async upload(key, onProgress, cancel: Cancel) {
      if (state.holdUploads) {
        const held = state.holdUploads
        await new Promise<void>((resolve) => {
          cancel.onCancel(resolve)
          void held.then(resolve)
        })
      }
      if (cancel.cancelled) return { ok: false, code: 'CLIENT.CANCELLED', message: '已停止' }
      if (!state.online) return { ok: false, code: 'COMMON.NETWORK', message: '没有网络' }
      onProgress(50)
      onProgress(100)
      state.uploads.push(key)
      return { ok: true, data: { fileId: `file-${key}` } }
    },
  }
  return { state, network }
}

function setup(opts: { storage?: ReturnType<typeof fakeStorage>; server?: ReturnType<typeof fakeServer> } = {}) {
  const disk = opts.storage ?? fakeStorage()
  const server = opts.server ?? fakeServer()
  let clock = 1_000_000
  // the outbox's timers on the same fake clock: `advance` moves it, `tick` runs what has come due
  const pending = new Map<number, { at: number; run: () => void }>()
  let nextHandle = 1
  const box = createOutbox({
    storage: disk.storage,
    network: server.network,
    now: () => clock,
    transient: new Set(['COMMON.INTERNAL']),
    words,
    timers: {
      set: (run, ms) => {
        pending.set(nextHandle, { at: clock + ms, run })
        return nextHandle++
      },
      clear: (h) => {
        pending.delete(h as number)
      },
    },
  })
  return {
    box,
    disk,
    server,
    advance: (ms: number) => {
      clock += ms
    },
    /** moves the clock and runs the timers due by then, then lets their rounds finish */
    tick: async (ms: number) => {
      clock += ms
      for (const [h, t] of [...pending]) {
        if (t.at > clock) continue
        pending.delete(h)
        t.run()
      }
      for (let i = 0; i < 50; i++) await Promise.resolve()
    },
    timers: pending,
  }
}

const report = (id: string, photoKeys: string[] = []) => ({
  id,
  kind: 'incident.report',
  summary: '环境卫生',
  fn: 'incident',
  action: 'report',
  input: { category: 'sanitation', description: '垃圾堆', photos: [] },
  photoField: 'photos',
  photoKeys,
})

test('items are sent in the order they were made, photos first, with their uploaded ids', async () => {
  const { box, server } = setup()
  server.state.online = false
  await box.add(report('r-1', ['p1', 'p2']))
  await box.add({
    id: 's-1',
    kind: 'incident.safeReport',
    summary: '',
    fn: 'incident',
    action: 'safeReport',
    input: {},
  })
  await box.flush()
  expect(server.state.writes).toHaveLength(0)
  expect(box.snapshot().items.map((i) => i.id)).toEqual(['r-1', 's-1'])

  server.state.online = true
  const outcomes = await box.flush({ force: true })
  expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
    ['r-1', true],
    ['s-1', true],
  ])
  expect(server.state.writes.map((w) => w.requestId)).toEqual(['r-1', 's-1'])
  expect(server.state.writes[0]?.input.photos).toEqual(['file-p1', 'file-p2'])
  expect(box.snapshot().items).toHaveLength(0)
})

test('a send asked for as a round is ending is not lost in it: it runs right after, and its caller gets its outcome', async () => {
  const { box, server } = setup()
  // r-2 waits on its backoff; r-1 is new: a plain round sends r-1 and leaves r-2 for later
  server.state.online = false
  await box.add(report('r-2'))
  await box.flush()
  server.state.online = true
  await box.add(report('r-1'))
  let late: Promise<Array<{ id: string; ok: boolean }>> | null = null
  const stop = box.subscribe((snap) => {
    // the round's last word (nothing more to send): a forced send asked for in the very next moment, before the
    // round has let go (as a person's 提交 arriving just then does)
    if (!snap.busy && !late && server.state.writes.length === 1)
      void Promise.resolve().then(() => {
        late = box.flush({ force: true })
      })
  })
  const first = await box.flush()
  stop()
  expect(first.map((o) => o.id)).toEqual(['r-1'])
  expect(late).not.toBeNull()
  const outcomes = await late!
  expect(outcomes.map((o) => [o.id, o.ok])).toEqual([['r-2', true]])
  expect(server.state.writes.map((w) => w.requestId)).toEqual(['r-1', 'r-2'])
  expect(box.snapshot().items).toHaveLength(0)
})

test('no signal: the item waits with a backoff that grows, and the network coming back sends it at once', async () => {
  const { box, server, advance } = setup()
  server.state.online = false
  await box.add(report('r-1'))
  await box.flush()
  const first = box.snapshot().items[0]!
  expect(first.state).toBe('waiting')
  expect(first.attempts).toBe(1)
  expect(first.reason?.code).toBe('COMMON.NETWORK')
  // not yet due: a timer's round does not try
  const callsBefore = server.state.calls
  advance(backoffMs(1) - 1)
  await box.flush()
  expect(server.state.calls).toBe(callsBefore)
  advance(1)
  await box.flush()
  expect(server.state.calls).toBe(callsBefore + 1)
  expect(box.snapshot().items[0]!.attempts).toBe(2)
  // the first try was a first send; every later one says it is a retry
  expect(server.state.hints.map(([, again]) => again)).toEqual([false, true])
  // the network event forces a round whatever the backoff
  server.state.online = true
  await box.flush({ force: true })
  expect(server.state.writes).toHaveLength(1)
  expect(box.snapshot().items).toHaveLength(0)
})

test('the network back before requests get through: tried again within a second or two, not after the backoff', async () => {
  const { box, server, tick, timers } = setup()
  server.state.online = false
  for (const id of ['s-1', 's-2', 's-3']) await box.add({ ...report(id), kind: 'incident.safeReport' })
  await box.flush()
  // a long time without signal: the items' backoff has grown to a minute
  for (let i = 0; i < 8; i++) await tick(60_000)
  expect(box.snapshot().items[0]!.attempts).toBeGreaterThanOrEqual(7)
  // the platform says the network is back, but the first send still finds no signal (a real phone: the radio is
  // attached, its data not yet flowing; the bench: the page told it is online before its requests were let through)
  await box.networkBack()
  const first = box.snapshot().items[0]!
  expect(first.reason?.code).toBe('COMMON.NETWORK')
  // the next try is a second away (not the minute of the backoff), and a timer starts it
  const calls = server.state.calls
  await tick(999)
  expect(server.state.calls).toBe(calls)
  server.state.online = true
  await tick(1)
  expect(server.state.writes.map((w) => w.requestId)).toEqual(['s-1', 's-2', 's-3'])
  expect(box.snapshot().items).toHaveLength(0)
  // nothing left to wake for
  expect(timers.size).toBe(0)
})

test('after the network is back, tries that still find no signal wait 1 s, 2 s, 4 s, then the usual backoff', async () => {
  const { box, server, tick } = setup()
  server.state.online = false
  await box.add(report('r-1'))
  await box.networkBack()
  const waits: number[] = []
  for (let i = 0; i < 5; i++) {
    const item = box.snapshot().items[0]!
    const wait = item.nextAt - (1_000_000 + waits.reduce((a, b) => a + b, 0))
    waits.push(wait)
    await tick(wait)
  }
  expect(waits).toEqual([SOON_MS[0], SOON_MS[1], SOON_MS[2], backoffMs(4), backoffMs(5)])
})

test('a waiting item is tried when its backoff is over, by a timer, not only by the next 15 s round', async () => {
  const { box, server, tick } = setup()
  server.state.online = false
  await box.add(report('r-1'))
  await box.flush()
  server.state.online = true
  await tick(backoffMs(1))
  expect(server.state.writes.map((w) => w.requestId)).toEqual(['r-1'])
})

test('backoff doubles from 2 s and never exceeds a minute', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
      expect(backoffMs(n)).toBeGreaterThanOrEqual(2_000)
      expect(backoffMs(n)).toBeLessThanOrEqual(60_000)
      expect(backoffMs(n + 1)).toBeGreaterThanOrEqual(backoffMs(n))
    }),
  )
  expect([1, 2, 3].map(backoffMs)).toEqual([2_000, 4_000, 8_000])
})

test('a reply lost after the write: the resend reuses the request id and the server stores it once', async () => {
  const { box, server } = setup()
  await box.add(report('r-1'))
  server.state.loseNextReply = true
  await box.flush()
  expect(box.snapshot().items).toHaveLength(1)
  const outcomes = await box.flush({ force: true })
  expect(outcomes).toEqual([expect.objectContaining({ id: 'r-1', ok: true, data: { id: 'srv-1', action: 'report' } })])
  expect(server.state.writes).toHaveLength(1)
  expect(server.state.calls).toBe(2)
})

test('the same request id added twice is one item, and flushes at once send it once', async () => {
  const { box, server } = setup()
  await box.add(report('r-1'))
  await box.add(report('r-1'))
  expect(box.snapshot().items).toHaveLength(1)
  await Promise.all([box.flush(), box.flush({ force: true }), box.flush()])
  expect(server.state.writes).toHaveLength(1)
  expect(server.state.calls).toBe(1)
})

test('killed mid-way and started again: nothing lost, no photo uploaded twice, nothing written twice', async () => {
  const storage = fakeStorage()
  const server = fakeServer()
  const first = setup({ storage, server })
  await first.box.add(report('r-1', ['p1', 'p2']))
  await first.box.add({
    id: 's-1',
    kind: 'incident.safeReport',
    summary: '',
    fn: 'incident',
    action: 'safeReport',
    input: {},
  })
  // the first photo goes up, then the line drops before the second: the app is then closed
  let uploads = 0
  const upload = server.network.upload
  server.network.upload = async (key, p, c, item) => {
    uploads += 1
    if (uploads > 1) server.state.online = false
    return upload(key, p, c, item)
  }
  await first.box.flush()
  expect(server.state.uploads).toEqual(['p1'])
  expect(server.state.writes).toHaveLength(0)

  // a new app over the same storage
  server.network.upload = upload
  server.state.online = true
  const second = setup({ storage, server })
  await second.box.ready()
  expect(second.box.snapshot().items.map((i) => [i.id, i.state])).toEqual([
    ['r-1', 'waiting'],
    ['s-1', 'waiting'],
  ])
  await second.box.flush({ force: true })
  expect(server.state.uploads).toEqual(['p1', 'p2'])
  expect(server.state.writes.map((w) => w.requestId)).toEqual(['r-1', 's-1'])
  expect(server.state.writes[0]?.input.photos).toEqual(['file-p1', 'file-p2'])
})

test('an item stored as being sent when the app died is sent again with its request id, and stored once', async () => {
  const storage = fakeStorage()
  const server = fakeServer()
  const first = setup({ storage, server })
  await first.box.add(report('r-1'))
  // the server did the write but the app died before it heard: the stored state still says "sending"
  await server.network.call('incident', 'report', {}, 'r-1', false)
  const saved = JSON.parse(storage.disk.state!) as { items: OutboxItem[] }
  saved.items[0]!.state = 'sending'
  storage.disk.state = JSON.stringify(saved)

  const second = setup({ storage, server })
  await second.box.flush()
  expect(second.box.snapshot().items).toHaveLength(0)
  expect(server.state.writes).toHaveLength(1)
  // sent again, it says it may have been sent before (the server then reads its record first)
  expect(server.state.hints.at(-1)).toEqual(['r-1', true])
})

test("a dependent item waits for the one it names, and takes the field of its answer (a patrol's start)", async () => {
  const { box, server } = setup()
  server.state.online = false
  await box.add({
    id: 'start',
    kind: 'patrol.start',
    summary: '晚班',
    fn: 'patrol',
    action: 'startPatrol',
    input: { shiftId: 'sh' },
  })
  for (const n of [1, 2])
    await box.add({
      id: `ci-${n}`,
      kind: 'patrol.checkIn',
      summary: `点位 ${n}`,
      fn: 'patrol',
      action: 'checkIn',
      input: { patrolId: null, code: `c${n}` },
      after: 'start',
      bind: { patrolId: 'id' },
    })
  server.state.online = true
  await box.flush({ force: true })
  expect(server.state.writes.map((w) => [w.action, w.input.patrolId ?? null])).toEqual([
    ['startPatrol', null],
    ['checkIn', 'srv-1'],
    ['checkIn', 'srv-1'],
  ])
})

test('a refusal stops only that item and what waits on it, with the reason; the rest goes; retry and delete', async () => {
  const { box, server } = setup()
  server.state.refuse.add('startPatrol')
  await box.add({ id: 'start', kind: 'patrol.start', summary: '晚班', fn: 'patrol', action: 'startPatrol', input: {} })
  await box.add({
    id: 'ci-1',
    kind: 'patrol.checkIn',
    summary: '点位 1',
    fn: 'patrol',
    action: 'checkIn',
    input: {},
    after: 'start',
    bind: { patrolId: 'id' },
  })
  await box.add({
    id: 's-1',
    kind: 'incident.safeReport',
    summary: '',
    fn: 'incident',
    action: 'safeReport',
    input: {},
  })
  const outcomes = await box.flush()
  expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
    ['start', false],
    ['s-1', true],
  ])
  const [start, checkin] = box.snapshot().items
  expect(start).toMatchObject({
    id: 'start',
    state: 'failed',
    reason: { code: 'PATROL.NOT_IN_SHIFT', message: '现在不在班次时间内' },
  })
  expect(box.blockedBy(checkin!)).toEqual({ code: 'CLIENT.BLOCKED', message: '等"晚班"先发出' })
  // a timer's round leaves a refused item alone
  await box.flush({ force: true })
  expect(server.state.calls).toBe(2)
  // retry asks again (the server keeps its first answer for that request id, so it is refused again)
  await box.retry('start')
  expect(server.state.calls).toBe(3)
  expect(box.snapshot().items.map((i) => i.id)).toEqual(['start', 'ci-1'])
  // deleting the start deletes what waits on it
  await box.remove('start')
  expect(box.snapshot().items).toHaveLength(0)
  expect(server.state.writes.map((w) => w.action)).toEqual(['safeReport'])
})

test("a server that could not answer (500) is tried again later, not shown as the person's mistake", async () => {
  const { box, server } = setup()
  const call = server.network.call
  let n = 0
  server.network.call = async (...args) => {
    n += 1
    return n === 1 ? { ok: false, code: 'COMMON.INTERNAL', message: '服务器出错' } : call(...args)
  }
  await box.add(report('r-1'))
  await box.flush()
  expect(box.snapshot().items[0]).toMatchObject({ state: 'waiting', attempts: 1 })
  await box.flush({ force: true })
  expect(server.state.writes).toHaveLength(1)
})

test('cancelling an upload in flight keeps the item (stopped, with its photo) for a retry; delete removes its photos', async () => {
  const { box, server, disk } = setup()
  disk.disk.photos.add('p1')
  let release!: () => void
  server.state.holdUploads = new Promise<void>((r) => (release = r))
  await box.add(report('r-1', ['p1']))
  const round = box.flush()
  await new Promise((r) => setTimeout(r, 0))
  expect(box.snapshot().items[0]!.state).toBe('sending')
  box.cancel('r-1')
  await round
  expect(box.snapshot().items[0]).toMatchObject({ state: 'failed', reason: { code: 'CLIENT.CANCELLED' } })
  expect(server.state.uploads).toEqual([])
  server.state.holdUploads = null
  release()
  await box.retry('r-1')
  expect(server.state.uploads).toEqual(['p1'])
  expect(server.state.writes).toHaveLength(1)
  expect(disk.disk.photos.has('p1')).toBe(false)

  disk.disk.photos.add('p9')
  server.state.online = false
  await box.add(report('r-2', ['p9']))
  await box.flush()
  await box.remove('r-2')
  expect(box.snapshot().items).toHaveLength(0)
  expect(disk.disk.photos.has('p9')).toBe(false)

  // a refused report taken back to its form keeps its photos
  disk.disk.photos.add('p7')
  await box.add(report('r-3', ['p7']))
  await box.remove('r-3', { keepPhotos: true })
  expect(box.snapshot().items).toHaveLength(0)
  expect(disk.disk.photos.has('p7')).toBe(true)
})

test('whatever the pattern of lost lines and replies, every item is written exactly once and in order', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom('up', 'down', 'lose'), { minLength: 1, maxLength: 30 }),
      async (weather) => {
        const storage = fakeStorage()
        const server = fakeServer()
        let env = setup({ storage, server })
        const ids = Array.from({ length: 5 }, (_, i) => `r-${i}`)
        for (const id of ids) await env.box.add(report(id, [`${id}-photo`]))
        for (const [step, w] of weather.entries()) {
          server.state.online = w !== 'down'
          server.state.loseNextReply = w === 'lose'
          await env.box.flush({ force: true })
          if (step % 7 === 6) env = setup({ storage, server }) // the app is closed and opened again
        }
        server.state.online = true
        server.state.loseNextReply = false
        await env.box.flush({ force: true })
        expect(server.state.writes.map((w) => w.requestId)).toEqual(ids)
        expect(new Set(server.state.uploads).size).toBe(server.state.uploads.length)
        expect(env.box.snapshot().items).toHaveLength(0)
      },
    ),
    { numRuns: 60 },
  )
})

test('when an outcome is told, the snapshot no longer holds the item (a page reloads its view then)', async () => {
  const { box } = setup()
  const seen: number[] = []
  box.onOutcome(() => seen.push(box.snapshot().items.length))
  await box.add(report('r-1'))
  await box.add(report('r-2'))
  await box.flush()
  expect(seen).toEqual([1, 0])
})

test('a patrol started with no signal: its check-ins and finish wait behind the start, survive a kill, and take its id', async () => {
  const storage = fakeStorage()
  const server = fakeServer()
  const { box } = setup({ storage, server })
  server.state.online = false
  const shift = { shift: { id: 'sh-pm' }, window: { start: 1_000, end: 9_000 } } as Parameters<typeof waitingStart>[0]
  // as the patrol page queues them (services/queue.ts): the start at the phone's time, then writes of its ref
  const ref = 'r-start-1'
  await box.add({
    id: ref,
    kind: START_KIND,
    summary: '晚巡',
    fn: 'patrol',
    action: 'startPatrol',
    input: { shiftId: 'sh-pm', deviceAt: 2_000 },
    group: ref,
  })
  expect(waitingStart(shift, box)?.id).toBe(ref)
  expect(patrolIdOf(ref, box)).toBeNull()
  const write = async (id: string, action: string, input: Record<string, unknown>) => {
    const { patrolId, after, bind } = patrolTarget(ref, box)
    await box.add({
      id,
      kind: `patrol.${action}`,
      summary: '',
      fn: 'patrol',
      action,
      input: { ...input, patrolId },
      after,
      bind,
      group: ref,
    })
  }
  await write('ci-1', 'checkIn', { code: 'c1', deviceAt: 3_000 })
  await write('ci-2', 'checkIn', { code: 'c2', deviceAt: 4_000 })
  await write('fin', 'finishPatrol', {})
  expect(box.snapshot().items.map((i) => [i.id, i.after ?? null, i.input.patrolId])).toEqual([
    [ref, null, undefined],
    ['ci-1', ref, ref],
    ['ci-2', ref, ref],
    ['fin', ref, ref],
  ])
  await box.flush({ force: true })
  expect(server.state.writes).toHaveLength(0)

  // the app is killed; opened again, the signal returns
  const again = setup({ storage, server })
  server.state.online = true
  await again.box.flush({ force: true })
  expect(server.state.writes.map((w) => [w.action, w.input.patrolId ?? null, w.input.deviceAt ?? null])).toEqual([
    ['startPatrol', null, 2_000],
    ['checkIn', 'srv-1', 3_000],
    ['checkIn', 'srv-1', 4_000],
    ['finishPatrol', 'srv-1', null],
  ])
  expect(again.box.snapshot().items).toHaveLength(0)
  // the page opened on the start's ref now finds the patrol, and a later write goes straight to it
  expect(patrolIdOf(ref, again.box)).toBe('srv-1')
  expect(patrolTarget(ref, again.box)).toEqual({ patrolId: 'srv-1' })
  expect(waitingStart(shift, again.box)).toBeNull()
  // a real patrol id is itself
  expect(patrolTarget('pt_real', again.box)).toEqual({ patrolId: 'pt_real' })
})

test('a refused start holds its check-ins back with the reason; deleting it deletes them', async () => {
  const { box, server } = setup()
  server.state.online = false
  const ref = 'r-start-2'
  await box.add({ id: ref, kind: START_KIND, summary: '晚巡', fn: 'patrol', action: 'startPatrol', input: {} })
  const { patrolId, after, bind } = patrolTarget(ref, box)
  await box.add({
    id: 'ci-9',
    kind: 'patrol.checkIn',
    summary: '',
    fn: 'patrol',
    action: 'checkIn',
    input: { patrolId },
    after,
    bind,
  })
  server.state.online = true
  server.state.refuse.add('startPatrol')
  await box.flush({ force: true })
  expect(server.state.writes).toHaveLength(0)
  expect(patrolIdOf(ref, box)).toBeNull()
  expect(box.blockedBy(box.snapshot().items[1]!)).toMatchObject({ code: 'CLIENT.BLOCKED' })
  await box.remove(ref)
  expect(box.snapshot().items).toHaveLength(0)
})
