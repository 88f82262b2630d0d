import type { Db } from '@cloudbase/database'
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
import {
  addAt,
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
  type Range,
  type RawChange,
  type RawTx,
} from './port'

type CbDb = Db
// The SDK's typings describe results loosely; these are the shapes it returns (see its transaction code).
interface CbResult {
  code?: string
  message?: string
  data?: unknown
  total?: number
  updated?: number
  /** updateAndReturn: the document as changed */
  doc?: unknown
}

/**
 * The production adapter: CloudBase's document database through @cloudbase/node-sdk. Transactions
 * use runTransaction (retried by the SDK on write conflicts), so two functions racing for the same
 * stock or balance document serialise there as they do on the embedded store.
 */
export class CloudbasePort implements RawPort {
  /** CloudBase caps a server-side query at 1000 documents. */
  static readonly MAX_LIMIT = 1000

  constructor(private readonly db: CbDb) {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const res = check(await this.db.collection(collection).doc(id).get())
    const list = res.data as T[]
    return list[0] ?? null
  }

  /**
   * The documents the filter selects, up to `limit`, as on the embedded store. CloudBase answers at most 1,000 a
   * query, so a larger limit is read in pages of 1,000 (one request while the first page is not full), in an order
   * made total by `_id` last, so that no page skips or repeats a document.
   */
  async find<T extends Doc>(collection: string, options: FindOptions = {}): Promise<T[]> {
    const MAX = CloudbasePort.MAX_LIMIT
    const want = options.limit ?? MAX
    const order = options.orderBy ?? []
    const orderBy: NonNullable<FindOptions['orderBy']> =
      want > MAX && !order.some(([f]) => f === '_id') ? [...order, ['_id', 'asc']] : order
    const where = toCloudbase(this.db, options.where ?? {})
    const out: T[] = []
    let offset = options.offset ?? 0
    for (;;) {
      const n = Math.min(want - out.length, MAX)
      let q = this.db.collection(collection).where(where)
      for (const [field, dir] of orderBy) q = q.orderBy(assertField(field), dir)
      if (offset) q = q.skip(offset)
      if (options.fields) q = q.field(Object.fromEntries(options.fields.map((f) => [assertPath(f), true])))
      const page = check(await q.limit(n).get()).data as T[]
      out.push(...page)
      if (page.length < n || out.length >= want) return out
      offset += page.length
    }
  }

  async count(collection: string, where: Filter = {}): Promise<number> {
    const res = check(await this.db.collection(collection).where(toCloudbase(this.db, where)).count())
    return res.total ?? 0
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await addAll(this.db.collection(collection), collection, [doc])
  }

  async insertMany<T extends Doc>(collection: string, docs: readonly T[]): Promise<void> {
    await addAll(this.db.collection(collection), collection, docs)
  }

  async updateWhere(collection: string, where: Filter, patch: Patch): Promise<number> {
    const _ = this.db.command
    const data: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(patch))
      if (v !== undefined) data[assertField(k)] = v !== null && typeof v === 'object' ? _.set(v) : v
    const res = check(await this.db.collection(collection).where(toCloudbase(this.db, where)).update(data))
    return res.updated ?? 0
  }

  async removeWhere(collection: string, where: Filter): Promise<number> {
    const res = check(await this.db.collection(collection).where(toCloudbase(this.db, where)).remove()) as CbResult & {
      deleted?: number
    }
    return res.deleted ?? 0
  }

  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
    const _ = this.db.command
    const run = this.db.runTransaction as (cb: (t: Transaction) => Promise<T>, times: number) => Promise<T>
    return run.call(
      this.db,
      async (t) => {
        const tx: RawTx = {
          get: async <D extends Doc>(c: string, id: string) => {
            const res = check(await t.collection(c).doc(id).get())
            return (res.data as D | null) ?? null
          },
          insert: (c, doc) => addAll(t.collection(c), c, [doc]),
          insertMany: (c, docs) => addAll(t.collection(c), c, docs),
          set: async (c, doc) => {
            const { _id, ...rest } = doc
            check(await t.collection(c).doc(_id).set(rest))
          },
          update: async (c: string, id: string, patch: Patch) => {
            const data: Record<string, unknown> = {}
            // Replace object and array values whole: CloudBase would otherwise merge nested fields.
            for (const [k, v] of Object.entries(patch)) {
              if (v === undefined) continue
              data[assertField(k)] = v !== null && typeof v === 'object' ? _.set(v) : v
            }
            const res = check(await t.collection(c).doc(id).update(data))
            if (res.updated === 0) {
              const exists = check(await t.collection(c).doc(id).get())
              if (!exists.data) throw new DocNotFoundError(c, id)
            }
          },
          remove: async (c, id) => {
            check(await t.collection(c).doc(id).remove())
          },
          inc: async (c, init, deltas, replace = {}) => {
            const data: Record<string, unknown> = {}
            for (const [k, v] of Object.entries(replace))
              if (v !== undefined) data[assertField(k)] = v !== null && typeof v === 'object' ? _.set(v) : v
            for (const [k, v] of Object.entries(deltas)) if (v) data[assertPath(k)] = _.inc(v)
            // nothing to add or set (CloudBase refuses an empty update): the document need only exist
            const res = Object.keys(data).length
              ? check(await t.collection(c).doc(init._id).update(data))
              : { updated: check(await t.collection(c).doc(init._id).get()).data ? 1 : 0 }
            if (res.updated) return 'updated'
            // missing: create it with the additions (a twin creating it at once conflicts, and runTransaction retries)
            let doc: Doc = { ...init }
            for (const [k, v] of Object.entries(replace)) if (v !== undefined) doc[k] = v
            for (const [k, v] of Object.entries(deltas)) if (v) doc = addAt(doc, k, v)
            const added = (await t.collection(c).add(doc)) as CbResult
            if (added.code) {
              if (isDuplicate(added)) throw new DuplicateKeyError(c, init._id)
              throw cbError(added)
            }
            return 'created'
          },
          // one request: CloudBase's findAndModify, which the SDK sends with the transaction's id
          updateIf: async <D extends Doc>(c: string, id: string, where: Filter, change: RawChange) => {
            const data = changeData(this.db, change)
            if (!Object.keys(data).length) throw new Error('updateIf: nothing to change')
            const q = t.collection(c).where(toCloudbase(this.db, { ...where, _id: id }))
            const res = check(await q.updateAndReturn(data)) as CbResult
            return res.updated ? ((res.doc as D | undefined) ?? null) : null
          },
        }
        return fn(tx)
      },
      5,
    )
  }
}

