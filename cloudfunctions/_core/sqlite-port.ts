import Database from 'better-sqlite3'
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { COLLECTIONS, type CollectionSpec } from './collections'
import {
  addAt,
  applyChange,
  assertField,
  assertPath,
  isRange,
  DocNotFoundError,
  DuplicateKeyError,
  type RawPort,
  type Doc,
  type Filter,
  type FindOptions,
  type Patch,
  type Scalar,
  type RawChange,
  type RawTx,
} from './port'

/**
 * The embedded adapter: one SQLite file, one table per collection holding JSON documents, with
 * expression indexes on the fields the collection spec lists. One connection; transactions take an async
 * lock in turn, so a transaction (BEGIN IMMEDIATE … COMMIT) sees and writes alone, and reads run between
 * transactions, so nobody reads uncommitted state. WAL keeps committed data across a killed process.
 *
 * Tables are ordinary rowid tables with `_id` as a unique key, not WITHOUT ROWID: a WITHOUT ROWID table keeps a
 * row in an index b-tree, only ~1,000 bytes of it on the leaf page, so incidents, request records and inbox
 * messages would spill into overflow pages and go in at random places by their hashed ids; a rowid table keeps
 * rows up to ~4 KB on the page and appends new rows at its end. (The SQL is the same for a file made with
 * WITHOUT ROWID tables, which keeps its layout.)
 */
export interface SqlitePortOptions {
  /** the WAL checkpointer's settings (tests use small ones) */
  checkpoint?: Partial<CheckpointOptions>
}

