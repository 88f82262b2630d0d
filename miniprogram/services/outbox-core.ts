/**
 * The outbox: every write a person makes in the field, kept on the phone until the server has answered it.
 * This file is the logic only, over two ports (storage and network), so it runs the same in WeChat, in a
 * browser and in unit tests; `outbox.ts` wires it to Taro, IndexedDB and the cloud functions.
 *
 * Invariants:
 * - an item is stored before anything is sent, with the request id it keeps for life: a resend after a lost
 *   reply is answered by the server with its first result, so nothing is written twice;
 * - items go out in the order they were made; one that names another in `after` waits until that one is done
 *   (a patrol's start before its check-ins) and takes fields of its answer (`bind`);
 * - photos are local files until the outbox uploads them; an uploaded photo's id is stored at once, so a
 *   restart never uploads it again;
 * - no signal (or a server that could not answer) stops the round and waits, with backoff, for the next try,
 *   which a timer starts when it is due; just after the platform says the network is back (`networkBack`), a
 *   send that still finds no signal is tried again within a second or two (the event can come before requests
 *   get through: a phone's radio attached, its data not yet flowing), not after the usual backoff;
 *   a refusal (bad input, a rule) stops only that item and what depends on it, with the reason, until the
 *   person retries or deletes it.
 */

export type ItemState = 'waiting' | 'sending' | 'failed'

export interface OutboxPhoto {
  /** the local copy (a saved file path in WeChat, an IndexedDB key in a browser) */
  key: string
  /** set once uploaded */
  fileId: string | null
}

export interface OutboxReason {
  code: string
  message: string
}

export interface OutboxItem {
  /** the write's request id: the item's id for life */
  id: string
  /** what it is, for the list ('incident.report', 'patrol.checkIn', …) */
  kind: string
  /** a few words the person recognises it by (a category, a checkpoint) */
  summary: string
  /** cloud function and action */
  fn: string
  action: string
  input: Record<string, unknown>
  photos: OutboxPhoto[]
  /** the input field the uploaded photo ids go into */
  photoField?: string
  /** an item that must be done before this one */
  after?: string
  /** input field ← field of `after`'s answer (a patrol started offline gets its id when its start is answered) */
  bind?: Record<string, string>
  /** what pages filter by (a patrol's id, a task's id) */
  group?: string
  /** whose photos these are (WeChat uploads go to the owner's own folder) */
  owner?: string
  createdAt: number
  state: ItemState
  attempts: number
  /** no automatic try before this time (backoff) */
  nextAt: number
  reason: OutboxReason | null
}

export interface OutboxOutcome {
  id: string
  kind: string
  group?: string
  ok: boolean
  data?: unknown
  code?: string
  message?: string
}

export type CallReply = { ok: true; data: unknown } | { ok: false; code: string; message: string }

export interface Cancel {
  readonly cancelled: boolean
  onCancel(fn: () => void): void
}

export interface OutboxNetwork {
  /** `sentBefore`: this item was sent before (a failed try, or the app closed while it was on its way) */
  call(
    fn: string,
    action: string,
    input: Record<string, unknown>,
    requestId: string,
    sentBefore: boolean,
  ): Promise<CallReply>
  upload(key: string, onProgress: (percent: number) => void, cancel: Cancel, item: OutboxItem): Promise<CallReply>
}

export interface OutboxStorage {
  load(): Promise<{ items: OutboxItem[]; results: Record<string, unknown> }>
  save(state: { items: OutboxItem[]; results: Record<string, unknown> }): Promise<void>
  removePhoto(key: string): Promise<void>
}

export interface Progress {
  id: string
  /** photo n of `of` */
  n: number
  of: number
  percent: number
}

export interface OutboxSnapshot {
  items: readonly OutboxItem[]
  progress: Progress | null
  /** true while a round is sending */
  busy: boolean
}

export interface OutboxOptions {
  storage: OutboxStorage
  network: OutboxNetwork
  now?: () => number
  /** codes that mean "try again later" besides no signal (the server could not answer, the session lapsed) */
  transient?: ReadonlySet<string>
  /** the message kept on an item whose upload the person cancelled, and one whose dependency failed */
  words: { cancelled: OutboxReason; blocked: (dependency: OutboxItem) => OutboxReason }
  /** starts the next try when it is due (default: the platform's setTimeout) */
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void }
}

