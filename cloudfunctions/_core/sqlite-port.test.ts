import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { SqlitePort } from './sqlite-port'
import { DocNotFoundError, DuplicateKeyError, mapKey, matchesFilter, type Doc, type Filter } from './port'

const SPEC = { things: { indexes: [['kind', 'n']] }, requests: { indexes: [] } }
interface Thing extends Doc {
  kind: string
  n: number
  flag?: boolean
  tag?: string | null
  nested?: { a: number }
  items?: string[]
}

function tmpFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'linli-port-')), 'test.db')
}

describe('SqlitePort', () => {
  let db: SqlitePort
  beforeEach(() => {
    db = new SqlitePort(':memory:', SPEC)
  })
  afterEach(() => db.close())

  it('inc adds without a read first, creates a missing document once, and loses no addition under concurrency', async () => {
    const init: Thing = { _id: 'c', kind: 'counter', n: 0 }
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.transaction((tx) => tx.inc('things', init, { n: i % 2 ? 2 : 1 }))),
    )
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1)
    expect((await db.get<Thing>('things', 'c'))?.n).toBe(20 * 1 + 20 * 2)
    // fields replaced alongside; zero additions change nothing; a rolled-back addition is gone
    await db.transaction((tx) => tx.inc('things', init, { n: 0 }, { tag: 'kept' }))
    await expect(
      db.transaction(async (tx) => {
        await tx.inc('things', init, { n: 100 })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await db.get<Thing>('things', 'c')).toEqual({ _id: 'c', kind: 'counter', n: 60, tag: 'kept' })
  })

  it('inc adds at a path into maps (made when missing); find returns only the fields asked for, with _id', async () => {
    const init = { _id: 'm', kind: 'month', n: 0 } as Thing
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction((tx) =>
          tx.inc('things', init, { n: 1, [`below.u-${i % 3}.found`]: 1, [`below.u-${i % 3}.closed`]: i % 2 } as never),
        ),
      ),
    )
    const doc = (await db.get('things', 'm')) as unknown as { n: number; below: Record<string, Record<string, number>> }
    expect(doc.n).toBe(30)
    expect(doc.below).toEqual({
      'u-0': { found: 10, closed: 5 },
      'u-1': { found: 10, closed: 5 },
      'u-2': { found: 10, closed: 5 },
    })
    const [cut] = await db.find('things', { where: { kind: 'month' }, fields: ['kind', 'below.u-1', 'absent'] })
    expect(cut).toEqual({ _id: 'm', kind: 'month', below: { 'u-1': { found: 10, closed: 5 } } })
    const [deep] = await db.find('things', { where: { kind: 'month' }, fields: ['below.u-2.found'] })
    expect(deep).toEqual({ _id: 'm', below: { 'u-2': { found: 10 } } })
    // a path that is not a plain one is refused, whatever its keys
    for (const bad of ['below.__proto__.x', 'a..b', 'a.b.c.d', '$where', 'a.b c'])
      await expect(db.transaction((tx) => tx.inc('things', init, { [bad]: 1 } as never))).rejects.toThrow('bad field')
    await expect(db.find('things', { where: {}, fields: ['below.constructor'] })).rejects.toThrow('bad field')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    // fields replaced alongside, of every JSON type, on a document that is there (changed in place)
    await db.transaction((tx) =>
      tx.inc(
        'things',
        init,
        { n: 2, 'below.u-0.found': 1 } as never,
        {
          tag: null,
          flag: true,
          nested: { a: 3 },
          items: ['x'],
          kind: 'month',
        } as never,
      ),
    )
    expect(await db.get('things', 'm')).toMatchObject({
      n: 32,
      tag: null,
      flag: true,
      nested: { a: 3 },
      items: ['x'],
      below: { 'u-0': { found: 11, closed: 5 } },
    })
    // an id as a map key: kept when it is a plain one, else a digest (ids may hold '.' and ':')
    expect(mapKey('513328100001-G01')).toBe('513328100001-G01')
    for (const odd of ['org.a:b', 'a.b', '__proto__', 'x:y']) {
      expect(mapKey(odd)).toMatch(/^k_[0-9a-f]{24}$/)
      await db.transaction((tx) => tx.inc('things', init, { [`below.${mapKey(odd)}.found`]: 1 } as never))
    }
    expect(new Set(['org.a:b', 'a.b', 'x:y'].map(mapKey)).size).toBe(3)
  })

  it('inserts, reads, updates top-level fields and refuses duplicates', async () => {
    await db.transaction((tx) => tx.insert<Thing>('things', { _id: 'a', kind: 'x', n: 1, nested: { a: 1 } }))
    await expect(db.transaction((tx) => tx.insert('things', { _id: 'a', kind: 'y', n: 2 }))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    )
    await db.transaction((tx) => tx.update('things', 'a', { n: 5, nested: { a: 2 } }))
    expect(await db.get<Thing>('things', 'a')).toEqual({ _id: 'a', kind: 'x', n: 5, nested: { a: 2 } })
    await expect(db.transaction((tx) => tx.update('things', 'missing', { n: 1 }))).rejects.toBeInstanceOf(
      DocNotFoundError,
    )
  })

  it('insertMany: all of the documents or none, in a transaction or on its own; insert on its own refuses a duplicate', async () => {
    await db.insertMany<Thing>('things', [
      { _id: 'm1', kind: 'm', n: 1 },
      { _id: 'm2', kind: 'm', n: 2 },
    ])
    expect(await db.count('things', { kind: 'm' })).toBe(2)
    // one already there, or two sharing an id: none of the list lands, and the transaction may go on without them
    const kept = await db.transaction(async (tx) => {
      const refused = await tx
        .insertMany<Thing>('things', [
          { _id: 'm3', kind: 'm', n: 3 },
          { _id: 'm1', kind: 'm', n: 9 },
        ])
        .catch((e: unknown) => e)
      await tx.insert<Thing>('things', { _id: 'm4', kind: 'm', n: 4 })
      return refused
    })
    expect(kept).toBeInstanceOf(DuplicateKeyError)
    expect((kept as DuplicateKeyError).id).toBe('m1')
    await expect(
      db.insertMany<Thing>('things', [
        { _id: 'm5', kind: 'm', n: 5 },
        { _id: 'm5', kind: 'm', n: 6 },
      ]),
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(
      (await db.find<Thing>('things', { where: { kind: 'm' }, orderBy: [['n', 'asc']] })).map((t) => t._id),
    ).toEqual(['m1', 'm2', 'm4'])
    expect((await db.get<Thing>('things', 'm1'))?.n).toBe(1)
    await expect(db.insert('things', { _id: 'm2', kind: 'm', n: 0 })).rejects.toBeInstanceOf(DuplicateKeyError)
    await db.insertMany('things', [])
    expect(await db.count('things', {})).toBe(3)
  })

  it('updateWhere: sets fields on every document selected, and of two claims at once each document goes to one', async () => {
    await db.insertMany<Thing>(
      'things',
      Array.from({ length: 30 }, (_, i) => ({ _id: `w${i}`, kind: 'w', n: i, tag: 'pending' })),
    )
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((t) => db.updateWhere('things', { kind: 'w', tag: 'pending' }, { tag: t })),
    )
    expect(claims.reduce((x, y) => x + y, 0)).toBe(30)
    const rows = await db.find<Thing>('things', { where: { kind: 'w' }, limit: 100 })
    const byTag = new Map<string, number>()
    for (const r of rows) byTag.set(r.tag!, (byTag.get(r.tag!) ?? 0) + 1)
    expect([...byTag.values()].reduce((x, y) => x + y, 0)).toBe(30)
    expect(byTag.has('pending')).toBe(false)
    expect(claims).toEqual(['a', 'b', 'c'].map((t) => byTag.get(t) ?? 0))
    expect(await db.updateWhere('things', { tag: 'pending' }, { tag: 'x' })).toBe(0)
    expect((await db.get<Thing>('things', 'w3'))?.n).toBe(3)
  })

  it('updateIf: changes a document only while it matches, returns it as changed, and never oversells under concurrency', async () => {
    await db.transaction((tx) => tx.insert<Thing>('things', { _id: 's', kind: 'stock', n: 10, items: ['a'] }))
    // 30 at once each take 1 while at least 1 is left: exactly 10 do
    const taken = await Promise.all(
      Array.from({ length: 30 }, () =>
        db.transaction((tx) => tx.updateIf<Thing>('things', 's', { n: { $gte: 1 } }, { inc: { n: -1 } })),
      ),
    )
    expect(taken.filter(Boolean)).toHaveLength(10)
    expect(
      taken
        .filter(Boolean)
        .map((d) => d!.n)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect((await db.get<Thing>('things', 's'))?.n).toBe(0)
    // no match (or no document): null, nothing changed
    expect(await db.transaction((tx) => tx.updateIf('things', 's', { n: { $gte: 1 } }, { inc: { n: -1 } }))).toBeNull()
    expect(await db.transaction((tx) => tx.updateIf('things', 'none', {}, { set: { tag: 'x' } }))).toBeNull()
    // set, inc and push in one; the returned document is the stored one
    const changed = await db.transaction((tx) =>
      tx.updateIf<Thing>(
        'things',
        's',
        { kind: 'stock' },
        { set: { tag: 't' }, inc: { n: 5 }, push: { items: ['b', 'c'] } },
      ),
    )
    expect(changed).toEqual({ _id: 's', kind: 'stock', n: 5, tag: 't', items: ['a', 'b', 'c'] })
    expect(await db.get('things', 's')).toEqual(changed)
    // rolled back with its transaction
    await expect(
      db.transaction(async (tx) => {
        await tx.updateIf('things', 's', {}, { inc: { n: 100 } })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect((await db.get<Thing>('things', 's'))?.n).toBe(5)
  })

  it('a filter and an updateIf inc may name a path below a field (issue #21: an account’s month of redemptions)', async () => {
    await db.transaction((tx) =>
      tx.insert('things', { _id: 'a', kind: 'acct', n: 10, m: { month: '2026-04', goods: { soap: 1 } } }),
    )
    await db.transaction((tx) => tx.insert('things', { _id: 'b', kind: 'acct', n: 10, m: { month: '2026-03' } }))
    expect((await db.find('things', { where: { 'm.month': '2026-04' } })).map((d) => d._id)).toEqual(['a'])
    expect((await db.find('things', { where: { 'm.goods.soap': { $gte: 1 } } })).map((d) => d._id)).toEqual(['a'])
    // null also matches a path that is missing
    expect((await db.find('things', { where: { 'm.goods.soap': null } })).map((d) => d._id)).toEqual(['b'])
    const inc = (id: string) =>
      db.transaction((tx) =>
        tx.updateIf('things', id, { 'm.month': '2026-04', n: { $gte: 3 } }, { inc: { n: -3, 'm.goods.rice': 2 } }),
      )
    expect(await inc('a')).toEqual({
      _id: 'a',
      kind: 'acct',
      n: 7,
      m: { month: '2026-04', goods: { soap: 1, rice: 2 } },
    })
    expect(await inc('b')).toBeNull()
    expect(await db.get('things', 'b')).toEqual({ _id: 'b', kind: 'acct', n: 10, m: { month: '2026-03' } })
    expect(await db.get('things', 'a')).toMatchObject({ n: 7, m: { goods: { soap: 1, rice: 2 } } })
    // the in-memory matcher reads a path the same way
    expect(matchesFilter((await db.get('things', 'a'))!, { 'm.goods.rice': 2, 'm.month': '2026-04' })).toBe(true)
    expect(matchesFilter((await db.get('things', 'b'))!, { 'm.goods.rice': { $gte: 0 } })).toBe(false)
    // a path that is not one (quotes, too deep, an object's own keys) is refused, never put in SQL
    for (const bad of ["m.x'); DROP TABLE things; --", 'm.a.b.c', 'm.__proto__'])
      await expect(db.find('things', { where: { [bad]: 1 } })).rejects.toThrow('bad field')
  })

  it('removeWhere: removes every document selected and no other, and says how many', async () => {
    db.bulkInsert(
      'things',
      Array.from({ length: 10 }, (_, i) => ({ _id: `r${i}`, kind: i < 4 ? 'old' : 'new', n: i })),
    )
    expect(await db.removeWhere('things', { kind: 'old', n: { $lt: 3 } })).toBe(3)
    expect(await db.removeWhere('things', { kind: 'old', n: { $lt: 3 } })).toBe(0)
    expect((await db.find<Thing>('things', { orderBy: [['_id', 'asc']] })).map((d) => d._id)).toEqual([
      'r3',
      'r4',
      'r5',
      'r6',
      'r7',
      'r8',
      'r9',
    ])
  })

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert('things', { _id: 'b', kind: 'x', n: 1 })
        await tx.insert('things', { _id: 'c', kind: 'x', n: 2 })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.count('things')).toBe(0)
  })

  it('refuses undeclared collections and unsafe field names', async () => {
    await expect(db.find('nope')).rejects.toThrow(/not declared/)
    await expect(db.find('things', { where: { "kind') = 1 OR ('": 'x' } })).rejects.toThrow(/bad field/)
  })

  it('serialises concurrent read-modify-write transactions: no lost updates', async () => {
    await db.transaction((tx) => tx.insert<Thing>('things', { _id: 'counter', kind: 'c', n: 0 }))
    await Promise.all(
      Array.from({ length: 100 }, () =>
        db.transaction(async (tx) => {
          const cur = (await tx.get<Thing>('things', 'counter'))!
          await Promise.resolve() // yield between read and write, as a real action does
          await tx.update('things', 'counter', { n: cur.n + 1 })
        }),
      ),
    )
    expect((await db.get<Thing>('things', 'counter'))!.n).toBe(100)
  })

  it('filters match a plain in-memory evaluation (property)', async () => {
    const docs: Thing[] = Array.from({ length: 60 }, (_, i) => ({
      _id: `t${i}`,
      kind: ['a', 'b', 'c'][i % 3] as string,
      n: (i * 7) % 23,
      flag: i % 4 === 0,
      tag: i % 5 === 0 ? null : `g${i % 2}`,
    }))
    db.bulkInsert('things', docs)
    const condArb: fc.Arbitrary<Filter> = fc.record(
      {
        kind: fc.oneof(fc.constantFrom('a', 'b', 'c', 'z'), fc.record({ $in: fc.subarray(['a', 'b', 'c']) })),
        n: fc.record(
          { $gte: fc.integer({ min: 0, max: 23 }), $lt: fc.integer({ min: 0, max: 24 }) },
          { requiredKeys: [] },
        ),
        flag: fc.boolean(),
        tag: fc.oneof(fc.constant(null), fc.constantFrom('g0', 'g1'), fc.record({ $ne: fc.constantFrom(null, 'g0') })),
      },
      { requiredKeys: [] },
    )
    const matches = (d: Thing, f: Filter): boolean =>
      Object.entries(f).every(([k, c]) => {
        const v = (d as unknown as Record<string, unknown>)[k] ?? null
        if (c === null || typeof c !== 'object') return v === c
        if (c.$in && !c.$in.includes(v as string)) return false
        if (c.$ne !== undefined && v === c.$ne) return false
        if (c.$gte !== undefined && !((v as number) >= (c.$gte as number))) return false
        if (c.$lt !== undefined && !((v as number) < (c.$lt as number))) return false
        return true
      })
    await fc.assert(
      fc.asyncProperty(condArb, async (where) => {
        const got = (await db.find<Thing>('things', { where, orderBy: [['_id', 'asc']] })).map((d) => d._id).sort()
        const want = docs
          .filter((d) => matches(d, where))
          .map((d) => d._id)
          .sort()
        expect(got).toEqual(want)
        expect(await db.count('things', where)).toBe(want.length)
        // the in-memory stores' matcher (updateIf there) reads a filter the same way
        expect(
          docs
            .filter((d) => matchesFilter(d, where))
            .map((d) => d._id)
            .sort(),
        ).toEqual(want)
      }),
      { numRuns: 150 },
    )
  })

  it('orders, limits and pages through an index', async () => {
    db.bulkInsert(
      'things',
      Array.from({ length: 30 }, (_, i) => ({ _id: `p${i}`, kind: 'k', n: i })),
    )
    const page2 = await db.find<Thing>('things', {
      where: { kind: 'k' },
      orderBy: [['n', 'desc']],
      limit: 10,
      offset: 10,
    })
    expect(page2.map((d) => d.n)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10])
    expect(db.explain('things', { where: { kind: 'k' }, orderBy: [['n', 'desc']] }).join(' ')).toMatch(
      /USING INDEX ix_things_kind_n/,
    )
  })

  it('in a generation batch, a failed transaction still rolls back alone and the rest commit together', async () => {
    db.beginBatch()
    await db.transaction((tx) => tx.insert('things', { _id: 'b1', kind: 'x', n: 1 }))
    await expect(
      db.transaction(async (tx) => {
        await tx.insert('things', { _id: 'b2', kind: 'x', n: 2 })
        await tx.insert('things', { _id: 'b1', kind: 'x', n: 3 })
      }),
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    await db.transaction((tx) => tx.update('things', 'b1', { n: 4 }))
    db.commitBatch()
    expect((await db.find<Thing>('things', { orderBy: [['_id', 'asc']] })).map((d) => [d._id, d.n])).toEqual([
      ['b1', 4],
    ])
  })
})

