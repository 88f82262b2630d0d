import { build, type Plugin } from 'esbuild'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import { CONTRACTS } from '@shared/contracts'
import { deferSchemas, schemaDefinitions } from './lazy-schemas'

const ROOT = resolve(__dirname, '..')

describe('deferSchemas (the function bundles build each schema on first use)', () => {
  it('wraps the definition of every top-level schema constant, and nothing else', () => {
    const code = [
      "import { z } from 'zod'",
      'export const IdSchema = z.string().min(1)',
      'const PageSchema: z.ZodType<{ n: number }> = z.object({ n: z.number() })',
      'export const ViewSchema = PageSchema.extend({ id: IdSchema }), OtherSchema = z.boolean()',
      'let LooseSchema = z.string()',
      'const LIMIT = 3',
      'export function pageOf(item: z.ZodType) { const InnerSchema = z.array(item); return InnerSchema }',
    ].join('\n')
    expect(schemaDefinitions(code).map((d) => d.name)).toEqual(['IdSchema', 'PageSchema', 'ViewSchema', 'OtherSchema'])
    const out = deferSchemas(code, 'm.ts', '/helper.ts')
    expect(out.split('\n')).toEqual([
      'import { lazySchema as __lazySchema } from "/helper.ts";',
      "import { z } from 'zod'",
      'export const IdSchema = __lazySchema(() => (z.string().min(1)))',
      'const PageSchema: z.ZodType<{ n: number }> = __lazySchema(() => (z.object({ n: z.number() })))',
      'export const ViewSchema = __lazySchema(() => (PageSchema.extend({ id: IdSchema }))), OtherSchema = __lazySchema(() => (z.boolean()))',
      'let LooseSchema = z.string()',
      'const LIMIT = 3',
      'export function pageOf(item: z.ZodType) { const InnerSchema = z.array(item); return InnerSchema }',
    ])
    expect(deferSchemas('export const LIMIT = 3\n', 'm.ts')).toBe('export const LIMIT = 3\n')
  })
})

/**
 * Every shared module with schemas, bundled as the functions are (each schema constant deferred), beside the same
 * modules as written: loading builds no schema, and every contract action's input and output, and every exported
 * schema, is then the same schema as the eager one (the same JSON Schema, which is also what /api/contract lists).
 */
describe('the shared schemas, deferred', () => {
  const OUT = join(ROOT, 'dist', 'lazy-schemas-test')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'lazy-schema.ts') {
        if (schemaDefinitions(readFileSync(full, 'utf8'), full).length) files.push(full)
      }
    }
  }
  walk(join(ROOT, 'shared'))

  interface Deferred {
    counts: { defined: number; built: number }
    toJSONSchema: typeof z.toJSONSchema
    CONTRACTS: typeof CONTRACTS
    modules: Record<string, Record<string, unknown>>
  }
  let deferred: Deferred
  let countsAtLoad: { defined: number; built: number }

  beforeAll(async () => {
    // the real helper, counting the schemas defined and built
    const counting: Plugin = {
      name: 'counting',
      setup(b) {
        b.onResolve({ filter: /^lazy-counting$/ }, () => ({ path: 'lazy-counting', namespace: 'counting' }))
        b.onLoad({ filter: /.*/, namespace: 'counting' }, () => ({
          contents: [
            `import { lazySchema as real } from ${JSON.stringify(join(ROOT, 'shared', 'lazy-schema.ts'))}`,
            'export const counts = { defined: 0, built: 0 }',
            'export function lazySchema(build) { counts.defined++; return real(() => { counts.built++; return build() }) }',
          ].join('\n'),
          loader: 'js',
          resolveDir: ROOT,
        }))
        b.onLoad({ filter: /[\\/]shared[\\/].*\.ts$/ }, (args) => {
          if (args.path.endsWith('lazy-schema.ts')) return undefined
          const code = deferSchemas(readFileSync(args.path, 'utf8'), args.path, 'lazy-counting')
          return { contents: code, loader: 'ts', resolveDir: dirname(args.path) }
        })
      },
    }
    const entry = [
      "export { counts } from 'lazy-counting'",
      "export { toJSONSchema } from 'zod'",
      `export { CONTRACTS } from ${JSON.stringify(join(ROOT, 'shared', 'contracts.ts'))}`,
      ...files.map((f, i) => `import * as m${i} from ${JSON.stringify(f)}`),
      `export const modules = { ${files.map((f, i) => `${JSON.stringify(relative(ROOT, f))}: m${i}`).join(', ')} }`,
    ].join('\n')
    rmSync(OUT, { recursive: true, force: true })
    mkdirSync(OUT, { recursive: true })
    const result = await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      plugins: [counting],
    })
    const file = join(OUT, 'bundle.js')
    writeFileSync(file, result.outputFiles[0]!.text)
    deferred = require(file) as Deferred // eslint-disable-line @typescript-eslint/no-require-imports
    countsAtLoad = { ...deferred.counts }
  }, 60_000)
  afterAll(() => rmSync(OUT, { recursive: true, force: true }))

  const json = (toJSONSchema: typeof z.toJSONSchema, s: unknown, io: 'input' | 'output'): string => {
    try {
      return JSON.stringify(toJSONSchema(s as z.ZodType, { io, unrepresentable: 'any' }))
    } catch (err) {
      return `throws ${(err as Error).message}`
    }
  }

  it('loading builds none of them', () => {
    expect(files.length).toBeGreaterThan(10)
    expect(countsAtLoad.defined).toBeGreaterThan(300)
    expect(countsAtLoad.built).toBe(0)
  })

  it("every action's input and output is the schema the contract defines", () => {
    const names = Object.keys(CONTRACTS) as Array<keyof typeof CONTRACTS>
    let actions = 0
    for (const fn of names) {
      const eager = CONTRACTS[fn].actions as Record<string, { input: z.ZodType; output: z.ZodType }>
      const lazy = deferred.CONTRACTS[fn].actions as Record<string, { input: unknown; output: unknown }>
      expect(Object.keys(lazy)).toEqual(Object.keys(eager))
      for (const [name, def] of Object.entries(eager)) {
        actions++
        for (const io of ['input', 'output'] as const) {
          const want = json(z.toJSONSchema, def[io], io)
          expect({ action: `${fn}.${name}`, io, schema: json(deferred.toJSONSchema, lazy[name]![io], io) }).toEqual({
            action: `${fn}.${name}`,
            io,
            schema: want,
          })
        }
      }
    }
    expect(actions).toBeGreaterThan(100)
  })

  it('every exported schema of the shared modules is the one written', async () => {
    let compared = 0
    for (const file of files) {
      const key = relative(ROOT, file)
      const eager = (await import(file)) as Record<string, unknown>
      const lazy = deferred.modules[key]!
      for (const [name, value] of Object.entries(eager)) {
        if (!name.endsWith('Schema') || !(value instanceof z.ZodType)) continue
        compared++
        for (const io of ['input', 'output'] as const)
          expect({ name: `${key}:${name}`, schema: json(deferred.toJSONSchema, lazy[name], io) }).toEqual({
            name: `${key}:${name}`,
            schema: json(z.toJSONSchema, value, io),
          })
      }
    }
    expect(compared).toBeGreaterThan(300)
  })
})
