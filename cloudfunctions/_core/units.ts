import type { Unit, UnitRef } from '../../shared/account/account.schema'
import type { DataPort } from './port'

/**
 * Cached reads of the administrative tree. Units change rarely (a new grid, a renamed village), so a
 * warm instance keeps them for a few minutes; every access check reads a unit's path from here.
 */
export class UnitDirectory {
  private cache = new Map<string, { unit: Unit | null; at: number }>()
  constructor(private readonly db: DataPort, private readonly ttlMs = 5 * 60_000) {}

  async get(id: string): Promise<Unit | null> {
    const hit = this.cache.get(id)
    const now = Date.now()
    if (hit && now - hit.at < this.ttlMs) return hit.unit
    const unit = await this.db.get<Unit>('units', id)
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

  /** Children of a unit (or the roots), by name. */
  async children(parentId: string | null): Promise<Unit[]> {
    return this.db.find<Unit>('units', { where: { parentId }, orderBy: [['name', 'asc']], limit: 500 })
  }

  invalidate(id?: string): void {
    if (id) this.cache.delete(id)
    else this.cache.clear()
  }
}