export class SqlitePort implements RawPort {
  private readonly db: Database.Database
  private readonly collections: Record<string, CollectionSpec>
  private readonly inTx = new AsyncLocalStorage<true>()
  private chain: Promise<unknown> = Promise.resolve()
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    file: string,
    collections: Record<string, CollectionSpec> = COLLECTIONS,
    options: SqlitePortOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.collections = collections
    this.migrate()
    if (file !== ':memory:') {
      this.checkpointer = new Checkpointer(this.db, file, { ...CHECKPOINT, ...options.checkpoint }, (work) =>
        this.pauseAll(work),
      )
    }
  }

  /** Copies the WAL into the database file off the request path (see Checkpointer). */
  private readonly checkpointer: Checkpointer | null = null

  /**
   * Runs one checkpointer round now, for tests that drive it by hand (`checkpoint: { everyMs: 0 }`): true when
   * the worker asked for the pause, so the WAL starts over at the next write after the operation now running.
   */
  checkpointRound(): Promise<boolean> {
    return this.checkpointer ? this.checkpointer.round() : Promise.resolve(false)
  }

  /**
   * Tables and the declared indexes; an index this adapter made that the spec no longer lists is dropped. A document
   * is kept as SQLite's binary JSON (`jsonb(?)` in, `json(doc)` out), so a filter, an index or a projection reads a
   * field without parsing the document's text (issue #21: a county's month keeps every unit's figures); a document
   * written as text before is read the same, and kept as binary from its next write.
   */
  private migrate(): void {
    const run = this.db.transaction(() => {
      for (const [name, spec] of Object.entries(this.collections)) {
        this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`)
        const declared = new Set<string>()
        for (const fields of spec.indexes) declared.add(this.createIndex(name, fields, false))
        for (const fields of spec.unique ?? []) declared.add(this.createIndex(name, fields, true))
        const existing = this.db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
          .all(name) as Array<{ name: string }>
        for (const { name: index } of existing) {
          if (/^(ix|ux)_/.test(index) && !declared.has(index)) this.db.exec(`DROP INDEX "${index}"`)
        }
      }
    })
    run()
  }

  private createIndex(table: string, fields: string[], unique: boolean): string {
    const name = `${unique ? 'ux' : 'ix'}_${table}_${fields.join('_')}`
    if (fields.length === 0) return name
    const cols = fields.map((f) => expr(f)).join(', ')
    this.db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${table}" (${cols})`)
    return name
  }

  private table(collection: string): string {
    if (!Object.prototype.hasOwnProperty.call(this.collections, collection)) {
      throw new Error(`collection ${collection} is not declared in collections.ts`)
    }
    return `"${collection}"`
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Serialises access; re-entrant inside a transaction's own async context. */
  private locked<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return Promise.resolve().then(fn)
    const start = async () => {
      while (this.gate) await this.gate
      const current = Promise.resolve().then(fn)
      this.current = current.catch(() => undefined)
      return current
    }
    const run = this.chain.then(start, start)
    this.chain = run.catch(() => undefined)
    return run
  }

  /** the operation now running, if any (settled otherwise) */
  private current: Promise<unknown> = Promise.resolve()
  /** while set, queued operations wait before starting */
  private gate: Promise<void> | null = null

  /**
   * Runs `work` as soon as the operation now running has finished, ahead of those queued behind it, with no
   * other operation running meanwhile (the checkpointer's pause: it should not wait behind a queue of requests).
   */
  private async pauseAll(work: () => Promise<void>): Promise<void> {
    if (this.gate) return
    let open = () => undefined as void
    this.gate = new Promise<void>((r) => {
      open = r
    })
    try {
      await this.current
      await work()
    } finally {
      this.gate = null
      open()
    }
  }

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt(`SELECT json(doc) AS doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as T) : null
  }

  /** a transaction has begun and not yet committed or rolled back */
  private txOpen = false

  /**
   * A read outside a transaction runs at once when no transaction is open: it sees only committed state, and
   * does not queue behind transactions that have not begun (else a request's reads before its own transaction
   * would wait behind every transaction queued by the others, once per read). While a transaction is open (it
   * awaits between its statements) the read waits for it to end.
   */
  private async read<T>(fn: () => T): Promise<T> {
    if (this.inTx.getStore()) return fn()
    while (this.txOpen) await this.current
    return fn()
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.read(() => this.getSync<T>(collection, id))
  }

  find<T extends Doc>(collection: string, options: FindOptions = {}): Promise<T[]> {
    return this.read(() => {
      const { sql, params } = compileWhere(options.where)
      let q = `SELECT json(doc) AS doc FROM ${this.table(collection)}${sql}`
      if (options.orderBy?.length) {
        q += ' ORDER BY ' + options.orderBy.map(([f, d]) => `${expr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
      }
      if (options.limit !== undefined || options.offset !== undefined) {
        q += ' LIMIT ? OFFSET ?'
        params.push(options.limit ?? -1, options.offset ?? 0)
      }
      const { fields } = options
      if (!fields) return (this.stmt(q).all(...params) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T)
      // a projection taken by SQLite (`doc -> path`, in C), so a large document is not parsed whole here (issue #21:
      // a county's month keeps all its units' figures, and each reader wants its own)
      const paths = fields.map(jsonPath)
      const select = `SELECT _id${paths.map((_, i) => `, doc -> ? AS f${i}`).join('')} FROM`
      const rows = this.stmt(q.replace(/^SELECT json\(doc\) AS doc FROM/, select)).all(...paths, ...params) as Array<
        Record<string, string | null>
      >
      return rows.map((r) => {
        const out: Record<string, unknown> = { _id: r._id }
        fields.forEach((f, i) => {
          const v = r[`f${i}`]
          if (v === null || v === undefined) return
          const keys = f.split('.')
          let to = out
          for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Record<string, unknown>
          to[keys[keys.length - 1]!] = JSON.parse(v)
        })
        return out as T
      })
    })
  }

  count(collection: string, where?: Filter): Promise<number> {
    return this.read(() => {
      const { sql, params } = compileWhere(where)
      const row = this.stmt(`SELECT COUNT(*) AS n FROM ${this.table(collection)}${sql}`).get(...params) as { n: number }
      return row.n
    })
  }

  /** one insert, in a transaction of its own here (the same lock and durability as any other write) */
  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.transaction((tx) => tx.insert(collection, doc))
  }

  /** the documents selected, then each changed, in one transaction here (each change atomic, as on CloudBase) */
  updateWhere(collection: string, where: Filter, patch: Patch): Promise<number> {
    return this.transaction(async (tx) => {
      const { sql, params } = compileWhere(where)
      const rows = this.stmt(`SELECT _id FROM ${this.table(collection)}${sql}`).all(...params) as Array<{ _id: string }>
      for (const r of rows) await tx.update(collection, r._id, patch)
      return rows.length
    })
  }

  /** the documents selected removed, in one transaction here */
  removeWhere(collection: string, where: Filter): Promise<number> {
    return this.transaction(async () => {
      const { sql, params } = compileWhere(where)
      return this.stmt(`DELETE FROM ${this.table(collection)}${sql}`).run(...params).changes
    })
  }

  insertMany<T extends Doc>(collection: string, docs: readonly T[]): Promise<void> {
    if (!docs.length) return Promise.resolve()
    return this.transaction((tx) => tx.insertMany(collection, docs))
  }

  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) throw new Error('nested transaction')
    return this.locked(() =>
      this.inTx.run(true, async () => {
        const batched = this.batching
        this.db.exec(batched ? 'SAVEPOINT tx' : 'BEGIN IMMEDIATE')
        this.txOpen = true
        try {
          const result = await fn(this.txStore)
          this.db.exec(batched ? 'RELEASE tx' : 'COMMIT')
          return result
        } catch (err) {
          this.db.exec(batched ? 'ROLLBACK TO tx; RELEASE tx' : 'ROLLBACK')
          throw err
        } finally {
          this.txOpen = false
        }
      }),
    )
  }

  private readonly txStore: RawTx = {
    get: async <T extends Doc>(c: string, id: string) => this.getSync<T>(c, id),
    insert: async (c, doc) => {
      try {
        this.stmt(`INSERT INTO ${this.table(c)} (_id, doc) VALUES (?, jsonb(?))`).run(doc._id, JSON.stringify(doc))
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError(c, doc._id)
        throw err
      }
    },
    // all or none, as CloudBase's insert of a list: a savepoint, so a refused one leaves none of the others behind
    insertMany: async (c, docs) => {
      if (!docs.length) return
      const insert = this.stmt(`INSERT INTO ${this.table(c)} (_id, doc) VALUES (?, jsonb(?))`)
      this.db.exec('SAVEPOINT many')
      try {
        for (const doc of docs) insert.run(doc._id, JSON.stringify(doc))
        this.db.exec('RELEASE many')
      } catch (err) {
        this.db.exec('ROLLBACK TO many; RELEASE many')
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
          const seen = new Set<string>()
          const dup = docs.find((d) => seen.has(d._id) || !seen.add(d._id) || this.getSync(c, d._id) !== null)
          throw new DuplicateKeyError(c, dup?._id ?? docs[0]!._id)
        }
        throw err
      }
    },
    set: async (c, doc) => {
      this.stmt(
        `INSERT INTO ${this.table(c)} (_id, doc) VALUES (?, jsonb(?)) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`,
      ).run(doc._id, JSON.stringify(doc))
    },
    update: async (c: string, id: string, patch: Patch) => {
      const current = this.getSync(c, id)
      if (!current) throw new DocNotFoundError(c, id)
      if ('_id' in patch) throw new Error('cannot update _id')
      const next = { ...current, ...stripUndefined(patch) }
      this.stmt(`UPDATE ${this.table(c)} SET doc = jsonb(?) WHERE _id = ?`).run(JSON.stringify(next), id)
    },
    remove: async (c, id) => {
      this.stmt(`DELETE FROM ${this.table(c)} WHERE _id = ?`).run(id)
    },
    inc: async (c, init, deltas, replace) => {
      const table = this.table(c)
      const set = stripUndefined(replace ?? {})
      const adds = Object.entries(deltas).filter(([, d]) => d) as Array<[string, number]>
      if (!this.stmt(`SELECT 1 AS x FROM ${table} WHERE _id = ?`).get(init._id)) {
        let made: Doc = { ...init, ...set }
        for (const [f, d] of adds) made = addAt(made, f, d)
        this.stmt(`INSERT INTO ${table} (_id, doc) VALUES (?, jsonb(?))`).run(made._id, JSON.stringify(made))
        return 'created'
      }
      // added in place by SQLite (jsonb_set, in C), so a large document is not parsed and written whole here
      const pairs: string[] = []
      const params: Array<string | number> = []
      for (const [k, v] of Object.entries(set)) {
        if (k === '_id') continue
        pairs.push('?, json(?)')
        params.push(jsonPath(assertField(k)), JSON.stringify(v))
      }
      for (const [f, d] of adds) {
        const path = jsonPath(f)
        pairs.push('?, coalesce(doc ->> ?, 0) + ?')
        params.push(path, path, d)
      }
      if (pairs.length)
        this.stmt(`UPDATE ${table} SET doc = jsonb_set(doc, ${pairs.join(', ')}) WHERE _id = ?`).run(
          ...params,
          init._id,
        )
      return 'updated'
    },
    updateIf: async <T extends Doc>(c: string, id: string, where: Filter, change: RawChange) => {
      const { sql, params } = compileWhere(where)
      const row = this.stmt(
        `SELECT json(doc) AS doc FROM ${this.table(c)} WHERE _id = ?${sql ? ` AND ${sql.slice(' WHERE '.length)}` : ''}`,
      ).get(id, ...params) as { doc: string } | undefined
      if (!row) return null
      const next = applyChange(JSON.parse(row.doc) as T, change)
      this.stmt(`UPDATE ${this.table(c)} SET doc = jsonb(?) WHERE _id = ?`).run(JSON.stringify(next), id)
      return next
    },
  }

  /** For diagnostics and the benchmark: the plan SQLite picks for a query. */
  explain(collection: string, options: FindOptions = {}): string[] {
    const { sql, params } = compileWhere(options.where)
    let q = `SELECT json(doc) AS doc FROM ${this.table(collection)}${sql}`
    if (options.orderBy?.length) {
      q += ' ORDER BY ' + options.orderBy.map(([f, d]) => `${expr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
    }
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as Array<{ detail: string }>
    return rows.map((r) => r.detail)
  }

  private batching = false

  /**
   * Benchmark generation only: many action transactions share one commit (each is a savepoint inside an
   * outer transaction, so a failing action still rolls back alone), without fsync, with a larger page cache.
   * What is written is unchanged; only when it reaches the disk. `commitBatch` ends it (call it before close).
   */
  beginBatch(): void {
    if (this.batching) return
    this.db.pragma('synchronous = OFF')
    this.db.pragma('cache_size = -1048576')
    this.db.exec('BEGIN IMMEDIATE')
    this.batching = true
  }

  commitBatch(): void {
    if (!this.batching) return
    this.db.exec('COMMIT')
    this.batching = false
    this.db.pragma('synchronous = NORMAL')
  }

  /** Bulk load for seeds and the benchmark generator: one transaction, no per-document lock. */
  bulkInsert(collection: string, docs: Doc[]): void {
    const ins = this.db.prepare(`INSERT OR REPLACE INTO ${this.table(collection)} (_id, doc) VALUES (?, jsonb(?))`)
    const run = this.db.transaction((items: Doc[]) => {
      for (const d of items) ins.run(d._id, JSON.stringify(d))
    })
    run(docs)
  }

  async close(): Promise<void> {
    await this.checkpointer?.close()
    await this.locked(() => this.db.close())
  }
}

/**
 * WAL checkpoints off the request thread. By default the connection that commits when the WAL passes 1,000
 * pages copies it into the database file and fsyncs both files, inside that request (an `incident.report`
 * writes ~45 pages, so every ~20th report paid for it). Here a second connection in a worker thread does all
 * the copying and every fsync: PASSIVE checkpoints (they never block the writer) every `everyMs`, repeated
 * while much is left, and an fdatasync of the database file after each round.
 *
 * Copying alone does not bound the WAL: SQLite starts the file over only when a write transaction begins with
 * every frame already copied, which under steady writes never happens by itself. Left to the writer's own
 * checkpoint, a request would stall 20–55 ms (its fsync of everything the worker had copied without syncing).
 * So once the WAL holds `restartAt` frames and the worker has nearly caught up, it says `ready`; this thread
 * lets the operation now running finish and starts no other (queued reads wait too: they share the
 * connection) while the worker copies the last frames and syncs them; the next write then restarts the WAL.
 * The request thread never fsyncs and its event loop stays free meanwhile. The writer's own autocheckpoint
 * stays as a backstop at `backstop` frames, should the worker fall behind. Durability is unchanged
 * (synchronous = NORMAL: the WAL is synced before its frames are copied, the database file before the WAL
 * starts over). The worker is `sqlite-checkpointer.cjs`.
 */
export interface CheckpointOptions {
  /** ms between the worker's rounds; 0: no timer, a round runs when `checkpointRound()` asks (tests) */
  everyMs: number
  /** WAL frames (pages) at which the WAL is started over */
  restartAt: number
  /** frames left uncopied (and copied but unsynced) for the worker to ask for the pause */
  slack: number
  /** WAL frames at which the writer checkpoints itself, should the worker fall behind */
  backstop: number
}

/**
 * The WAL starts over every 16,000 frames (64 MB): each restart pauses requests for the last copy and its two
 * fsyncs (3–14 ms here), so the rarer the better, while a WAL of tens of MB costs reads nothing measurable.
 * At 4,000 the pause came every ~200 reports under load and set the p95 (in-process, 1×, c=8: p95 4.1 → 2.1 ms).
 */
const CHECKPOINT: CheckpointOptions = { everyMs: 100, restartAt: 16_000, slack: 256, backstop: 64_000 }

const CHECKPOINTER = join(__dirname, 'sqlite-checkpointer.cjs')

class Checkpointer {
  private readonly worker: Worker
  private exited = false

  constructor(
    db: Database.Database,
    file: string,
    opts: CheckpointOptions,
    private readonly pause: (work: () => Promise<void>) => Promise<unknown>,
  ) {
    db.pragma(`wal_autocheckpoint = ${opts.backstop}`)
    this.worker = new Worker(CHECKPOINTER, {
      workerData: { lib: createRequire(__filename).resolve('better-sqlite3'), file, ...opts },
    })
    this.worker.on('message', (m: unknown) => {
      if (m === 'ready') void this.pause(() => this.finishRound()).catch(() => undefined)
    })
    this.worker.on('exit', () => {
      this.exited = true
    })
    this.worker.on('error', () => undefined)
    this.worker.unref()
  }

  /** Inside the pause: the worker copies and syncs what is left, and answers (or has gone). */
  private finishRound(): Promise<void> {
    if (this.exited) return Promise.resolve()
    return new Promise<void>((done) => {
      const finish = () => {
        clearTimeout(t)
        this.worker.off('message', finish)
        this.worker.off('exit', finish)
        done()
      }
      const t = setTimeout(finish, 2_000)
      this.worker.on('message', finish)
      this.worker.on('exit', finish)
      this.worker.postMessage('go')
    })
  }

  /**
   * One round now; resolves once the worker has answered, with whether it asked for the pause (which then
   * waits for the operation now running, and the next write starts the WAL over).
   */
  round(): Promise<boolean> {
    if (this.exited) return Promise.resolve(false)
    this.worker.ref()
    return new Promise((done) => {
      const answer = (m: unknown) => {
        if (m !== 'ready' && m !== 'idle' && m !== 'exit') return
        this.worker.off('message', answer)
        this.worker.off('exit', gone)
        this.worker.unref()
        done(m === 'ready')
      }
      const gone = () => answer('exit')
      this.worker.on('message', answer)
      this.worker.on('exit', gone)
      this.worker.postMessage('round')
    })
  }

  /** Last checkpoint, then the worker's connection closes and the thread ends. */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve()
    this.worker.ref()
    return new Promise((done) => {
      this.worker.once('exit', () => done())
      this.worker.postMessage('close')
    })
  }
}

/** A field's path as SQLite's JSON functions take it, each key quoted (`$."below"."513328100001-G01"."found"`). */
function jsonPath(path: string): string {
  return (
    '$' +
    assertPath(path)
      .split('.')
      .map((k) => `."${k}"`)
      .join('')
  )
}

function expr(field: string): string {
  if (field === '_id') return '_id'
  // a top-level field as the indexes spell it (an index serves only the same expression); a path below one (a
  // filter on `redeemed.month`) with its keys quoted
  if (!field.includes('.')) return `json_extract(doc, '$.${assertField(field)}')`
  return `json_extract(doc, '${jsonPath(field)}')`
}

function bind(v: Scalar): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0
  return v
}

function stripUndefined(patch: Patch): Patch {
  const out: Patch = {}
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v
  return out
}

function compileWhere(where: Filter | undefined): { sql: string; params: Array<string | number | null> } {
  if (!where) return { sql: '', params: [] }
  const clauses: string[] = []
  const params: Array<string | number | null> = []
  for (const [field, cond] of Object.entries(where)) {
    const e = expr(field)
    if (!isRange(cond)) {
      if (cond === null) clauses.push(`${e} IS NULL`)
      else {
        clauses.push(`${e} = ?`)
        params.push(bind(cond))
      }
      continue
    }
    if (cond.$in) {
      if (cond.$in.length === 0) clauses.push('0')
      else {
        clauses.push(`${e} IN (${cond.$in.map(() => '?').join(', ')})`)
        params.push(...cond.$in.map(bind))
      }
    }
    if (cond.$ne !== undefined) {
      if (cond.$ne === null) clauses.push(`${e} IS NOT NULL`)
      else {
        clauses.push(`(${e} IS NULL OR ${e} != ?)`)
        params.push(bind(cond.$ne))
      }
    }
    for (const [op, sqlOp] of [
      ['$gt', '>'],
      ['$gte', '>='],
      ['$lt', '<'],
      ['$lte', '<='],
    ] as const) {
      const v = cond[op]
      if (v !== undefined) {
        clauses.push(`${e} ${sqlOp} ?`)
        params.push(v)
      }
    }
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params }
}
