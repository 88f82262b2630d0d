import tcb from '@cloudbase/node-sdk'
import { Db } from '@cloudbase/database'
import { CloudbasePort } from './cloudbase-port'
import { DocNotFoundError, DuplicateKeyError, getMany, typedPort } from './port'
import { C } from './collections'

/**
 * No CloudBase server is reachable here, so these tests replace only the SDK's request layer and
 * check the requests the real SDK would send for each port call: the query shapes CloudBase sees.
 */
interface Sent {
  api: string
  params: Params
}
/** A request's parameters as the SDK builds them: queries, orders and documents travel as EJSON strings. */
interface Params {
  query?: string
  order?: string
  data?: string | string[]
  limit?: number
  transactionId?: string
  [param: string]: unknown
}
let sent: Sent[] = []
let reply: (api: string, params: Params) => unknown = () => ({})

class FakeRequest {
  async send(api: string, params: Params = {}) {
    sent.push({ api, params })
    if (api === 'database.startTransaction') return { transactionId: 'tx-1' }
    if (api === 'database.commitTransaction' || api === 'database.abortTransaction') return { requestId: 'r' }
    return reply(api, params)
  }
}

const app = tcb.init({ env: 'linli-test', secretId: 'id', secretKey: 'key' })
const db = app.database()
const port = new CloudbasePort(db)
const json = (s: string | undefined) => JSON.parse(s ?? 'null')

beforeEach(() => {
  ;(Db as unknown as { reqClass: unknown }).reqClass = FakeRequest
  sent = []
  reply = () => ({ data: { list: [] } })
})

