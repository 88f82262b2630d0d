import Database from 'better-sqlite3'
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { COLLECTIONS, type CollectionSpec } from './collections'
import {
  assertField, isRange, DocNotFoundError, DuplicateKeyError,
  type DataPort, type Doc, type Filter, type FindOptions, type Patch, type Scalar, type TxStore,
} from './port'

/**
 * The embedded adapter: one SQLite file, one table per collection holding JSON documents, with
 * expression indexes on the fields the collection spec lists. One connection; every operation takes
 * an async lock, so a transaction (BEGIN IMMEDIATE … COMMIT) sees and writes alone and nobody reads
 * its uncommitted state. WAL keeps committed data across a killed process.
 */
export class SqlitePort implements DataPort {
  private readonly db: Database.Database
  private readonly collections: Record<string, CollectionSpec>
  private readonly inTx = new AsyncLocalStorage<true>()
  private chain: Promise<unknown> = Promise.resolve()
  private readonly statements = new Map<string, Database.Statement>()

  constructor(file: string, collections: Record<string, CollectionSpec> = COLLECTIONS) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.collections = collections
    this.migrate()
    if (file !== ':memory:') this.checkpointer = startCheckpointer(this.db, file)
  }

  /** Copies the WAL into the database file off the request path (see startCheckpointer). */
  private readonly checkpointer: Worker | null = null

  private migrate(): void {
    const run = this.db.transaction(() => {
      for (const [name, spec] of Object.entries(this.collections)) {
        this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`)
        for (const fields of spec.indexes) this.createIndex(name, fields, false)
        for (const fields of spec.unique ?? []) this.createIndex(name, fields, true)
      }
    })
    run()
  }

  private createIndex(table: string, fields: string[], unique: boolean): void {
    if (fields.length === 0) return
    const name = `${unique ? 'ux' : 'ix'}_${table}_${fields.join('_')}`
    const cols = fields.map((f) => expr(f)).join(', ')
    this.db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${table}" (${cols})`)
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
    const run = this.chain.then(fn, fn)
    this.chain = run.catch(() => undefined)
    return run
  }

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt(`SELECT doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      | { doc: string }
      | undefined
    return row ? (JSON.parse(row.doc) as T) : null
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.locked(() => this.getSync<T>(collection, id))
  }

  find<T extends Doc>(collection: string, options: FindOptions = {}): Promise<T[]> {
    return this.locked(() => {
      const { sql, params } = compileWhere(options.where)
      let q = `SELECT doc FROM ${this.table(collection)}${sql}`
      if (options.orderBy?.length) {
        q += ' ORDER BY ' + options.orderBy.map(([f, d]) => `${expr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
      }
      if (options.limit !== undefined || options.offset !== undefined) {
        q += ' LIMIT ? OFFSET ?'
        params.push(options.limit ?? -1, options.offset ?? 0)
      }
      const rows = this.stmt(q).all(...params) as Array<{ doc: string }>
      return rows.map((r) => JSON.parse(r.doc) as T)
    })
  }

  count(collection: string, where?: Filter): Promise<number> {
    return this.locked(() => {
      const { sql, params } = compileWhere(where)
      const row = this.stmt(`SELECT COUNT(*) AS n FROM ${this.table(collection)}${sql}`).get(...params) as { n: number }
      return row.n
    })
  }

  transaction<T>(fn: (tx: TxStore) => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) throw new Error('nested transaction')
    return this.locked(() =>
      this.inTx.run(true, async () => {
        const batched = this.batching
        this.db.exec(batched ? 'SAVEPOINT tx' : 'BEGIN IMMEDIATE')
        try {
          const result = await fn(this.txStore)
          this.db.exec(batched ? 'RELEASE tx' : 'COMMIT')
          return result
        } catch (err) {
          this.db.exec(batched ? 'ROLLBACK TO tx; RELEASE tx' : 'ROLLBACK')
          throw err
        }
      }),
    )
  }

  private readonly txStore: TxStore = {
    get: async <T extends Doc>(c: string, id: string) => this.getSync<T>(c, id),
    insert: async (c, doc) => {
      try {
        this.stmt(`INSERT INTO ${this.table(c)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError(c, doc._id)
        throw err
      }
    },
    set: async (c, doc) => {
      this.stmt(`INSERT OR REPLACE INTO ${this.table(c)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
    },
    update: async (c: string, id: string, patch: Patch) => {
      const current = this.getSync(c, id)
      if (!current) throw new DocNotFoundError(c, id)
      if ('_id' in patch) throw new Error('cannot update _id')
      const next = { ...current, ...stripUndefined(patch) }
      this.stmt(`UPDATE ${this.table(c)} SET doc = ? WHERE _id = ?`).run(JSON.stringify(next), id)
    },
    remove: async (c, id) => {
      this.stmt(`DELETE FROM ${this.table(c)} WHERE _id = ?`).run(id)
    },
  }

  /** For diagnostics and the benchmark: the plan SQLite picks for a query. */
  explain(collection: string, options: FindOptions = {}): string[] {
    const { sql, params } = compileWhere(options.where)
    let q = `SELECT doc FROM ${this.table(collection)}${sql}`
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
    const ins = this.db.prepare(`INSERT OR REPLACE INTO ${this.table(collection)} (_id, doc) VALUES (?, ?)`)
    const run = this.db.transaction((items: Doc[]) => {
      for (const d of items) ins.run(d._id, JSON.stringify(d))
    })
    run(docs)
  }

  async close(): Promise<void> {
    const w = this.checkpointer
    if (w) {
      w.ref()
      await new Promise((done) => { w.once('exit', done); w.postMessage('close') })
    }
    await this.locked(() => this.db.close())
  }
}

/**
 * WAL checkpoints mostly in a worker thread. By default the connection that commits when the WAL passes 1,000
 * pages copies it into the database file and fsyncs, inside that request: measured on the 0.1× bench data, 1,500
 * `incident.report`s in a row took a mean 1.8–2.9 ms (p95 6.8–12 ms) with it and 1.3 ms (p95 2.8–3.7 ms) without.
 * Here a second connection in a worker runs a PASSIVE checkpoint (never blocks the writer) every 200 ms. Under
 * continuous writes the WAL only restarts after a checkpoint by the writer itself, so the writer still checkpoints
 * at 10,000 pages (what is left to copy is then small; the WAL stays bounded). Durability is unchanged.
 */
function startCheckpointer(db: Database.Database, file: string): Worker {
  db.pragma('wal_autocheckpoint = 10000')
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { lib: createRequire(__filename).resolve('better-sqlite3'), file, everyMs: 200 } })
  worker.unref()
  return worker
}

const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.lib)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close() })
`

function expr(field: string): string {
  if (field === '_id') return '_id'
  return `json_extract(doc, '$.${assertField(field)}')`
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
    for (const [op, sqlOp] of [['$gt', '>'], ['$gte', '>='], ['$lt', '<'], ['$lte', '<=']] as const) {
      const v = cond[op]
      if (v !== undefined) {
        clauses.push(`${e} ${sqlOp} ?`)
        params.push(v)
      }
    }
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params }
}
