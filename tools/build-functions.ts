/**
 * Bundles each cloud function into a deployable CloudBase folder: dist/cloudfunctions/<name>/ with index.js
 * (zod, dayjs and our code inlined), a package.json whose only dependency is @cloudbase/node-sdk (installed by
 * CloudBase: installDependency) and config.json (the open APIs it may call and its timer triggers, read by
 * WeChat DevTools uploads), all from cloudfunctions/platform.ts. Also writes dist/cloudfunctions/indexes.json
 * (the collections and their indexes, which `npm run deploy` creates) and regenerates cloudbaserc.json.
 * In the bundles every schema constant is built on first use, not at load (tools/lazy-schemas.ts).
 */
import { build, type Plugin } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_core/collections'
import { FUNCTIONS } from '../cloudfunctions/registry'
import {
  PLATFORM,
  RUNTIME,
  cloudbaseRc,
  configJsonOf,
  platformProblems,
  type FunctionName,
} from '../cloudfunctions/platform'
import { lazySchemas } from './lazy-schemas'

const ROOT = resolve(__dirname, '..')
export const FUNCTIONS_OUT = join(ROOT, 'dist/cloudfunctions')

export function sdkVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8'))
  return (pkg as { version: string }).version
}

/** The declaration and the code agree: one platform entry per function, one trigger per timer and back. */
export function declarationProblems(): string[] {
  const out = platformProblems()
  const declared = new Set(Object.keys(PLATFORM))
  for (const name of Object.keys(FUNCTIONS)) if (!declared.has(name)) out.push(`${name}: not in platform.ts`)
  for (const name of declared) if (!FUNCTIONS[name]) out.push(`${name}: in platform.ts but not a function`)
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    const triggers = Object.keys(PLATFORM[name as FunctionName]?.triggers ?? {})
    for (const timer of Object.keys(fn.timers))
      if (!triggers.includes(timer)) out.push(`${name}: timer ${timer} has no trigger in platform.ts`)
    for (const trigger of triggers)
      if (!fn.timers[trigger]) out.push(`${name}: trigger ${trigger} names no timer of the function`)
  }
  return out
}

/**
 * A function's `index.js` must stay under this: what CloudBase loads on every cold start (issue #21: 400 KB). A
 * function that uses another domain reaches it through its `<domain>.api.ts`, whose modules import only the narrow
 * shared modules they need (`<domain>.errors.ts`, `.rules`, `.states`, `incident.keys.ts`), never the contract's
 * action table and schemas: so patrol, which credits points and hours and reports hazards, is 377 KB, not 421.
 */
export const BUNDLE_BUDGET = 400 * 1024

/**
 * Libraries only one action uses (the XLSX export, the checkpoint poster's QR code): each is bundled into its own
 * file beside `index.js` (`lib/<name>.js`), which the action loads with `await import(…)` when it runs, so a cold
 * start does not read or compile them.
 */
export const LAZY_LIBRARIES = ['exceljs', 'qrcode'] as const