describe('CloudbasePort query shapes', () => {
  it('find: equality, $in, ranges, order, paging', async () => {
    reply = () => ({ data: { list: [JSON.stringify({ _id: 'i1', status: 'open' })] } })
    const docs = await port.find('incidents', {
      where: {
        gridId: 'G01',
        status: { $in: ['open', 'accepted'] },
        createdAt: { $gte: 100, $lt: 200 },
        closedAt: null,
      },
      orderBy: [['createdAt', 'desc']],
      limit: 20,
      offset: 40,
    })
    expect(docs).toEqual([{ _id: 'i1', status: 'open' }])
    const { api, params } = sent[0]!
    expect(api).toBe('database.getDocument')
    expect(params).toMatchObject({ collectionName: 'incidents', queryType: 'WHERE', offset: 40, limit: 20 })
    expect(json(params.query)).toEqual({
      gridId: 'G01',
      status: { $in: ['open', 'accepted'] },
      closedAt: { $eq: null },
      $and: [{ createdAt: { $gte: { $numberInt: '100' } } }, { createdAt: { $lt: { $numberInt: '200' } } }],
    })
    expect(json(params.order)).toEqual({ createdAt: { $numberInt: '-1' } })
  })

  it('find past CloudBase’s 1,000 documents a query: pages of 1,000 in a total order, until the limit or a short page', async () => {
    const TOTAL = 2_500
    reply = (_api, p) => {
      const from = Number(p.offset ?? 0)
      const n = Math.max(0, Math.min(Number(p.limit), TOTAL - from))
      return { data: { list: Array.from({ length: n }, (_, i) => JSON.stringify({ _id: `e${from + i}` })) } }
    }
    const all = await port.find('points_ledger', {
      where: { villageId: 'V1' },
      orderBy: [['at', 'asc']],
      limit: 20_001,
    })
    expect(all).toHaveLength(TOTAL)
    expect(new Set(all.map((d) => d._id)).size).toBe(TOTAL)
    expect(sent.map((s) => [s.params.offset ?? 0, s.params.limit])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ])
    // ordered by the caller's field, then _id: every page cut at the same place
    for (const s of sent) expect(json(s.params.order)).toEqual({ at: { $numberInt: '1' }, _id: { $numberInt: '1' } })

    // a limit between pages: the last page asks only for what is left
    sent = []
    expect(await port.find('points_ledger', { where: { villageId: 'V1' }, limit: 1_500, offset: 100 })).toHaveLength(
      1_500,
    )
    expect(sent.map((s) => [s.params.offset, s.params.limit])).toEqual([
      [100, 1000],
      [1100, 500],
    ])

    // a first page that is not full is the only request, in the caller's order as given
    sent = []
    reply = () => ({ data: { list: [JSON.stringify({ _id: 'e1' })] } })
    expect(
      await port.find('points_ledger', { where: { villageId: 'V1' }, orderBy: [['at', 'desc']], limit: 20_000 }),
    ).toHaveLength(1)
    expect(sent).toHaveLength(1)
    expect(json(sent[0]!.params.order)).toEqual({ at: { $numberInt: '-1' }, _id: { $numberInt: '1' } })
    sent = []
    await port.find('points_ledger', { where: { villageId: 'V1' }, orderBy: [['at', 'desc']], limit: 20 })
    expect(json(sent[0]!.params.order)).toEqual({ at: { $numberInt: '-1' } })
  })

  it('getMany: `_id in` queries of at most 100 ids, each with its own limit', async () => {
    reply = (_api, params) => ({
      data: {
        list: (json(params.query)._id.$in as string[])
          .filter((id) => id !== 'u7')
          .map((id) => JSON.stringify({ _id: id, name: id })),
      },
    })
    const ids = Array.from({ length: 230 }, (_, i) => `u${i}`)
    const got = await getMany(typedPort(port), C.users, [...ids, 'u1'])
    expect(got.size).toBe(229)
    expect(got.has('u7')).toBe(false)
    expect(sent.map((x) => x.api)).toEqual(['database.getDocument', 'database.getDocument', 'database.getDocument'])
    expect(sent.map((x) => json(x.params.query)._id.$in.length)).toEqual([100, 100, 30])
    expect(sent.map((x) => x.params.limit)).toEqual([100, 100, 30])
  })

  it('count and get by id', async () => {
    reply = (api) =>
      api === 'database.calculateDocument'
        ? { data: { total: 7 } }
        : { data: { list: [JSON.stringify({ _id: 'u1', name: '卓玛' })] } }
    expect(await port.count('users', { openid: 'o1' })).toBe(7)
    expect(sent[0]).toMatchObject({ api: 'database.calculateDocument', params: { collectionName: 'users' } })
    expect(json(sent[0]!.params.query)).toEqual({ openid: 'o1' })
    expect(await port.get('users', 'u1')).toEqual({ _id: 'u1', name: '卓玛' })
    expect(sent[1]).toMatchObject({ api: 'database.getDocument', params: { queryType: 'DOC' } })
    expect(json(sent[1]!.params.query)).toEqual({ _id: 'u1' })
  })

  it('rejects unsafe field names before anything is sent', async () => {
    await expect(port.find('users', { where: { 'a.$where': 1 } })).rejects.toThrow(/bad field/)
    expect(sent).toHaveLength(0)
  })
})

