import fc from 'fast-check'
import { MAX_CALL_DEPTH } from '@shared/contract'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { jsonShapeProblem, ownEntry, shapeProblem } from './untrusted'

const nest = (levels: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v]
  return v
}

describe('ownEntry', () => {
  it.each(Object.getOwnPropertyNames(Object.prototype))('finds no %s in a plain table', (name) => {
    expect(ownEntry({ account: 1 }, name)).toBeUndefined()
  })
  it('finds its own entries', () => expect(ownEntry({ account: 1 }, 'account')).toBe(1))
})

describe('shapeProblem and jsonShapeProblem agree', () => {
  it('on nesting at and over the limit', () => {
    for (const levels of [0, 1, MAX_CALL_DEPTH, MAX_CALL_DEPTH + 1, 1_000]) {
      const want = levels > MAX_CALL_DEPTH ? 'too_deep' : null
      expect(shapeProblem(nest(levels))).toBe(want)
      expect(jsonShapeProblem(JSON.stringify(nest(levels)))).toBe(want)
    }
  })
  it('on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 40 }), (v) => {
        const a = shapeProblem(v, 8, 1_000)
        const b = jsonShapeProblem(JSON.stringify(v), 8, 1_000)
        // the text count of values is an estimate (keys count too), so only depth is compared exactly
        if (a === 'too_deep' || b === 'too_deep') expect(a === 'too_deep' || a === 'too_many').toBe(true)
        if (a !== 'too_many' && b !== 'too_many') expect(b).toBe(a)
      }),
    )
  })
})

describe('the wrapper refuses a deep body before it walks it (CloudBase parses the event itself)', () => {
  let env: TestEnv
  beforeAll(async () => (env = await testEnv()))
  afterAll(() => env.close())

  it('with COMMON.TOO_DEEP, in the caller language', async () => {
    const zh = await env.call('account', 'u-zhuoma', 'getMe', { x: nest(10_000) })
    expect(zh).toMatchObject({ ok: false, code: 'COMMON.TOO_DEEP', message: '提交的内容层次太多了' })
    const bo = await env.call('account', 'u-zhuoma', 'getMe', { x: nest(10_000) }, null, { lang: 'bo' })
    expect(bo).toMatchObject({ ok: false, code: 'COMMON.TOO_DEEP', message: 'ཕུལ་བའི་ནང་དོན་གྱི་རིམ་པ་མང་དྲགས་འདུག' })
    expect(env.errors).toEqual([])
  })
})