const lazyLibraries: Plugin = {
  name: 'lazy-libraries',
  setup(b) {
    const names = new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`)
    b.onResolve({ filter: names }, (args) => ({ path: `./lib/${args.path}.js`, external: true }))
  },
}

/**
 * Parts of zod nothing in a cloud function uses, bundled only because they hang off its `z` object: its error
 * messages in 40 languages (~260 KB minified; the app's messages are its own, `describeZodError`; English, zod's
 * default, is kept), `z.compile` (~29 KB) and `z.fromJSONSchema` (~12 KB). Replaced by stand-ins that say so if
 * ever called (the build test runs every function's bundle).
 */
const ZOD_TRIMMED: Record<string, string> = {
  'v4/locales/index.js': 'export { default as en } from "./en.js";',
  'v4/core/compile.js': [
    'const off = () => { throw new Error("z.compile is left out of the cloud function bundles (tools/build-functions.ts)") };',
    'export const INVALID = Symbol.for("zod.compile.invalid");',
    'export class ZodCompileAsyncError extends Error {}',
    'export class ZodCompileUnsupportedError extends Error {}',
    'export const compile = off, withParser = off, compileFn = off;',
  ].join('\n'),
  'v4/classic/from-json-schema.js':
    'export function fromJSONSchema() { throw new Error("z.fromJSONSchema is left out of the cloud function bundles") }',
}
const zodTrimmed: Plugin = {
  name: 'zod-trimmed',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/].*\.js$/ }, (args) => {
      const key = Object.keys(ZOD_TRIMMED).find((k) => args.path.replace(/\\/g, '/').endsWith(`/zod/${k}`))
      return key ? { contents: ZOD_TRIMMED[key], loader: 'js' } : undefined
    })
  },
}

/** `Nodejs20.19` → esbuild's `node20.19`: the bundle's syntax is what the runtime runs. */
const esbuildTarget = (): string => RUNTIME.replace(/^Nodejs/, 'node')

export interface BuiltFunction {
  name: FunctionName
  dir: string
  bytes: number
  modules: number
  /** the lazily loaded libraries shipped beside index.js, with their sizes */
  libraries: Record<string, number>
}

export async function buildFunctions(out: string = FUNCTIONS_OUT): Promise<BuiltFunction[]> {
  const problems = declarationProblems()
  if (problems.length) throw new Error(`cloudfunctions/platform.ts:\n  ${problems.join('\n  ')}`)
  rmSync(out, { recursive: true, force: true })
  const built: BuiltFunction[] = []
  for (const name of Object.keys(PLATFORM) as FunctionName[]) {
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    const result = await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: esbuildTarget(),
      external: ['@cloudbase/node-sdk'],
      metafile: true,
      minify: true,
      logLevel: 'warning',
      plugins: [lazyLibraries, zodTrimmed, lazySchemas],
      // Chinese and Tibetan text as UTF-8 (3 bytes a character), not \\u escapes (6)
      charset: 'utf8',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const libraries: Record<string, number> = {}
    const wanted = new Set(
      Object.values(result.metafile.outputs)
        .flatMap((o) => o.imports)
        .map((i) => /^\.\/lib\/(.+)\.js$/.exec(i.path)?.[1])
        .filter((n): n is string => !!n),
    )
    for (const lib of wanted) {
      const file = join(dir, 'lib', `${lib}.js`)
      await build({
        stdin: { contents: `module.exports = require(${JSON.stringify(lib)})`, resolveDir: ROOT, loader: 'js' },
        outfile: file,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: esbuildTarget(),
        minify: true,
        logLevel: 'warning',
      })
      libraries[lib] = readFileSync(file).length
    }
    const leaked = inputs.filter((i) => /better-sqlite3|sqlite-port|server\//.test(i))
    if (leaked.length) throw new Error(`${name}: local-only code reached the CloudBase bundle: ${leaked.join(', ')}`)
    const pkg = {
      name: `linli-${name}`,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: { '@cloudbase/node-sdk': `^${sdkVersion()}` },
    }
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(configJsonOf(name), null, 2)}\n`)
    const index = readFileSync(join(dir, 'index.js'))
    const bytes = index.length
    // a static import of a lazy library becomes a require at module load: the cold start pays for it every time
    const eager = index.toString('utf8').match(/require\("\.\/lib\/[\w.-]+\.js"\)/g)
    if (eager)
      throw new Error(
        `${name}: ${[...new Set(eager)].join(', ')} is required when index.js loads; import it with \`await import()\` ` +
          `in the action that uses it`,
      )
    if (bytes > BUNDLE_BUDGET)
      throw new Error(
        `${name}: index.js is ${(bytes / 1024).toFixed(0)} KB, over the ${BUNDLE_BUDGET / 1024} KB budget of a cold start ` +
          `(a library only one action uses belongs in LAZY_LIBRARIES)`,
      )
    built.push({ name, dir, bytes, modules: inputs.length, libraries })
  }
  writeFileSync(join(out, 'indexes.json'), `${JSON.stringify(COLLECTIONS, null, 2)}\n`)
  return built
}

export const CLOUDBASERC = join(ROOT, 'cloudbaserc.json')
export const cloudbaseRcText = (): string => `${JSON.stringify(cloudbaseRc(), null, 2)}\n`

async function main(): Promise<void> {
  for (const f of await buildFunctions()) {
    const libs = Object.entries(f.libraries).map(([n, b]) => `lib/${n}.js ${(b / 1024).toFixed(0)} KB`)
    console.log(
      `  ${f.name.padEnd(10)} ${(f.bytes / 1024).toFixed(0).padStart(5)} KB  (${f.modules} modules)` +
        (libs.length ? `  + loaded when used: ${libs.join(', ')}` : ''),
    )
  }
  const rc = cloudbaseRcText()
  if (readFileSync(CLOUDBASERC, 'utf8') !== rc) {
    writeFileSync(CLOUDBASERC, rc)
    console.log('cloudbaserc.json regenerated from cloudfunctions/platform.ts')
  }
  console.log(`cloud functions bundled into ${FUNCTIONS_OUT}`)
}

// run as a script (`tsx tools/build-functions.ts`), not when a test imports it
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