/**
 * New documents in one request (`add` takes a list, in a transaction too): all of them or none. A duplicate id among
 * them, or one already stored, is a DuplicateKeyError (naming the document when there is one).
 */
async function addAll(
  coll: { add(data: unknown): Promise<unknown> },
  collection: string,
  docs: readonly Doc[],
): Promise<void> {
  if (!docs.length) return
  const ids = new Set(docs.map((d) => d._id))
  if (ids.size < docs.length)
    throw new DuplicateKeyError(collection, docs.find((d, i) => docs.findIndex((e) => e._id === d._id) !== i)!._id)
  const res = (await coll.add(docs.length === 1 ? docs[0] : [...docs])) as CbResult
  if (res.code) {
    if (isDuplicate(res))
      throw new DuplicateKeyError(collection, docs.length === 1 ? docs[0]!._id : duplicateId(res, docs))
    throw cbError(res)
  }
}

/** The id a duplicate-key refusal names (MongoDB's E11000 message carries the key), else the first document's. */
function duplicateId(res: CbResult, docs: readonly Doc[]): string {
  const text = String(res.message ?? '')
  return docs.find((d) => text.includes(d._id))?._id ?? docs[0]!._id
}

/** A change → CloudBase's update: object and list values replaced whole (`_.set`), `_.inc`, `_.push` of the items. */
function changeData(db: CbDb, change: RawChange): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(change.set ?? {}))
    if (v !== undefined) data[assertField(k)] = v !== null && typeof v === 'object' ? _.set(v) : v
  for (const [k, v] of Object.entries(change.inc ?? {})) if (v) data[assertPath(k)] = _.inc(v)
  for (const [k, items] of Object.entries(change.push ?? {}))
    if (items?.length) data[assertField(k)] = _.push([...items])
  return data
}

/** Our filter → CloudBase's where object with db.command operators. */
function toCloudbase(db: CbDb, where: Filter): Record<string, unknown> {
  const _ = db.command
  const out: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(where)) {
    assertPath(field)
    if (!isRange(cond)) {
      out[field] = cond === null ? _.eq(null) : cond
      continue
    }
    const parts: unknown[] = []
    const r = cond as Range
    if (r.$in) parts.push(_.in(r.$in))
    if (r.$ne !== undefined) parts.push(_.neq(r.$ne))
    if (r.$gt !== undefined) parts.push(_.gt(r.$gt))
    if (r.$gte !== undefined) parts.push(_.gte(r.$gte))
    if (r.$lt !== undefined) parts.push(_.lt(r.$lt))
    if (r.$lte !== undefined) parts.push(_.lte(r.$lte))
    out[field] = parts.length === 1 ? parts[0] : _.and(...(parts as Parameters<typeof _.and>))
  }
  return out
}

function isDuplicate(res: CbResult): boolean {
  return /duplicate|E11000|DUPLICATE/i.test(`${res.code} ${res.message}`)
}

function cbError(res: CbResult): Error {
  const err = new Error(`CloudBase ${res.code}: ${res.message}`)
  ;(err as Error & { code?: string }).code = res.code
  return err
}

function check<R>(res: R): R & CbResult {
  const r = res as R & CbResult
  if (r && r.code) throw cbError(r)
  return r
}
