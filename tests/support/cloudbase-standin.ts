import { Db } from '@cloudbase/database'
import { EJSON } from 'bson'

/**
 * A stand-in for CloudBase's database service behind the real `@cloudbase/node-sdk`: it replaces only the SDK's
 * request layer (`Db.reqClass`) and answers the wire requests the SDK sends (getDocument, insertDocument,
 * modifyDocument, modifyAndReturnDoc, removeDocument, calculateDocument, start/commit/abortTransaction) from
 * documents in memory. Enough of CloudBase's query language for what `CloudbasePort` sends (equality, `$eq null`,
 * `$in`, `$ne`, ranges, `$and`; orders; skip and limit; `$set`, `$inc` and `$push` with `$each`), so real actions run over the real adapter and a test
 * counts the requests they make. No isolation between transactions: the tests that count run one call at a time.
 */
export interface WireRequest {
  api: string
  params: Record<string, unknown>
}

type Doc = Record<string, unknown> & { _id: string }

export class CloudbaseStandIn {
  readonly collections = new Map<string, Map<string, Doc>>()
  /** every request the SDK sent, in order */
  sent: WireRequest[] = []
  private journals = new Map<string, Array<[string, string, Doc | undefined]>>()
  private txSeq = 0

  /** Installs the stand-in as the SDK's request layer (call after `app.database()`, which sets its own). */
  install(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the SDK constructs the class itself
    const self = this
    ;(Db as unknown as { reqClass: unknown }).reqClass = class {
      async send(api: string, params: Record<string, unknown> = {}) {
        self.sent.push({ api, params })
        return self.answer(api, params)
      }
    }
  }

  load(collection: string, docs: readonly Doc[]): void {
    const m = this.col(collection)
    for (const d of docs) m.set(d._id, structuredClone(d))
  }

  /** Requests sent since the last call (and forgets them). */
  take(): WireRequest[] {
    const out = this.sent
    this.sent = []
    return out
  }

  private col(name: string): Map<string, Doc> {
    let m = this.collections.get(name)
    if (!m) this.collections.set(name, (m = new Map()))
    return m
  }

  private write(tx: unknown, coll: string, id: string, next: Doc | undefined): void {
    const m = this.col(coll)
    if (typeof tx === 'string') this.journals.get(tx)?.push([coll, id, m.get(id)])
    if (next) m.set(id, next)
    else m.delete(id)
  }

