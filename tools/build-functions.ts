/**
 * Bundles each cloud function into a deployable CloudBase folder: dist/cloudfunctions/<name>/ with index.js
 * (zod, dayjs and our code inlined), a package.json whose only dependency is @cloudbase/node-sdk (installed by
 * CloudBase: installDependency) and config.json (the open APIs it may call and its timer triggers, read by
 * WeChat DevTools uploads), all from cloudfunctions/platform.ts. Also writes dist/cloudfunctions/indexes.json
 * (the collections and their indexes, which `npm run deploy` creates) and regenerates cloudbaserc.json.
 */
import { build } from 'esbuild'
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

/** `Nodejs20.19` → esbuild's `node20.19`: the bundle's syntax is what the runtime runs. */
const esbuildTarget = (): string => RUNTIME.replace(/^Nodejs/, 'node')

export interface BuiltFunction {
  name: FunctionName
  dir: string
  bytes: number
  modules: number
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
    })
    const inputs = Object.keys(result.metafile.inputs)
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
    built.push({ name, dir, bytes: readFileSync(join(dir, 'index.js')).length, modules: inputs.length })
  }
  writeFileSync(join(out, 'indexes.json'), `${JSON.stringify(COLLECTIONS, null, 2)}\n`)
  return built
}

export const CLOUDBASERC = join(ROOT, 'cloudbaserc.json')
export const cloudbaseRcText = (): string => `${JSON.stringify(cloudbaseRc(), null, 2)}\n`

async function main(): Promise<void> {
  for (const f of await buildFunctions()) {
    console.log(`  ${f.name.padEnd(10)} ${(f.bytes / 1024).toFixed(0).padStart(5)} KB  (${f.modules} modules)`)
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
