import { SqlitePort } from './sqlite-port'
import { UnitDirectory } from './units'

describe('UnitDirectory', () => {
  it('keeps a derived value as long as units, loads it once for callers at the same time, and forgets it when told', async () => {
    const db = new SqlitePort(':memory:', { units: { indexes: [['parentId', 'name']] } })
    const dir = new UnitDirectory(db, 60_000)
    let loads = 0
    const load = async () => {
      loads += 1
      return db.count('units')
    }
    await db.transaction((tx) => tx.insert('units', { _id: 'a', parentId: null, name: 'A' }))
    expect(await Promise.all([dir.memo('n', load), dir.memo('n', load)])).toEqual([1, 1])
    await db.transaction((tx) => tx.insert('units', { _id: 'b', parentId: 'a', name: 'B' }))
    expect(await dir.memo('n', load)).toBe(1)
    expect(loads).toBe(1)
    dir.invalidate()
    expect(await dir.memo('n', load)).toBe(2)
    const stale = new UnitDirectory(db, 0)
    await stale.memo('n', load)
    await stale.memo('n', load)
    expect(loads).toBe(4)
    await expect(dir.memo('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(await dir.memo('bad', async () => 7)).toBe(7)
    await db.close()
  })
})
