import type { Page, PageInput } from '@shared/common.schema'
import type { CollectionName, DocOf } from './collections'
import type { DataPort, Filter } from './port'

/**
 * One page of a collection's documents in an indexed order, with the total (two requests in parallel). For
 * large tables whose total is kept by counters, pass the total instead and read `limit + 1` (see `pageOf`).
 */
export async function findPage<N extends CollectionName>(
  db: Pick<DataPort, 'find' | 'count'>,
  collection: N,
  where: Filter,
  orderBy: Array<[string, 'asc' | 'desc']>,
  { page, pageSize }: PageInput,
): Promise<Page<DocOf<N>>> {
  const [items, total] = await Promise.all([
    db.find(collection, { where, orderBy, limit: pageSize, offset: (page - 1) * pageSize }),
    db.count(collection, where),
  ])
  return pageOf(items, { page, pageSize }, total)
}

/** The page envelope of the contract's `pageOf` schemas. */
export function pageOf<T>(items: T[], { page, pageSize }: PageInput, total: number): Page<T> {
  return { items, page, pageSize, total, hasMore: page * pageSize < total }
}
