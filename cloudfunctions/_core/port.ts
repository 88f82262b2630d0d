/**
 * The data port: the one narrow interface every action reads and writes through. Two adapters
 * implement it: CloudBase's document database (production) and an embedded SQLite file (local
 * host and tests). It is deliberately no wider than what CloudBase transactions allow: inside a
 * transaction only documents addressed by id are read and written, so uniqueness that matters
 * (one check-in per checkpoint and patrol, one order per request) is carried by deterministic ids.
 */
import { createHash } from 'node:crypto'
import type { CollectionName, DocOf } from './collections'

export type Scalar = string | number | boolean | null

export interface Range {
  $in?: Scalar[]
  $ne?: Scalar
  $gt?: number | string
  $gte?: number | string
  $lt?: number | string
  $lte?: number | string
}

/**
 * Field → value (equality; null also matches a missing field) or a range/in condition. A field is a top-level one
 * or a path below one (`redeemed.month`, as `assertPath` allows).
 */
export type Filter = Record<string, Scalar | Range>

export interface FindOptions {
  where?: Filter
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>
  limit?: number
  offset?: number
  /**
   * Only these fields of each document, with its `_id` (paths as `assertPath`): for a reader of one part of a large
   * document (a county's month, for one of its grids). CloudBase's `field()` projection; the same cut here.
   */
  fields?: readonly string[]
}

export interface Doc {
  _id: string
  [field: string]: unknown
}

/** Field values to replace at the top level (never a deep merge, on either adapter). */
export type Patch = Record<string, unknown>

/**
 * What the adapters implement (SQLite, CloudBase): documents by collection name. Domain code never sees this
 * shape; it gets the typed `DataPort` below, where a misspelt collection or a wrong document fails the typecheck.
 */
export interface RawTx {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>
  /** Fails with DuplicateKeyError if a document with this _id exists. */
  insert<T extends Doc = Doc>(collection: string, doc: T): Promise<void>
  /** Several new documents of one collection in one request; all land or none (DuplicateKeyError). */
  insertMany<T extends Doc = Doc>(collection: string, docs: readonly T[]): Promise<void>
  /** Creates or replaces the whole document. */
  set<T extends Doc = Doc>(collection: string, doc: T): Promise<void>
  /** Replaces the given top-level fields; fails with DocNotFoundError if the document is missing. */
  update(collection: string, id: string, patch: Patch): Promise<void>
  remove(collection: string, id: string): Promise<void>
  /**
   * Adds to numeric fields without reading the document first (a counter): top-level, or at a path into a map
   * (`assertPath`); a missing document is created as `init` with the additions made to it. Says which it did (on CloudBase a creation is a second
   * request: the update that found nothing, then the insert).
   */
  inc(
    collection: string,
    init: Doc,
    deltas: Partial<Record<string, number>>,
    replace?: Patch,
  ): Promise<'updated' | 'created'>
  /**
   * Changes the document only if it matches `where`, and returns it as changed; null, with nothing changed, when it
   * is missing or does not match. One request (CloudBase: `where(…).updateAndReturn`).
   */
  updateIf<T extends Doc = Doc>(collection: string, id: string, where: Filter, change: RawChange): Promise<T | null>
}

/** What `updateIf` does to a document: top-level fields replaced, numbers added to, items appended to lists. */
export interface RawChange {
  set?: Patch
  inc?: Partial<Record<string, number>>
  push?: Partial<Record<string, readonly unknown[]>>
}

export interface RawPort {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>
  find<T extends Doc = Doc>(collection: string, options?: FindOptions): Promise<T[]>
  count(collection: string, where?: Filter): Promise<number>
  /**
   * One new document on its own, outside any transaction (a single document's write is atomic by itself: one
   * request on CloudBase, where a transaction of one insert is three). Fails with DuplicateKeyError if its _id exists.
   */
  insert<T extends Doc = Doc>(collection: string, doc: T): Promise<void>
  /** Several new documents of one collection, outside any transaction, in one request. */
  insertMany<T extends Doc = Doc>(collection: string, docs: readonly T[]): Promise<void>
  /** Replaces top-level fields of every document the filter selects, outside any transaction; how many changed. */
  updateWhere(collection: string, where: Filter, patch: Patch): Promise<number>
  /** Removes every document the filter selects, outside any transaction; how many it removed. */
  removeWhere(collection: string, where: Filter): Promise<number>
  /** Runs fn atomically: all of its writes land, or none do. */
  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>
  close?(): Promise<void>
}

