import type { DataPort } from '../../cloudfunctions/_core/port'

/**
 * The store as a call sees it: every operation passed through to `db` but those `over` replaces (a test's gate,
 * count or failure).
 */
export function portOver(db: DataPort, over: Partial<DataPort> = {}): DataPort {
  return {
    get: (c, id) => db.get(c, id),
    find: (c, o) => db.find(c, o),
    count: (c, w) => db.count(c, w),
    insert: (c, d) => db.insert(c, d),
    insertMany: (c, ds) => db.insertMany(c, ds),
    updateWhere: (c, w, p) => db.updateWhere(c, w, p),
    removeWhere: (c, w) => db.removeWhere(c, w),
    transaction: (fn) => db.transaction(fn),
    ...over,
  }
}
