/**
 * The app builds leave out zod's JSON Schema generator (config/zod-no-json-schema.cjs). Bundled here the way the
 * app builds read zod, beside zod as it is: schemas still build and parse alike, the checks the schemas report
 * (`minLength`, `maxValue`, `isInt`, `format`) are the same, the two modules keep every export, and asking for a
 * JSON Schema says why there is none.
 */
import { build, type Plugin } from 'esbuild'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as ZodModule from 'zod'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const trim = require('../config/zod-no-json-schema.cjs') as {
  standIn: (code: string, file?: string) => string
  rewrites: (file: string) => boolean
  REFUSAL: string
}

type Zod = typeof ZodModule
type Bundle = { z: Zod['z']; core: object; toJsonSchema: object; processors: object }
let dir: string
let trimmed: Bundle
let whole: Bundle
const rewritten: string[] = []
const CORE = join(__dirname, '..', 'node_modules', 'zod', 'v4', 'core')

const standIn: Plugin = {
  name: 'zod-no-json-schema',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/].*\.js$/ }, (args) => {
      if (!trim.rewrites(args.path)) return undefined
      rewritten.push(args.path)
      return { contents: trim.standIn(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }
    })
  },
}

/** zod bundled as an app build reads it (`trim`), or whole */
async function bundle(name: string, withTrim: boolean): Promise<Bundle> {
  const entry = join(dir, `${name}.js`)
  writeFileSync(
    entry,
    [
      "export { z } from 'zod'",
      "export * as core from 'zod/v4/core'",
      `export * as toJsonSchema from ${JSON.stringify(join(CORE, 'to-json-schema.js'))}`,
      `export * as processors from ${JSON.stringify(join(CORE, 'json-schema-processors.js'))}`,
    ].join('\n'),
  )
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile: join(dir, `${name}.out.js`),
    nodePaths: [join(__dirname, '..', 'node_modules')],
    logLevel: 'silent',
    plugins: withTrim ? [standIn] : [],
  })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(dir, `${name}.out.js`)) as Bundle
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-zod-'))
  trimmed = await bundle('trimmed', true)
  whole = await bundle('whole', false)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the two JSON Schema modules are the ones rewritten, and they keep every export', () => {
  expect(rewritten.map((p) => p.replace(/\\/g, '/').split('/').pop()).sort()).toEqual([
    'json-schema-processors.js',
    'to-json-schema.js',
  ])
  for (const part of ['core', 'toJsonSchema', 'processors'] as const)
    expect(Object.keys(trimmed[part]).sort()).toEqual(Object.keys(whole[part]).sort())
  // what is left of the generator is small (the checks the schemas report, and the stand-ins)
  const size = (f: string) => trim.standIn(readFileSync(join(CORE, f), 'utf8')).length
  expect(size('to-json-schema.js') + size('json-schema-processors.js')).toBeLessThan(
    (readFileSync(join(CORE, 'to-json-schema.js'), 'utf8').length +
      readFileSync(join(CORE, 'json-schema-processors.js'), 'utf8').length) /
      2,
  )
})

test('schemas build and parse as with zod whole, and report the same checks', () => {
  const real = whole.z
  const make = (z: Zod['z']) => ({
    name: z.string().trim().min(2).max(20),
    code: z.string().regex(/^p1-/),
    mail: z.email(),
    points: z.number().int().min(-50).max(100),
    share: z.number().gt(0).lte(1),
    kind: z.enum(['a', 'b']),
    person: z.object({ id: z.string(), age: z.number().int().optional() }).strict(),
    choice: z.discriminatedUnion('t', [
      z.object({ t: z.literal('x'), n: z.number() }),
      z.object({ t: z.literal('y') }),
    ]),
  })
  const a = make(real)
  const b = make(trimmed.z)
  const inputs: Record<keyof typeof a, unknown[]> = {
    name: [' 卓玛 ', 'x', 'a'.repeat(30), 3],
    code: ['p1-abc', 'q1-abc'],
    mail: ['a@b.cn', 'nope'],
    points: [5, 5.5, -51, 100, 101],
    share: [0, 0.5, 1, 1.1],
    kind: ['a', 'c'],
    person: [{ id: 'u' }, { id: 'u', age: 3.5 }, { id: 'u', extra: 1 }],
    choice: [{ t: 'x', n: 1 }, { t: 'y' }, { t: 'z' }, { t: 'x' }],
  }
  for (const key of Object.keys(inputs) as Array<keyof typeof a>)
    for (const value of inputs[key]) {
      const x = a[key].safeParse(value)
      const y = b[key].safeParse(value)
      expect([key, y.success, y.success ? y.data : y.error.issues]).toEqual([
        key,
        x.success,
        x.success ? x.data : x.error.issues,
      ])
    }
  expect([b.name.minLength, b.name.maxLength, b.name.format]).toEqual([
    a.name.minLength,
    a.name.maxLength,
    a.name.format,
  ])
  expect([b.mail.format, b.points.isInt, b.points.minValue, b.points.maxValue]).toEqual([
    a.mail.format,
    a.points.isInt,
    a.points.minValue,
    a.points.maxValue,
  ])
  expect([b.share.minValue, b.share.maxValue]).toEqual([a.share.minValue, a.share.maxValue])
})

test('asking for a JSON Schema is refused, saying why', () => {
  const s = trimmed.z.object({ a: trimmed.z.string() })
  expect(() => trimmed.z.toJSONSchema(s)).toThrow(trim.REFUSAL)
  expect(() => s.toJSONSchema()).toThrow(trim.REFUSAL)
  expect(() => s['~standard'].jsonSchema.input({ target: 'draft-2020-12' })).toThrow(trim.REFUSAL)
  // zod whole still gives one (the host's /api/contract uses it)
  expect(whole.z.toJSONSchema(whole.z.object({ a: whole.z.string() }))).toMatchObject({ type: 'object' })
})