describe('CloudbasePort transactions', () => {
  it('reads and writes by id inside one CloudBase transaction, replacing object fields whole', async () => {
    reply = (api) => {
      if (api === 'database.getDocument') return { data: { list: [JSON.stringify({ _id: 'acc1', balance: 100 })] } }
      if (api === 'database.insertDocument') return { data: { insertedIds: ['e1'] } }
      if (api === 'database.modifyDocument') return { data: { updated: 1 } }
      if (api === 'database.removeDocument') return { data: { deleted: 1 } }
      return {}
    }
    const result = await port.transaction(async (tx) => {
      const acc = await tx.get<{ _id: string; balance: number }>('points_accounts', 'acc1')
      await tx.insert('points_ledger', { _id: 'e1', delta: -30 })
      await tx.update('points_accounts', 'acc1', { balance: acc!.balance - 30, last: { by: 'u1' } })
      await tx.set('stats', { _id: 's1', n: 1 })
      await tx.remove('holds', 'h1')
      return acc!.balance
    })
    expect(result).toBe(100)
    expect(sent.map((s) => s.api)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.insertDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.removeDocument',
      'database.commitTransaction',
    ])
    for (const s of sent.slice(1, 6)) expect(s.params.transactionId).toBe('tx-1')
    expect(json((sent[2]!.params.data as string[])[0])).toEqual({ _id: 'e1', delta: { $numberInt: '-30' } })
    expect(json(sent[3]!.params.data as string)).toEqual({
      $set: { balance: { $numberInt: '70' }, last: { by: 'u1' } },
    })
    expect(sent[4]!.params).toMatchObject({ upsert: true, merge: false })
  })

  it('maps a duplicate _id to DuplicateKeyError and rolls back', async () => {
    reply = (api) =>
      api === 'database.insertDocument' ? { code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key' } : {}
    await expect(port.transaction((tx) => tx.insert('requests', { _id: 'k1' }))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    )
    expect(sent.at(-1)!.api).toBe('database.abortTransaction')
  })

  it('insertMany: one insertDocument with the list, in the transaction or outside it; a duplicate names its document', async () => {
    reply = () => ({ data: { insertedIds: ['a', 'b'] } })
    await port.transaction((tx) => tx.insertMany('requests', [{ _id: 'a' }, { _id: 'b' }]))
    expect(sent.map((x) => x.api)).toEqual([
      'database.startTransaction',
      'database.insertDocument',
      'database.commitTransaction',
    ])
    expect(sent[1]!.params).toMatchObject({ collectionName: 'requests', transactionId: 'tx-1' })
    expect((sent[1]!.params.data as string[]).map((d) => json(d)._id)).toEqual(['a', 'b'])
    sent = []
    await port.insertMany('requests', [{ _id: 'c' }, { _id: 'd' }])
    await port.insert('requests', { _id: 'e' })
    expect(sent.map((x) => [x.api, x.params.transactionId])).toEqual([
      ['database.insertDocument', undefined],
      ['database.insertDocument', undefined],
    ])
    expect((sent[1]!.params.data as string[]).map((d) => json(d)._id)).toEqual(['e'])
    reply = () => ({ code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error dup key: { _id: "g" }' })
    const err = await port.insertMany('requests', [{ _id: 'f' }, { _id: 'g' }]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DuplicateKeyError)
    expect((err as DuplicateKeyError).id).toBe('g')
    // two sharing an id are refused before anything is sent; an empty list sends nothing
    sent = []
    await expect(port.insertMany('requests', [{ _id: 'h' }, { _id: 'h' }])).rejects.toBeInstanceOf(DuplicateKeyError)
    await port.insertMany('requests', [])
    expect(sent).toEqual([])
  })

  it('updateIf: one modifyAndReturnDoc in the transaction, the id and the condition in its query; null when none matched', async () => {
    reply = (api) =>
      api === 'database.modifyAndReturnDoc'
        ? { data: { updated: 1, doc: JSON.stringify({ _id: 'g1', stock: 2, items: ['a', 'b'] }) } }
        : {}
    const doc = await port.transaction((tx) =>
      tx.updateIf(
        'points_goods',
        'g1',
        { active: true, stock: { $gte: 3 } },
        { inc: { stock: -3 }, set: { note: { a: 1 } }, push: { items: ['b'] } },
      ),
    )
    expect(doc).toEqual({ _id: 'g1', stock: 2, items: ['a', 'b'] })
    expect(sent.map((x) => x.api)).toEqual([
      'database.startTransaction',
      'database.modifyAndReturnDoc',
      'database.commitTransaction',
    ])
    const p = sent[1]!.params
    expect(p).toMatchObject({ collectionName: 'points_goods', queryType: 'WHERE', transactionId: 'tx-1' })
    expect(json(p.query)).toEqual({ active: true, stock: { $gte: { $numberInt: '3' } }, _id: 'g1' })
    const data = json(p.data as string)
    expect(data.$inc).toEqual({ stock: { $numberInt: '-3' } })
    expect(data.$set).toHaveProperty('note')
    expect(data.$push).toEqual({ items: { $each: ['b'] } })
    // nothing matched: null, and the transaction goes on
    sent = []
    reply = (api) => (api === 'database.modifyAndReturnDoc' ? { data: { updated: 0 } } : {})
    expect(await port.transaction((tx) => tx.updateIf('points_goods', 'g1', {}, { inc: { stock: -1 } }))).toBeNull()
    expect(sent.map((x) => x.api)).toHaveLength(3)
  })

  it('updateIf with a path: the condition and the inc name it as MongoDB does (`a.b`)', async () => {
    reply = (api) =>
      api === 'database.modifyAndReturnDoc' ? { data: { updated: 1, doc: JSON.stringify({ _id: 'h1' }) } } : {}
    await port.transaction((tx) =>
      tx.updateIf('points_accounts', 'h1', { 'redeemed.month': '2026-04', balance: { $gte: 15 } }, {
        inc: { balance: -15, 'redeemed.goods.soap': 1 },
      } as never),
    )
    const p = sent[1]!.params
    expect(json(p.query)).toEqual({ 'redeemed.month': '2026-04', balance: { $gte: { $numberInt: '15' } }, _id: 'h1' })
    expect(json(p.data as string).$inc).toEqual({
      balance: { $numberInt: '-15' },
      'redeemed.goods.soap': { $numberInt: '1' },
    })
  })

  it('removeWhere: one removeDocument over the query, outside any transaction', async () => {
    reply = () => ({ data: { deleted: 4 } })
    expect(await port.removeWhere('push_records', { at: { $lt: 1000 } })).toBe(4)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.api).toBe('database.removeDocument')
    expect(sent[0]!.params).toMatchObject({ collectionName: 'push_records', queryType: 'WHERE', multi: true })
    expect(sent[0]!.params.transactionId).toBeUndefined()
    expect(json(sent[0]!.params.query)).toEqual({ at: { $lt: { $numberInt: '1000' } } })
  })

  it('updateWhere: one modifyDocument over the query, outside any transaction, object values replaced whole', async () => {
    reply = () => ({ data: { updated: 7 } })
    expect(await port.updateWhere('requests', { state: 'pending' }, { state: 'tok', note: { a: 1 } })).toBe(7)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.api).toBe('database.modifyDocument')
    expect(sent[0]!.params).toMatchObject({ collectionName: 'requests', queryType: 'WHERE', multi: true, merge: true })
    expect(sent[0]!.params.transactionId).toBeUndefined()
    expect(json(sent[0]!.params.query as string)).toEqual({ state: 'pending' })
    const data = json(sent[0]!.params.data as string)
    expect(data.$set.state).toBe('tok')
    expect(data.$set).toHaveProperty('note')
  })

  it('reports an update of a missing document', async () => {
    reply = (api) => (api === 'database.modifyDocument' ? { data: { updated: 0 } } : { data: { list: [] } })
    await expect(port.transaction((tx) => tx.update('goods', 'nope', { stock: 1 }))).rejects.toBeInstanceOf(
      DocNotFoundError,
    )
  })

  it('inc: one update with $inc (and $set for fields replaced); a missing counter is then inserted with the additions', async () => {
    reply = (api) => (api === 'database.modifyDocument' ? { data: { updated: 1 } } : { data: { list: [] } })
    const init = { _id: 'c1', unitId: 'G01', month: '2026-03', found: 0, resolved: 0 }
    expect(await port.transaction((tx) => tx.inc('incident_counters', init, { found: 2 }, { name: '一网格' }))).toBe(
      'updated',
    )
    const mods = sent.filter((x) => x.api === 'database.modifyDocument')
    expect(mods).toHaveLength(1)
    expect(json(mods[0]!.params.data as string)).toEqual({
      $set: { name: '一网格' },
      $inc: { found: { $numberInt: '2' } },
    })
    expect(json(mods[0]!.params.query)).toEqual({ _id: 'c1' })
    expect(sent.filter((x) => x.api === 'database.getDocument')).toHaveLength(0) // no read before the write

    sent = []
    reply = (api) =>
      api === 'database.modifyDocument'
        ? { data: { updated: 0 } }
        : api === 'database.insertDocument'
          ? { data: { insertedIds: ['c1'] } }
          : { data: { list: [] } }
    expect(await port.transaction((tx) => tx.inc('incident_counters', init, { found: 2 }))).toBe('created')
    const inserted = sent.find((x) => x.api === 'database.insertDocument')!
    expect(json((inserted.params.data as string[])[0])).toMatchObject({
      _id: 'c1',
      found: { $numberInt: '2' },
      resolved: { $numberInt: '0' },
    })
  })

  it('inc at a path: $inc on the dotted key; a missing month is inserted with the maps made', async () => {
    reply = (api) => (api === 'database.modifyDocument' ? { data: { updated: 1 } } : { data: { list: [] } })
    const init = { _id: 'c2', unitId: '513328', month: '2026-03' }
    await port.transaction((tx) =>
      tx.inc('incident_counters', init as never, { found: 1, 'below.513328100001-G01.found': 1 } as never),
    )
    const mod = sent.find((x) => x.api === 'database.modifyDocument')!
    expect(json(mod.params.data as string)).toEqual({
      $inc: { found: { $numberInt: '1' }, 'below.513328100001-G01.found': { $numberInt: '1' } },
    })

    sent = []
    reply = (api) =>
      api === 'database.modifyDocument'
        ? { data: { updated: 0 } }
        : api === 'database.insertDocument'
          ? { data: { insertedIds: ['c2'] } }
          : { data: { list: [] } }
    await port.transaction((tx) =>
      tx.inc('incident_counters', init as never, { found: 1, 'below.513328100.found': 2 } as never),
    )
    const inserted = sent.find((x) => x.api === 'database.insertDocument')!
    expect(json((inserted.params.data as string[])[0])).toMatchObject({
      _id: 'c2',
      found: { $numberInt: '1' },
      below: { '513328100': { found: { $numberInt: '2' } } },
    })
    await expect(
      port.transaction((tx) => tx.inc('incident_counters', init as never, { 'below.__proto__.found': 1 } as never)),
    ).rejects.toThrow('bad field')
  })

  it('find with fields sends a projection of those paths', async () => {
    await port.find('incident_counters', {
      where: { unitId: { $in: ['513328'] }, month: '2026-03' },
      limit: 10,
      fields: ['unitId', 'found', 'below.513328100'],
    })
    const got = sent.find((x) => x.api === 'database.getDocument')!
    const one = { $numberInt: '1' }
    expect(json(got.params.projection as string)).toEqual({ unitId: one, found: one, 'below.513328100': one })
  })

  it('retries the whole transaction on a CloudBase write conflict', async () => {
    let conflicts = 1
    reply = (api) => {
      if (api === 'database.modifyDocument' && conflicts-- > 0)
        return { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }
      if (api === 'database.getDocument') return { data: { list: [JSON.stringify({ _id: 'g1', stock: 5 })] } }
      return { data: { updated: 1 } }
    }
    let attempts = 0
    await port.transaction(async (tx) => {
      attempts += 1
      const g = await tx.get<{ _id: string; stock: number }>('goods', 'g1')
      await tx.update('goods', 'g1', { stock: g!.stock - 1 })
    })
    expect(attempts).toBe(2)
    expect(sent.filter((s) => s.api === 'database.startTransaction')).toHaveLength(2)
  })
})
