import type { Unit, UnitRef } from '@shared/account/account.schema'
import { C } from './collections'
import type { DataPort } from './port'

/**
 * Cached reads of the administrative tree. Units change rarely (a new grid, a renamed village), so a
 * warm instance keeps them for a few minutes; every access check reads a unit's path from here.
 */
export class UnitDirectory {
  private cache = new Map<string, { unit: Unit | null; at: number }>()
  constructor(
    private readonly db: DataPort,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async get(id: string): Promise<Unit | null> {
    const hit = this.cache.get(id)
    const now = Date.now()
    if (hit && now - hit.at < this.ttlMs) return hit.unit
    const unit = await this.db.get(C.units, id)
    this.cache.set(id, { unit, at: now })
    return unit
  }

  async ref(id: string): Promise<UnitRef | null> {
    const unit = await this.get(id)
    if (!unit) return null
    const names: string[] = []
    for (const pid of unit.path) {
      const u = pid === id ? unit : await this.get(pid)
      if (u && (u.level !== 'prefecture' || pid === id)) names.push(u.name)
    }
    return { id: unit._id, name: unit.name, level: unit.level, fullName: names.join(' › ') }
  }

  /** Whether `outerId` is `innerId` or one of its ancestors (a unit contains itself). */
  async contains(outerId: string, innerId: string): Promise<boolean> {
    const inner = await this.get(innerId)
    return !!inner && unitContains(outerId, inner)
  }

  /** Children of a unit (or the roots), by name. */
  async children(parentId: string | null): Promise<Unit[]> {
    return this.db.find(C.units, { where: { parentId }, orderBy: [['name', 'asc']], limit: 500 })
  }

  private memos = new Map<string, { value: Promise<unknown>; at: number }>()

  /**
   * Something derived from the tree (the grids under a county, say), kept as long as a unit is: a county's
   * figures would otherwise walk its ~180 grids on every request, and the walk grows with the tree while the
   * figures' rows do not.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.memos.get(key)
    const now = Date.now()
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>
    const value = load()
    this.memos.set(key, { value, at: now })
    value.catch(() => this.memos.delete(key))
    return value
  }

  invalidate(id?: string): void {
    if (id) this.cache.delete(id)
    else this.cache.clear()
    this.memos.clear()
  }
}

/** "Unit A contains unit B", by B's path (its ancestors from the root, itself last): the one way it is asked. */
export function unitContains(outerId: string, inner: Pick<Unit, 'path'>): boolean {
  return inner.path.includes(outerId)
}
