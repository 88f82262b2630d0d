/**
 * A data port that counts what CloudBase would be asked: every port call is one request to the database, and a
 * transaction's begin and commit one request each, every call inside it one more. It adds a fixed latency to
 * each request (default 10 ms, about what a CloudBase function sees from its database), so calls the code makes
 * in parallel overlap as they would there, and it finds the longest chain of requests made one after another:
 * what a resident waits for beyond the function's own work. Used by the bench (`--round-trips`) and by tests that
 * hold an action to its number of requests; never in production.
 */
import type { Doc, FindOptions, Filter, Patch, RawPort, RawTx } from './port'

export type RequestKind =
  'get' | 'find' | 'count' | 'begin' | 'commit' | 'abort' | 'insert' | 'set' | 'update' | 'remove'

export interface RequestRecord {
  kind: RequestKind
  collection: string | null
  inTx: boolean
  start: number
  end: number
}

export interface RoundTrips {
  /** requests to the database */
  requests: number
  /** reads (get, find, count, in a transaction or not) and writes (insert, set, update, remove) */
  reads: number
  writes: number
  /** transaction begin, commit and abort */
  txControl: number
  /** the longest chain of requests each made after the one before it had answered */
  chain: number
  /** the latency the chain adds: chain × latency */
  addedMs: number
  /** per collection and kind, for finding where requests go: `get users` → 1 */
  byTarget: Record<string, number>
}

const READS: ReadonlySet<RequestKind> = new Set(['get', 'find', 'count'])
const WRITES: ReadonlySet<RequestKind> = new Set(['insert', 'set', 'update', 'remove'])

export class CountingPort implements RawPort {
  private log: RequestRecord[] = []

  constructor(
    private readonly inner: RawPort,
    readonly latencyMs = 10,
  ) {}

  /** Forget what was counted (call before the action to measure). */
  reset(): void {
    this.log = []
  }

  /** The requests counted since the last reset, in the order they were made. */
  requests(): readonly RequestRecord[] {
    return this.log
  }

  /** What the requests since the last reset add up to. */
  stats(): RoundTrips {
    const log = [...this.log].sort((a, b) => a.start - b.start)
    // longest path: a request follows another when it started after that one had answered
    const depth: number[] = []
    let chain = 0
    for (let i = 0; i < log.length; i++) {
      let d = 1
      for (let j = 0; j < i; j++) if (log[j]!.end <= log[i]!.start) d = Math.max(d, depth[j]! + 1)
      depth.push(d)
      chain = Math.max(chain, d)
    }
    const byTarget: Record<string, number> = {}
    for (const r of log) {
      const key = r.collection ? `${r.kind} ${r.collection}` : r.kind
      byTarget[key] = (byTarget[key] ?? 0) + 1
    }
    return {
      requests: log.length,
      reads: log.filter((r) => READS.has(r.kind)).length,
      writes: log.filter((r) => WRITES.has(r.kind)).length,
      txControl: log.filter((r) => !READS.has(r.kind) && !WRITES.has(r.kind)).length,
      chain,
      addedMs: chain * this.latencyMs,
      byTarget,
    }
  }

  private async request<T>(kind: RequestKind, collection: string | null, inTx: boolean, work: () => Promise<T>) {
    const entry: RequestRecord = { kind, collection, inTx, start: performance.now(), end: Infinity }
    this.log.push(entry)
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs))
      return await work()
    } finally {
      entry.end = performance.now()
    }
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.request('get', collection, false, () => this.inner.get<T>(collection, id))
  }

  find<T extends Doc = Doc>(collection: string, options?: FindOptions): Promise<T[]> {
    return this.request('find', collection, false, () => this.inner.find<T>(collection, options))
  }

  count(collection: string, where?: Filter): Promise<number> {
    return this.request('count', collection, false, () => this.inner.count(collection, where))
  }

  insert<T extends Doc = Doc>(collection: string, doc: T): Promise<void> {
    return this.request('insert', collection, false, () => this.inner.insert(collection, doc))
  }

  updateWhere(collection: string, where: Filter, patch: Patch): Promise<number> {
    return this.request('update', collection, false, () => this.inner.updateWhere(collection, where, patch))
  }

  removeWhere(collection: string, where: Filter): Promise<number> {
    return this.request('remove', collection, false, () => this.inner.removeWhere(collection, where))
  }

  insertMany<T extends Doc = Doc>(collection: string, docs: readonly T[]): Promise<void> {
    if (!docs.length) return Promise.resolve()
    return this.request('insert', collection, false, () => this.inner.insertMany(collection, docs))
  }

  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
    return this.inner.transaction(async (raw) => {
      await this.request('begin', null, true, async () => undefined)
      const tx: RawTx = {
        get: (c, id) => this.request('get', c, true, () => raw.get(c, id)),
        insert: (c, doc) => this.request('insert', c, true, () => raw.insert(c, doc)),
        insertMany: async (c, docs) => {
          if (docs.length) await this.request('insert', c, true, () => raw.insertMany(c, docs))
        },
        set: (c, doc) => this.request('set', c, true, () => raw.set(c, doc)),
        update: (c: string, id: string, patch: Patch) =>
          this.request('update', c, true, () => raw.update(c, id, patch)),
        remove: (c, id) => this.request('remove', c, true, () => raw.remove(c, id)),
        // CloudBase: one update with `_.inc`; for a missing document a second request, the insert
        inc: async (c, init, deltas, replace) => {
          const done = await this.request('update', c, true, () => raw.inc(c, init, deltas, replace))
          if (done === 'created') await this.request('insert', c, true, async () => undefined)
          return done
        },
        // CloudBase: one findAndModify (a read and a write)
        updateIf: (c, id, where, change) => this.request('update', c, true, () => raw.updateIf(c, id, where, change)),
      }
      let result: T
      try {
        result = await fn(tx)
      } catch (err) {
        await this.request('abort', null, true, async () => undefined)
        throw err
      }
      await this.request('commit', null, true, async () => undefined)
      return result
    })
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve()
  }
}