/** The fields of a collection's document that a patch may replace (never its id). */
export type PatchOf<N extends CollectionName> = Partial<Omit<DocOf<N>, '_id'>>

/** Reads and writes by id inside one transaction (all CloudBase transactions allow). */
export interface TxStore {
  get<N extends CollectionName>(collection: N, id: string): Promise<DocOf<N> | null>
  /** Fails with DuplicateKeyError if a document with this _id exists. */
  insert<N extends CollectionName>(collection: N, doc: DocOf<N>): Promise<void>
  /**
   * Several new documents of one collection in one request (CloudBase's insert takes a list, in a transaction too):
   * all of them, or, if one's _id exists or two share one, none (DuplicateKeyError). Nothing for an empty list.
   */
  insertMany<N extends CollectionName>(collection: N, docs: ReadonlyArray<DocOf<N>>): Promise<void>
  /** Creates or replaces the whole document. */
  set<N extends CollectionName>(collection: N, doc: DocOf<N>): Promise<void>
  /** Replaces the given top-level fields; fails with DocNotFoundError if the document is missing. */
  update<N extends CollectionName>(collection: N, id: string, patch: PatchOf<N>): Promise<void>
  remove<N extends CollectionName>(collection: N, id: string): Promise<void>
  /**
   * Adds `deltas` to numeric fields of the document `init._id` without reading it first (one request on
   * CloudBase: `_.inc`); a missing document is created as `init` with the deltas added. For counters whose new
   * value the action does not need: what must be compared (stock, balances, slots) is read with `get`.
   * `replace` sets top-level fields in the same request (a name the counter shows). Returns whether it created it.
   */
  inc<N extends CollectionName>(
    collection: N,
    init: DocOf<N>,
    deltas: Partial<Record<NumericKeys<DocOf<N>> | `${MapKeys<DocOf<N>>}.${string}`, number>>,
    replace?: PatchOf<N>,
  ): Promise<'updated' | 'created'>
  /**
   * A read, a comparison and a write of one document in one request (issue #21; CloudBase's
   * `where({ _id, …where }).updateAndReturn(…)`, which takes part in the transaction): changes the document `id` only
   * if it still matches `where` (what must hold for the write: stock enough, a slot free, a status not yet moved),
   * and returns it as changed. Null, with nothing changed, when it is missing or does not match: the caller reads
   * it then to say why. Of two transactions changing it at once one fails and runs again, as with get-then-update.
   */
  updateIf<N extends CollectionName>(
    collection: N,
    id: string,
    where: Filter,
    change: Change<DocOf<N>>,
  ): Promise<DocOf<N> | null>
}

/**
 * What `updateIf` does: top-level fields replaced (`set`), numbers added to (`inc`: a top-level field, or one in a
 * map below one, `<map>.<key>[.<field>]`, made when missing), items appended (`push`).
 */
export interface Change<D> {
  set?: Partial<Omit<D, '_id'>>
  inc?: Partial<Record<NumericKeys<D> | MapPaths<D>, number>>
  push?: Partial<Record<ListKeys<D>, readonly unknown[]>>
}

/** The fields of a document type that hold lists (what `push` may append to). */
export type ListKeys<D> = {
  [K in keyof D]-?: NonNullable<D[K]> extends readonly unknown[] ? K : never
}[keyof D] &
  string

/** The fields of a document type that hold maps of numbers by key (what `inc` may add into, by path). */
export type MapKeys<D> = {
  [K in keyof D]-?: NonNullable<D[K]> extends Record<string, Record<string, number> | number>
    ? NonNullable<D[K]> extends readonly unknown[]
      ? never
      : K
    : never
}[keyof D] &
  string

/** Paths to numbers in a document type's maps (`<map>.<key>`), none for a type without maps. */
export type MapPaths<D> = [MapKeys<D>] extends [never]
  ? never
  : string extends MapKeys<D>
    ? never
    : `${MapKeys<D>}.${string}`

