/**
 * The data port: the one narrow interface every action reads and writes through. Two adapters
 * implement it: CloudBase's document database (production) and an embedded SQLite file (local
 * host and tests). It is deliberately no wider than what CloudBase transactions allow: inside a
 * transaction only documents addressed by id are read and written, so uniqueness that matters
 * (one check-in per checkpoint and patrol, one order per request) is carried by deterministic ids.
 */
export type Scalar = string | number | boolean | null

export interface Range {
  $in?: Scalar[]
  $ne?: Scalar
  $gt?: number | string
  $gte?: number | string
  $lt?: number | string
  $lte?: number | string
}

/** Top-level field → value (equality; null also matches a missing field) or a range/in condition. */
export type Filter = Record<string, Scalar | Range>

export interface FindOptions {
  where?: Filter
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>
  limit?: number
  offset?: number
}

export interface Doc {
  _id: string
  [field: string]: unknown
}

/** Field values to replace at the top level (never a deep merge, on either adapter). */
export type Patch = Record<string, unknown>

export interface TxStore {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>
  /** Fails with DuplicateKeyError if a document with this _id exists. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>
  /** Creates or replaces the whole document. */
  set<T extends Doc>(collection: string, doc: T): Promise<void>
  /** Replaces the given top-level fields; fails with NotFoundError if the document is missing. */
  update(collection: string, id: string, patch: Patch): Promise<void>
  remove(collection: string, id: string): Promise<void>
}

export interface DataPort {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>
  find<T extends Doc>(collection: string, options?: FindOptions): Promise<T[]>
  count(collection: string, where?: Filter): Promise<number>
  /** Runs fn atomically: all of its writes land, or none do. */
  transaction<T>(fn: (tx: TxStore) => Promise<T>): Promise<T>
  close?(): Promise<void>
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`duplicate _id ${id} in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

export class DocNotFoundError extends Error {
  constructor(readonly collection: string, readonly id: string) {
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

export function isRange(v: Scalar | Range): v is Range {
  return typeof v === 'object' && v !== null
}

/**
 * Documents by id, by `_id in (…)` queries of 100 (one round trip each on CloudBase) instead of one read per
 * id: what an export or a list needs to name the people and households in it. Missing ids are absent.
 */
export async function getMany<T extends Doc>(db: Pick<DataPort, 'find'>, collection: string, ids: Iterable<string>): Promise<Map<string, T>> {
  const all = [...new Set(ids)]
  const out = new Map<string, T>()
  const chunks: string[][] = []
  for (let i = 0; i < all.length; i += 100) chunks.push(all.slice(i, i + 100))
  for (const docs of await Promise.all(chunks.map((c) => db.find<T>(collection, { where: { _id: { $in: c } }, limit: c.length })))) {
    for (const d of docs) out.set(d._id, d)
  }
  return out
}