  private answer(api: string, p: Record<string, unknown>): unknown {
    const parse = (s: unknown) =>
      typeof s === 'string' ? (EJSON.parse(s, { relaxed: true }) as Record<string, unknown>) : {}
    const coll = String(p.collectionName ?? '')
    const tx = p.transactionId
    switch (api) {
      case 'database.startTransaction': {
        const id = `tx-${++this.txSeq}`
        this.journals.set(id, [])
        return { transactionId: id, requestId: 'r' }
      }
      case 'database.commitTransaction':
        this.journals.delete(String(tx))
        return { requestId: 'r' }
      case 'database.abortTransaction': {
        const journal = this.journals.get(String(tx)) ?? []
        for (const [c, id, prev] of journal.reverse()) this.write(null, c, id, prev)
        this.journals.delete(String(tx))
        return { requestId: 'r' }
      }
      case 'database.getDocument': {
        const query = parse(p.query)
        let docs = [...this.col(coll).values()].filter((d) => matches(d, query))
        const order = parse(p.order) as Record<string, number>
        const keys = Object.entries(order)
        if (keys.length)
          docs.sort((a, b) => {
            for (const [k, dir] of keys) {
              const c = compare(a[k], b[k])
              if (c) return dir < 0 ? -c : c
            }
            return 0
          })
        docs = docs.slice(Number(p.offset ?? 0), Number(p.offset ?? 0) + Number(p.limit ?? 100))
        // an inclusion projection (`field({ a: true, 'b.c': true })`): those paths and `_id`
        const projection = Object.keys(parse(p.projection))
        if (projection.length) docs = docs.map((d) => project(d, projection))
        return { data: { list: docs.map((d) => EJSON.stringify(d, { relaxed: false })) }, requestId: 'r' }
      }
      case 'database.calculateDocument':
        return { data: { total: [...this.col(coll).values()].filter((d) => matches(d, parse(p.query))).length } }
      case 'database.insertDocument': {
        const docs = (p.data as string[]).map((s) => parse(s) as Doc)
        for (const d of docs)
          if (this.col(coll).has(d._id)) return { code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key' }
        for (const d of docs) this.write(tx, coll, d._id, d)
        return { data: { insertedIds: docs.map((d) => d._id) }, requestId: 'r' }
      }
      case 'database.modifyDocument': {
        if (p.queryType === 'WHERE') {
          // where(…).update(…): $set on every document the query selects (outside a transaction)
          const query = parse(p.query)
          const data = parse(p.data)
          const ops = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
          let updated = 0
          for (const d of [...this.col(coll).values()].filter((x) => matches(x, query))) {
            const next: Doc = structuredClone(d)
            for (const [k, v] of Object.entries((ops.$set ?? {}) as Record<string, unknown>)) next[k] = v
            this.write(tx, coll, d._id, next)
            updated += 1
          }
          return { data: { updated }, requestId: 'r' }
        }
        const id = String(parse(p.query)._id)
        const data = parse(p.data)
        const current = this.col(coll).get(id)
        if (!p.merge) {
          // set: the whole document, created when missing
          this.write(tx, coll, id, { _id: id, ...data })
          return { data: { updated: current ? 1 : 0, upsert_id: current ? undefined : id }, requestId: 'r' }
        }
        if (!current) return { data: { updated: 0 }, requestId: 'r' }
        this.write(tx, coll, id, applyOps(current, data))
        return { data: { updated: 1 }, requestId: 'r' }
      }
      case 'database.modifyAndReturnDoc': {
        // where(…).updateAndReturn(…): the first document the query selects, changed, and returned as changed
        const current = [...this.col(coll).values()].find((d) => matches(d, parse(p.query)))
        if (!current) return { data: { updated: 0, doc: null }, requestId: 'r' }
        const next = applyOps(current, parse(p.data))
        this.write(tx, coll, current._id, next)
        return { data: { updated: 1, doc: EJSON.stringify(next, { relaxed: false }) }, requestId: 'r' }
      }
      case 'database.removeDocument': {
        if (p.queryType === 'WHERE') {
          // where(…).remove(): every document the query selects (outside a transaction)
          const gone = [...this.col(coll).values()].filter((d) => matches(d, parse(p.query)))
          for (const d of gone) this.write(tx, coll, d._id, undefined)
          return { data: { deleted: gone.length }, requestId: 'r' }
        }
        const id = String(parse(p.query)._id)
        const had = this.col(coll).has(id)
        this.write(tx, coll, id, undefined)
        return { data: { deleted: had ? 1 : 0 }, requestId: 'r' }
      }
      default:
        return { code: 'STANDIN_UNKNOWN_API', message: api }
    }
  }
}

/** An update's operators (`$set`, `$inc`, `$push` with `$each`; plain fields as `$set`) made to a copy. */
function applyOps(current: Doc, data: Record<string, unknown>): Doc {
  const next: Doc = structuredClone(current)
  const ops = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
  for (const [k, v] of Object.entries((ops.$set ?? {}) as Record<string, unknown>)) next[k] = v
  // a dotted key adds into embedded documents, made when missing (MongoDB's `$inc` on `a.b.c`)
  for (const [k, v] of Object.entries((ops.$inc ?? {}) as Record<string, number>)) {
    const keys = k.split('.')
    let at: Record<string, unknown> = next
    for (const key of keys.slice(0, -1)) {
      if (at[key] === null || typeof at[key] !== 'object') at[key] = {}
      at = at[key] as Record<string, unknown>
    }
    const last = keys[keys.length - 1]!
    at[last] = Number(at[last] ?? 0) + Number(v)
  }
  for (const [k, v] of Object.entries((ops.$push ?? {}) as Record<string, { $each: unknown[] }>))
    next[k] = [...((next[k] as unknown[] | undefined) ?? []), ...v.$each]
  return next
}

function project(doc: Doc, paths: string[]): Doc {
  const out: Doc = { _id: doc._id }
  for (const path of paths) {
    const keys = path.split('.')
    let from: unknown = doc
    for (const k of keys) from = from && typeof from === 'object' ? (from as Record<string, unknown>)[k] : undefined
    if (from === undefined) continue
    let to: Record<string, unknown> = out
    for (const k of keys.slice(0, -1)) {
      if (!to[k] || typeof to[k] !== 'object') to[k] = {}
      to = to[k] as Record<string, unknown>
    }
    to[keys[keys.length - 1]!] = from
  }
  return out
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === undefined || a === null) return -1
  if (b === undefined || b === null) return 1
  return (a as number) < (b as number) ? -1 : 1
}

function matches(doc: Doc, query: Record<string, unknown>): boolean {
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and') {
      if (!(cond as Array<Record<string, unknown>>).every((q) => matches(doc, q))) return false
      continue
    }
    // a dotted key reads into embedded documents (MongoDB's `a.b` in a query)
    let value: unknown = doc
    for (const k of field.split('.'))
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined
    if (cond !== null && typeof cond === 'object' && !Array.isArray(cond)) {
      for (const [op, arg] of Object.entries(cond as Record<string, unknown>)) {
        const ok =
          op === '$eq'
            ? arg === null
              ? value === null || value === undefined
              : value === arg
            : op === '$in'
              ? (arg as unknown[]).includes(value ?? null)
              : op === '$ne'
                ? value !== arg
                : op === '$gt'
                  ? value !== undefined && value !== null && compare(value, arg) > 0
                  : op === '$gte'
                    ? value !== undefined && value !== null && compare(value, arg) >= 0
                    : op === '$lt'
                      ? value !== undefined && value !== null && compare(value, arg) < 0
                      : op === '$lte'
                        ? value !== undefined && value !== null && compare(value, arg) <= 0
                        : false
        if (!ok) return false
      }
    } else if (value !== cond) return false
  }
  return true
}