/** The fields of a document type that hold numbers (what `inc` may add to). */
export type NumericKeys<D> = { [K in keyof D]-?: NonNullable<D[K]> extends number ? K : never }[keyof D] & string

/** The one narrow port every action reads and writes through, typed by the collections file. */
export interface DataPort {
  get<N extends CollectionName>(collection: N, id: string): Promise<DocOf<N> | null>
  find<N extends CollectionName>(collection: N, options?: FindOptions): Promise<Array<DocOf<N>>>
  count<N extends CollectionName>(collection: N, where?: Filter): Promise<number>
  /**
   * One new document on its own, outside any transaction: for a write that is that document alone (a send record,
   * a media check, a new account). One request on CloudBase, not a transaction's three. Fails with
   * DuplicateKeyError if a document with this _id exists.
   */
  insert<N extends CollectionName>(collection: N, doc: DocOf<N>): Promise<void>
  /** Several new documents of one collection, outside any transaction: one request, all of them or none. */
  insertMany<N extends CollectionName>(collection: N, docs: ReadonlyArray<DocOf<N>>): Promise<void>
  /**
   * Replaces top-level fields of every document the filter selects, in one request outside any transaction: each
   * document's change is atomic by itself, so of two at once each document is changed by one whose filter still
   * selected it (a claim: `{ state: 'pending' } → { state: <this run's token> }`). Returns how many it changed.
   */
  updateWhere<N extends CollectionName>(collection: N, where: Filter, patch: PatchOf<N>): Promise<number>
  /**
   * Removes every document the filter selects, in one request outside any transaction (CloudBase's
   * `where(…).remove()`): for what is kept only for a time (push records, console tickets). Returns how many.
   */
  removeWhere<N extends CollectionName>(collection: N, where: Filter): Promise<number>
  /** Runs fn atomically: all of its writes land, or none do. */
  transaction<T>(fn: (tx: TxStore) => Promise<T>): Promise<T>
  close?(): Promise<void>
}

/**
 * An adapter seen through the collections file's types. The shapes are the same at run time (collection names
 * are strings, documents are objects); only the compiler's view changes.
 */