export const NETWORK_CODE = 'COMMON.NETWORK'
export const CANCELLED_CODE = 'CLIENT.CANCELLED'
const BASE_BACKOFF_MS = 2_000
const MAX_BACKOFF_MS = 60_000
/** the waits after the network is said to be back, while sends still find no signal; then the usual backoff */
export const SOON_MS = [1_000, 2_000, 4_000] as const
/** answers of finished items kept for items bound to them, and for pages that opened after they were sent */
const KEEP_RESULTS = 100

/** Delay before the next automatic try after `attempts` failed ones: 2 s, 4 s, 8 s … at most a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1))
}

export type NewItem = Pick<OutboxItem, 'kind' | 'summary' | 'fn' | 'action' | 'input'> &
  Partial<Pick<OutboxItem, 'photoField' | 'after' | 'bind' | 'group' | 'owner'>> & {
    id: string
    photoKeys?: string[]
  }

function cancelToken(): Cancel & { cancel(): void } {
  let cancelled = false
  const fns: Array<() => void> = []
  return {
    get cancelled() {
      return cancelled
    },
    onCancel(fn) {
      if (cancelled) fn()
      else fns.push(fn)
    },
    cancel() {
      if (cancelled) return
      cancelled = true
      for (const fn of fns.splice(0)) fn()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>

export function createOutbox(opts: OutboxOptions) {
  const now = opts.now ?? (() => Date.now())
  const transient = opts.transient ?? new Set<string>()
  let items: OutboxItem[] = []
  let results: Record<string, unknown> = {}
  let progress: Progress | null = null
  let busy = false
  let snapshot: OutboxSnapshot = { items, progress, busy }
  const listeners = new Set<(s: OutboxSnapshot) => void>()
  const outcomeListeners = new Set<(o: OutboxOutcome) => void>()
  /** the item being sent and how to stop it */
  let inFlight: { id: string; token: ReturnType<typeof cancelToken> } | null = null
  let loaded: Promise<void> | null = null
  let round: Promise<OutboxOutcome[]> | null = null
  let again: { force: boolean } | null = null
  const timers = opts.timers ?? {
    set: (run: () => void, ms: number) => setTimeout(run, ms),
    clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  }
  let timer: { handle: unknown; at: number } | null = null
  /** the running round has sent its last item and is ending */
  let closing = false
  /** tries without signal since the platform said the network was back (null: not just back) */
  let soon: number | null = null

  function emit(): void {
    snapshot = { items, progress, busy }
    for (const l of listeners) l(snapshot)
  }
  async function persist(): Promise<void> {
    await opts.storage.save({ items, results })
  }
  function ready(): Promise<void> {
    loaded ??= opts.storage.load().then((s) => {
      // an item that was being sent when the app was killed is sent again (same request id: at most once)
      // (counted as a try: it may have reached the server, so the next send says it is a retry)
      items = s.items.map((i) =>
        i.state === 'sending' ? { ...i, state: 'waiting' as const, attempts: Math.max(1, i.attempts) } : i,
      )
      results = s.results
      emit()
    })
    return loaded
  }
  function patchItem(id: string, p: Partial<OutboxItem>): OutboxItem | null {
    let found: OutboxItem | null = null
    items = items.map((i) => (i.id === id ? (found = { ...i, ...p }) : i))
    return found
  }

  /** Stores a write (before anything is sent). The same request id twice is one item. */
  async function add(item: NewItem): Promise<OutboxItem> {
    await ready()
    const existing = items.find((i) => i.id === item.id)
    if (existing) return existing
    const { photoKeys = [], ...rest } = item
    const stored: OutboxItem = {
      ...rest,
      photos: photoKeys.map((key) => ({ key, fileId: null })),
      createdAt: now(),
      state: 'waiting',
      attempts: 0,
      nextAt: 0,
      reason: null,
    }
    items = [...items, stored]
    await persist()
    emit()
    return stored
  }

  /** The next item a round may send: the first in order that is due and not waiting on another. */
  function nextDue(force: boolean, skip: Set<string>): OutboxItem | null {
    for (const item of items) {
      if (skip.has(item.id) || item.state === 'failed') continue
      if (!force && item.nextAt > now()) continue
      if (item.after && items.some((i) => i.id === item.after)) continue
      return item
    }
    return null
  }

  type Step =
    | { kind: 'done'; outcome: OutboxOutcome }
    | { kind: 'refused'; outcome: OutboxOutcome }
    | { kind: 'stop' }
    /** deleted while it was being sent */
    | { kind: 'gone' }

  async function sendOne(item: OutboxItem): Promise<Step> {
    const token = cancelToken()
    inFlight = { id: item.id, token }
    patchItem(item.id, { state: 'sending' })
    emit()
    const fail = async (reply: { code: string; message: string }): Promise<Step> => {
      const reason = { code: reply.code, message: reply.message }
      const retry = reply.code === NETWORK_CODE || transient.has(reply.code)
      const current = items.find((i) => i.id === item.id)
      if (!current) return { kind: 'gone' }
      const attempts = current.attempts + 1
      let wait = backoffMs(attempts)
      if (retry && reply.code === NETWORK_CODE && soon !== null && soon < SOON_MS.length) {
        wait = Math.min(wait, SOON_MS[soon]!)
        soon += 1
      }
      patchItem(
        item.id,
        retry
          ? { state: 'waiting', attempts, nextAt: now() + wait, reason }
          : {
              state: 'failed',
              attempts,
              reason,
            },
      )
      await persist()
      emit()
      if (retry) return { kind: 'stop' }
      return { kind: 'refused', outcome: { id: item.id, kind: item.kind, group: item.group, ok: false, ...reason } }
    }
    try {
      // photos first, one by one; each id is kept as soon as it is known
      const total = item.photos.length
      for (const [i, photo] of item.photos.entries()) {
        if (photo.fileId) continue
        progress = { id: item.id, n: i + 1, of: total, percent: 0 }
        emit()
        const up = await opts.network.upload(
          photo.key,
          (percent) => {
            progress = { id: item.id, n: i + 1, of: total, percent }
            emit()
          },
          token,
          item,
        )
        if (token.cancelled) return await fail(opts.words.cancelled)
        if (!up.ok) return await fail(up)
        const fileId = (up.data as { fileId: string }).fileId
        const current = items.find((x) => x.id === item.id)
        if (!current) return { kind: 'gone' }
        patchItem(item.id, { photos: current.photos.map((p) => (p.key === photo.key ? { ...p, fileId } : p)) })
        await persist()
      }
      progress = null
      emit()
      const current = items.find((x) => x.id === item.id)
      if (!current) return { kind: 'gone' }
      const input: Record<string, unknown> = { ...current.input }
      if (current.photoField) input[current.photoField] = current.photos.map((p) => p.fileId)
      if (current.after && current.bind) {
        const answer = results[current.after] as Record<string, unknown> | undefined
        for (const [field, from] of Object.entries(current.bind)) input[field] = answer?.[from]
      }
      const reply = await opts.network.call(current.fn, current.action, input, current.id, current.attempts > 0)
      if (token.cancelled) return await fail(opts.words.cancelled)
      if (!reply.ok) return await fail(reply)
      // answered: off the queue, its photos' local copies gone, its answer kept for what is bound to it
      soon = null
      items = items.filter((i) => i.id !== item.id)
      results = Object.fromEntries([...Object.entries(results), [item.id, reply.data]].slice(-KEEP_RESULTS))
      await persist()
      emit()
      for (const p of current.photos) await opts.storage.removePhoto(p.key).catch(() => undefined)
      return { kind: 'done', outcome: { id: item.id, kind: item.kind, group: item.group, ok: true, data: reply.data } }
    } finally {
      inFlight = null
      progress = null
    }
  }

  /**
   * Sends what is due, in order, until the queue is empty or the network is gone. `force` ignores the backoff
   * (the network came back, the app was shown, the person tapped 重试). One round at a time; a call during a
   * round runs another after it.
   */
  function flush(opts2: { force?: boolean } = {}): Promise<OutboxOutcome[]> {
    const force = opts2.force ?? false
    // a round that has stopped looking for work sends nothing more: a call in its last moments runs after it
    if (round && closing) return round.then(() => flush(opts2))
    if (round) {
      again = { force: force || (again?.force ?? false) }
      return round
    }
    closing = false
    round = (async () => {
      await ready()
      const outcomes: OutboxOutcome[] = []
      let pass: { force: boolean } | null = { force }
      while (pass) {
        again = null
        busy = true
        emit()
        const skip = new Set<string>()
        for (;;) {
          const item = nextDue(pass.force, skip)
          if (!item) break
          const step = await sendOne(item)
          if (step.kind === 'stop') break
          if (step.kind === 'gone') continue
          outcomes.push(step.outcome)
          for (const l of outcomeListeners) l(step.outcome)
          if (step.kind === 'refused') skip.add(item.id)
        }
        busy = false
        emit()
        pass = again
        if (!pass) closing = true
      }
      return outcomes
    })().finally(() => {
      round = null
      closing = false
      schedule()
    })
    return round
  }

  /** The next try, when the soonest waiting item is due (a timer; one at a time). */
  function schedule(): void {
    const t = now()
    const due = items.filter((i) => i.state === 'waiting' && i.nextAt > t).map((i) => i.nextAt)
    const at = due.length ? Math.min(...due) : null
    if (timer && timer.at === at) return
    if (timer) timers.clear(timer.handle)
    timer = null
    if (at === null) return
    timer = {
      at,
      handle: timers.set(() => {
        timer = null
        void flush()
      }, at - t),
    }
  }

  /**
   * The platform says the network is back (WeChat's network event, the browser's `online`): a round now, whatever
   * the backoff, and for the next few tries that still find no signal a short wait (SOON_MS) instead of the backoff.
   */
  function networkBack(): Promise<OutboxOutcome[]> {
    soon = 0
    return flush({ force: true })
  }

  /** Sends one failed or waiting item again now, and whatever is due with it. */
  async function retry(id: string): Promise<OutboxOutcome[]> {
    await ready()
    if (!patchItem(id, { state: 'waiting', nextAt: 0, reason: null })) return []
    await persist()
    emit()
    return flush({ force: true })
  }

  /** Stops an upload or a send in progress; the item stays, marked as stopped, for a retry or a delete. */
  function cancel(id: string): void {
    if (inFlight?.id === id) inFlight.token.cancel()
  }

  /**
   * Deletes an item, with what waits on it, and their local photos (`keepPhotos`: a form takes a refused write
   * back to be corrected, with its photos).
   */
  async function remove(id: string, opts2: { keepPhotos?: boolean } = {}): Promise<void> {
    await ready()
    const gone = new Set([id])
    for (const i of items) if (i.after && gone.has(i.after)) gone.add(i.id)
    const removed = items.filter((i) => gone.has(i.id))
    if (inFlight && gone.has(inFlight.id)) inFlight.token.cancel()
    items = items.filter((i) => !gone.has(i.id))
    await persist()
    emit()
    if (opts2.keepPhotos) return
    for (const item of removed)
      for (const p of item.photos) await opts.storage.removePhoto(p.key).catch(() => undefined)
  }

  /** What waits behind a failed item it depends on, and why (for the list). */
  function blockedBy(item: OutboxItem): OutboxReason | null {
    const dep = item.after ? items.find((i) => i.id === item.after) : undefined
    return dep && dep.state === 'failed' ? opts.words.blocked(dep) : null
  }

  return {
    ready,
    add,
    flush,
    networkBack,
    retry,
    cancel,
    remove,
    blockedBy,
    /** the answer of a finished item (a page that opened after its write was sent) */
    resultOf: (id: string): unknown => results[id],
    snapshot: (): OutboxSnapshot => snapshot,
    subscribe(listener: (s: OutboxSnapshot) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onOutcome(listener: (o: OutboxOutcome) => void): () => void {
      outcomeListeners.add(listener)
      return () => outcomeListeners.delete(listener)
    },
  }
}
