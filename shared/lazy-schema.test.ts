import { z } from 'zod'
import { lazySchema } from './lazy-schema'

/** The same definition built eagerly and lazily must be the same schema to everything that uses it. */
const define = () =>
  z.object({
    name: z.string().trim().min(1).max(10),
    kind: z.enum(['a', 'b']).default('a'),
    tags: z.array(z.string()).max(3).optional(),
    at: z.number().int().nonnegative(),
    days: z
      .array(z.number().int())
      .min(1)
      .transform((d) => [...new Set(d)].sort()),
  })

const json = (s: z.ZodType, io: 'input' | 'output' = 'input') =>
  JSON.stringify(z.toJSONSchema(s, { io, unrepresentable: 'any' }))

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0
    const s = lazySchema(() => {
      builds++
      return define()
    })
    expect(builds).toBe(0)
    s.parse({ name: 'x', at: 1, days: [1] })
    s.safeParse({})
    void s.shape
    expect(builds).toBe(1)
  })

  it('parses, fails and transforms as the schema it stands for', () => {
    const eager = define()
    const lazy = lazySchema(define)
    for (const input of [
      { name: '  x ', at: 1, days: [3, 1, 3] },
      { name: '', at: -1, days: [], kind: 'c' },
      { name: 'x', at: 1.5, days: [1], tags: ['1', '2', '3', '4'] },
      null,
      'text',
    ]) {
      const a = eager.safeParse(input)
      const b = lazy.safeParse(input)
      expect(b.success).toBe(a.success)
      if (a.success && b.success) expect(b.data).toEqual(a.data)
      if (!a.success && !b.success) expect(b.error.issues).toEqual(a.error.issues)
    }
    expect(() => lazy.parse({})).toThrow(z.ZodError)
  })

  it('is the schema to instanceof, its shape and its methods, nested or extended', () => {
    const lazy = lazySchema(define)
    expect(lazy).toBeInstanceOf(z.ZodObject)
    expect(lazy).toBeInstanceOf(z.ZodType)
    expect(Object.keys(lazy.shape)).toEqual(['name', 'kind', 'tags', 'at', 'days'])
    expect('shape' in lazy).toBe(true)
    expect(lazy.keyof().options).toEqual(['name', 'kind', 'tags', 'at', 'days'])

    const eager = define()
    const pairs: Array<[z.ZodType, z.ZodType]> = [
      [lazy, eager],
      [lazy.extend({ more: z.boolean() }), eager.extend({ more: z.boolean() })],
      [lazy.pick({ name: true }), eager.pick({ name: true })],
      [lazy.omit({ days: true }).partial(), eager.omit({ days: true }).partial()],
      [
        z.object({ inner: lazy.nullable(), list: z.array(lazy) }),
        z.object({ inner: eager.nullable(), list: z.array(eager) }),
      ],
      [lazy.optional(), eager.optional()],
      // zod's JSON Schema processors know a schema by identity (a default, a pipe, an optional at the top)
      [lazySchema(() => z.object({}).default({})), z.object({}).default({})],
      [lazySchema(() => define().shape.days), eager.shape.days],
    ]
    for (const [l, e] of pairs) {
      expect(json(l)).toBe(json(e))
      expect(json(l, 'output')).toBe(json(e, 'output'))
    }
    expect(z.object({ inner: lazy }).safeParse({ inner: { name: 'x', at: 1, days: [2, 1] } })).toEqual({
      success: true,
      data: { inner: { name: 'x', kind: 'a', at: 1, days: [1, 2] } },
    })
  })

  it('nests in unions and discriminated unions, and other lazy schemas nest in it', () => {
    const A = lazySchema(() => z.object({ type: z.literal('a'), n: z.number() }))
    const B = lazySchema(() => z.object({ type: z.literal('b'), s: z.string() }))
    const AorB = lazySchema(() => z.discriminatedUnion('type', [A, B]))
    const Either = lazySchema(() => z.union([A, B]))
    const Wrapper = lazySchema(() => z.object({ items: z.array(AorB).max(2) }))
    expect(AorB.parse({ type: 'b', s: 'x' })).toEqual({ type: 'b', s: 'x' })
    expect(Either.safeParse({ type: 'a', n: 'x' }).success).toBe(false)
    expect(Wrapper.safeParse({ items: [{ type: 'a', n: 1 }, { type: 'c' }] }).success).toBe(false)
    expect(Wrapper.parse({ items: [{ type: 'a', n: 1 }] })).toEqual({ items: [{ type: 'a', n: 1 }] })
  })

  it('says so when a definition is not a schema', () => {
    const broken = lazySchema(() => 3 as unknown as z.ZodString)
    expect(() => broken.parse('x')).toThrow(/not a schema/)
  })
})