describe('SqlitePort storage', () => {
  it('keeps documents as binary JSON; a document written as text before is read, found and changed the same', async () => {
    const file = tmpFile()
    const first = new SqlitePort(file, SPEC)
    await first.close()
    // a document as an older version of this adapter wrote it: JSON text
    const raw = new Database(file)
    const old = { _id: 'old', kind: 'month', n: 4, below: { 'u-1': { found: 2 } }, tag: '旧' }
    raw.prepare('INSERT INTO things (_id, doc) VALUES (?, ?)').run(old._id, JSON.stringify(old))
    raw.close()

    const db = new SqlitePort(file, SPEC)
    try {
      expect(await db.get('things', 'old')).toEqual(old)
      expect(await db.find('things', { where: { kind: 'month', n: { $gte: 4 } } })).toEqual([old])
      expect(await db.find('things', { where: { kind: 'month' }, fields: ['below.u-1.found', 'tag'] })).toEqual([
        { _id: 'old', below: { 'u-1': { found: 2 } }, tag: '旧' },
      ])
      const init = { _id: 'old', kind: 'month', n: 0 } as Thing
      await db.transaction((tx) => tx.inc('things', init, { n: 1, 'below.u-1.found': 1 } as never))
      await db.transaction((tx) => tx.insert<Thing>('things', { _id: 'new', kind: 'x', n: 1, flag: false }))
      expect(await db.get('things', 'old')).toEqual({ ...old, n: 5, below: { 'u-1': { found: 3 } } })
      expect(await db.get('things', 'new')).toEqual({ _id: 'new', kind: 'x', n: 1, flag: false })
    } finally {
      await db.close()
    }
    const after = new Database(file, { readonly: true })
    const types = after.prepare('SELECT _id, typeof(doc) AS t FROM things ORDER BY _id').all()
    after.close()
    // both kept as binary from their (next) write
    expect(types).toEqual([
      { _id: 'new', t: 'blob' },
      { _id: 'old', t: 'blob' },
    ])
  })
})