export function typedPort(raw: RawPort): DataPort {
  return raw as unknown as DataPort
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate _id ${id} in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/**
 * A transaction found that what `load` read before it has changed since (a document it guards by a deterministic id,
 * such as a case's next timeline entry, was written meanwhile): nothing of it lands, and the wrapper runs the action
 * again from `load`, which reads the new state.
 */
export class StaleReadError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection} ${id} changed since it was read`)
    this.name = 'StaleReadError'
  }
}

export class DocNotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`no document ${id} in ${collection}`)
    this.name = 'DocNotFoundError'
  }
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Field names reach SQL json paths and CloudBase keys: only plain identifiers are allowed. */
export function assertField(field: string): string {
  if (!FIELD.test(field)) throw new Error(`bad field name ${field}`)
  return field
}

/**
 * A counter's path: a top-level field, or a number kept in a map below one (`below.<unit id>.<field>`: issue #21,
 * a county's month keeps its townships', villages' and grids' figures). Map keys may hold ids (digits, `-`).
 */
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+){0,2}$/
const OBJECT_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
export function assertPath(path: string): string {
  if (!PATH.test(path) || path.split('.').some((k) => OBJECT_KEYS.has(k))) throw new Error(`bad field path ${path}`)
  return path
}

/**
 * An id as a key of a map in a document (`below.<key>.<field>`): the id itself when it is letters, digits, `_` and `-`
 * (every unit code and generated id), else a digest of it (ids may also hold `.` and `:`, which a path cannot).
 */
export function mapKey(id: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(id) && !OBJECT_KEYS.has(id)) return id
  return `k_${createHash('sha256').update(id).digest('hex').slice(0, 24)}`
}

/** `doc` with `d` added at `path` (maps along it made when missing), copying only what it changes. */
export function addAt<T extends Doc>(doc: T, path: string, d: number): T {
  const [head, ...rest] = assertPath(path).split('.') as [string, ...string[]]
  const add = (obj: Record<string, unknown>, key: string, tail: string[]): Record<string, unknown> => {
    if (!tail.length) return { ...obj, [key]: Number(obj[key] ?? 0) + d }
    const inner = obj[key]
    const map = inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : {}
    return { ...obj, [key]: add(map, tail[0]!, tail.slice(1)) }
  }
  return add(doc, head, rest) as T
}

/** The fields `paths` of a document, with its `_id` (what a projection returns: absent fields stay absent). */
export function pickFields<T extends Doc>(doc: T, paths: readonly string[]): T {
  const out: Record<string, unknown> = { _id: doc._id }
  for (const path of paths) {
    const keys = assertPath(path).split('.')
    let from: unknown = doc
    for (const k of keys)
      from = from !== null && typeof from === 'object' ? (from as Record<string, unknown>)[k] : undefined
    if (from === undefined) continue
    let to = out
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Record<string, unknown>
    to[keys[keys.length - 1]!] = from
  }
  return out as T
}

export function isRange(v: Scalar | Range): v is Range {
  return typeof v === 'object' && v !== null
}

/** The value at a field or a path below one (`redeemed.month`); undefined where it is missing. */
export function valueAt(doc: Doc, field: string): unknown {
  if (!field.includes('.')) return doc[field]
  let v: unknown = doc
  for (const k of assertPath(field).split('.')) v = v !== null && typeof v === 'object' ? (v as Doc)[k] : undefined
  return v
}

/** Does a document match a filter, as both adapters read it (null also matches a missing field)? For in-memory stores. */
export function matchesFilter(doc: Doc, where: Filter): boolean {
  for (const [field, cond] of Object.entries(where)) {
    const v = valueAt(doc, field) ?? null
    if (!isRange(cond)) {
      if (v !== cond) return false
      continue
    }
    if (cond.$in && !cond.$in.includes(v as Scalar)) return false
    if (cond.$ne !== undefined && v === cond.$ne) return false
    // a range never selects a missing field
    const x = v as number | string
    if (cond.$gt !== undefined && !(v !== null && x > cond.$gt)) return false
    if (cond.$gte !== undefined && !(v !== null && x >= cond.$gte)) return false
    if (cond.$lt !== undefined && !(v !== null && x < cond.$lt)) return false
    if (cond.$lte !== undefined && !(v !== null && x <= cond.$lte)) return false
  }
  return true
}

/** A document with a change made to it (`updateIf` on the embedded and in-memory stores). */
export function applyChange<T extends Doc>(doc: T, change: RawChange): T {
  const next: Doc = { ...doc }
  for (const [k, v] of Object.entries(change.set ?? {})) if (v !== undefined) next[assertField(k)] = v
  let added: Doc = next
  for (const [k, d] of Object.entries(change.inc ?? {})) if (d) added = addAt(added, k, d)
  Object.assign(next, added)
  for (const [k, items] of Object.entries(change.push ?? {}))
    if (items) next[assertField(k)] = [...((next[k] as unknown[] | null | undefined) ?? []), ...items]
  return next as T
}

/**
 * Documents by id, by `_id in (…)` queries of 100 (one round trip each on CloudBase) instead of one read per
 * id: what an export or a list needs to name the people and households in it. Missing ids are absent.
 */
export async function getMany<N extends CollectionName>(
  db: Pick<DataPort, 'find'>,
  collection: N,
  ids: Iterable<string>,
): Promise<Map<string, DocOf<N>>> {
  const all = [...new Set(ids)]
  const out = new Map<string, DocOf<N>>()
  const chunks: string[][] = []
  for (let i = 0; i < all.length; i += 100) chunks.push(all.slice(i, i + 100))
  for (const docs of await Promise.all(
    chunks.map((c) => db.find(collection, { where: { _id: { $in: c } }, limit: c.length })),
  )) {
    for (const d of docs) out.set(d._id, d)
  }
  return out
}

/** A document that must exist, or the domain's own "not found" error (load-or-error, written once). */
export async function getOr<N extends CollectionName>(
  db: Pick<DataPort, 'get'> | TxStore,
  collection: N,
  id: string,
  notFound: () => Error,
): Promise<DocOf<N>> {
  const doc = await db.get(collection, id)
  if (!doc) throw notFound()
  return doc
}
