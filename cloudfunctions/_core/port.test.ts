import { C } from './collections'
import { getMany, typedPort } from './port'
import { SqlitePort } from './sqlite-port'

describe('getMany', () => {
  it('reads documents by id in queries of 100, skipping the missing and the repeated', async () => {
    const db = new SqlitePort(':memory:')
    db.bulkInsert(
      'users',
      Array.from({ length: 250 }, (_, i) => ({ _id: `u${i}`, name: `居民${i}` })),
    )
    const find = jest.spyOn(db, 'find')
    const ids = [...Array.from({ length: 250 }, (_, i) => `u${249 - i}`), 'u3', 'u7', 'nobody']
    const got = await getMany(typedPort(db), C.users, ids)
    expect(got.size).toBe(250)
    expect(got.get('u0')?.name).toBe('居民0')
    expect(got.get('u249')?.name).toBe('居民249')
    expect(got.has('nobody')).toBe(false)
    expect(find).toHaveBeenCalledTimes(3)
    for (const [, opts] of find.mock.calls)
      expect((opts!.where!._id as { $in: string[] }).$in.length).toBeLessThanOrEqual(100)
    expect((await getMany(typedPort(db), C.users, [])).size).toBe(0)
    await db.close()
  })
})