describe('SqlitePort durability', () => {
  it('keeps committed data across a restart', async () => {
    const file = tmpFile()
    const a = new SqlitePort(file, SPEC)
    await a.transaction((tx) => tx.insert('things', { _id: 'keep', kind: 'x', n: 1 }))
    await a.close()
    const b = new SqlitePort(file, SPEC)
    expect(await b.get('things', 'keep')).toMatchObject({ n: 1 })
    await b.close()
  })

  it('checkpoints off the request thread and closes cleanly: everything committed is in the file afterwards', async () => {
    const file = tmpFile()
    const a = new SqlitePort(file, SPEC)
    for (let i = 0; i < 2000; i++)
      await a.transaction((tx) => tx.insert('things', { _id: `w${i}`, kind: 'k', n: i, pad: 'x'.repeat(400) }))
    await new Promise((r) => setTimeout(r, 300))
    await a.close()
    expect(existsSync(`${file}-wal`)).toBe(false)
    const b = new SqlitePort(file, SPEC)
    expect(await b.count('things', { kind: 'k' })).toBe(2000)
    await b.close()
  })

  /** The WAL header's checkpoint sequence number: SQLite adds one each time the WAL starts over. */
  function walRestarts(file: string): number {
    const fd = openSync(`${file}-wal`, 'r')
    const header = Buffer.alloc(32)
    readSync(fd, header, 0, 32, 0)
    closeSync(fd)
    return header.readUInt32BE(12)
  }

  /**
   * Writes that never stop, with the checkpointer driven by hand (no timer): one transaction in 20 runs a worker
   * round while it is still open, so each round finds a writer at work, as it would under steady writes, and
   * copies everything but that transaction. Whether the WAL starts over then depends only on the frames
   * written, never on how the two threads happen to be scheduled (the generous timeouts are for a busy machine).
   */
  async function writeWithRounds(restartAt: number): Promise<{ restarts: number; asks: number; frames: number }> {
    const file = tmpFile()
    // the backstop is out of reach, so only the worker's pause can start the WAL over
    const a = new SqlitePort(file, SPEC, { checkpoint: { everyMs: 0, restartAt, slack: 40, backstop: 1_000_000 } })
    const started = walRestarts(file)
    const pad = 'x'.repeat(3000)
    let asks = 0
    for (let i = 0; i < 1200; i++) {
      await a.transaction(async (tx) => {
        await tx.insert('things', { _id: `w${i}`, kind: 'k', n: i, pad })
        if (i % 20 === 10 && (await a.checkpointRound())) asks += 1
      })
    }
    const restarts = walRestarts(file) - started
    const frames = statSync(`${file}-wal`).size / (4096 + 24)
    expect(await a.count('things', { kind: 'k' })).toBe(1200)
    await a.close()
    const b = new SqlitePort(file, SPEC)
    expect(await b.count('things', { kind: 'k' })).toBe(1200)
    await b.close()
    return { restarts, asks, frames }
  }

  it('starts the WAL over under continuous writes, without the writer ever checkpointing itself', async () => {
    const { restarts, asks, frames } = await writeWithRounds(200)
    // ~6,000 frames were written (see below); each pause the worker asked for started the WAL over at the next
    // write, and a restarted WAL reuses the file from its start: it never grew much past the restart point
    expect(asks).toBeGreaterThanOrEqual(10)
    expect(restarts).toBe(asks)
    expect(frames).toBeLessThan(1000)
  }, 30_000)

  it('never starts the WAL over under continuous writes without the pause', async () => {
    const { restarts, asks, frames } = await writeWithRounds(1_000_000)
    expect(asks).toBe(0)
    expect(restarts).toBe(0)
    expect(frames).toBeGreaterThan(5000)
  }, 30_000)

  it('closes promptly while the worker is waiting for its pause, and keeps every write', async () => {
    const file = tmpFile()
    const a = new SqlitePort(file, SPEC, {
      checkpoint: { everyMs: 1, restartAt: 20, slack: 1000, backstop: 1_000_000 },
    })
    const writes: Array<Promise<unknown>> = []
    for (let i = 0; i < 300; i++) {
      writes.push(a.transaction((tx) => tx.insert('things', { _id: `c${i}`, kind: 'k', n: i, pad: 'y'.repeat(2000) })))
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2))
    }
    const t = Date.now()
    await Promise.all([...writes, a.close()])
    expect(Date.now() - t).toBeLessThan(1500)
    const b = new SqlitePort(file, SPEC)
    expect(await b.count('things', { kind: 'k' })).toBe(300)
    await b.close()
  })

  it('drops an index it made once the spec no longer lists it, and keeps the data', async () => {
    const file = tmpFile()
    const a = new SqlitePort(file, { things: { indexes: [['kind', 'n'], ['tag']] } })
    await a.transaction((tx) => tx.insert('things', { _id: 'd', kind: 'k', n: 1, tag: 't' }))
    expect(a.explain('things', { where: { tag: 't' } }).join(' ')).toMatch(/ix_things_tag/)
    await a.close()
    const b = new SqlitePort(file, { things: { indexes: [['kind', 'n']] } })
    expect(b.explain('things', { where: { tag: 't' } }).join(' ')).not.toMatch(/ix_things_tag/)
    expect(b.explain('things', { where: { kind: 'k' } }).join(' ')).toMatch(/ix_things_kind_n/)
    expect(await b.find('things', { where: { tag: 't' } })).toHaveLength(1)
    await b.close()
  })

  it('keeps every acknowledged write when killed in the middle of checkpoints and WAL restarts', async () => {
    const file = tmpFile()
    // The worker checkpoints every 2 ms; besides, one transaction in 20 asks for a round while it is open, so
    // the WAL starts over however the threads are scheduled. Each acknowledged write prints its number and the
    // WAL's restart count; the kill comes once there have been enough of both, wherever the worker then is.
    const script = `
      const { writeSync, openSync, readSync, closeSync } = require('node:fs');
      const { SqlitePort } = require(${JSON.stringify(resolve(__dirname, 'sqlite-port.ts'))});
      const file = ${JSON.stringify(file)};
      const db = new SqlitePort(file, ${JSON.stringify(SPEC)}, { checkpoint: { everyMs: 2, restartAt: 100, slack: 20, backstop: 1000000 } });
      const restarts = () => {
        const fd = openSync(file + '-wal', 'r'), header = Buffer.alloc(32);
        readSync(fd, header, 0, 32, 0);
        closeSync(fd);
        return header.readUInt32BE(12);
      };
      (async () => {
        for (let i = 0; ; i++) {
          await db.transaction(async (tx) => {
            await tx.insert('things', { _id: 'k' + i, kind: 'k', n: i, pad: 'z'.repeat(1500) });
            if (i % 20 === 10) await db.checkpointRound();
          });
          writeSync(1, i + ' ' + restarts() + '\\n');
          await new Promise((r) => setImmediate(r));
        }
      })();`
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const acknowledged: number[] = []
    let firstRestarts: number | null = null
    let partial = ''
    await new Promise<void>((enough) => {
      child.stdout!.on('data', (b: Buffer) => {
        const lines = (partial + b.toString()).split('\n')
        partial = lines.pop()!
        for (const line of lines) {
          const [i, restarts] = line.split(' ').map(Number) as [number, number]
          acknowledged.push(i)
          firstRestarts ??= restarts
          if (acknowledged.length >= 300 && restarts - firstRestarts >= 3) enough()
        }
      })
      child.once('exit', () => enough())
    })
    child.kill('SIGKILL')
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r))
    expect(acknowledged.length).toBeGreaterThanOrEqual(300)
    const db = new SqlitePort(file, SPEC)
    expect(await db.count('things', { kind: 'k' })).toBeGreaterThanOrEqual(acknowledged.at(-1)! + 1)
    expect(await db.get('things', `k${acknowledged.at(-1)}`)).toMatchObject({ n: acknowledged.at(-1) })
    expect(
      (db as unknown as { db: { pragma(s: string): Array<{ integrity_check: string }> } }).db.pragma('integrity_check'),
    ).toEqual([{ integrity_check: 'ok' }])
    await db.close()
  }, 60_000)

  it('keeps committed data when the process is killed, and loses the open transaction', async () => {
    const file = tmpFile()
    const script = `
      const { SqlitePort } = require(${JSON.stringify(resolve(__dirname, 'sqlite-port.ts'))});
      const db = new SqlitePort(${JSON.stringify(file)}, ${JSON.stringify(SPEC)});
      (async () => {
        await db.transaction((tx) => tx.insert('things', { _id: 'committed', kind: 'x', n: 1 }));
        db.transaction(async (tx) => {
          await tx.insert('things', { _id: 'uncommitted', kind: 'x', n: 2 });
          process.kill(process.pid, 'SIGKILL');
          await new Promise(() => {});
        });
      })();`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })
    expect(run.signal).toBe('SIGKILL')
    const db = new SqlitePort(file, SPEC)
    expect(await db.get('things', 'committed')).toMatchObject({ n: 1 })
    expect(await db.get('things', 'uncommitted')).toBeNull()
    await db.close()
  })
})
