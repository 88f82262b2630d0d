/**
 * Bundles each cloud function into a deployable CloudBase folder: dist/cloudfunctions/<name>/
 * with index.js (zod, dayjs and our code inlined) and a package.json whose only dependency is
 * @cloudbase/node-sdk, installed by CloudBase ("installDependency": true in cloudbaserc.json).
 * Also writes indexes.json: the database indexes to create in the CloudBase console.
 */
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_core/collections'
import { FUNCTIONS } from '../cloudfunctions/registry'

const ROOT = resolve(__dirname, '..')
const OUT = join(ROOT, 'dist/cloudfunctions')
const sdkVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string }
).version

interface CloudbaseRc {
  functions: Array<{ name: string; triggers?: unknown[] }>
}

async function main(): Promise<void> {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as CloudbaseRc
  const declared = new Set(rc.functions.map((f) => f.name))
  const missing = Object.keys(FUNCTIONS).filter((n) => !declared.has(n))
  if (missing.length) throw new Error(`cloudbaserc.json does not declare: ${missing.join(', ')}`)

  rmSync(OUT, { recursive: true, force: true })
  for (const name of Object.keys(FUNCTIONS)) {
    const dir = join(OUT, name)
    mkdirSync(dir, { recursive: true })
    const result = await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      external: ['@cloudbase/node-sdk'],
      metafile: true,
      minify: true,
      logLevel: 'warning',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const leaked = inputs.filter((i) => /better-sqlite3|sqlite-port|server\//.test(i))
    if (leaked.length) throw new Error(`${name}: local-only code reached the CloudBase bundle: ${leaked.join(', ')}`)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name: `linli-${name}`,
          version: '1.0.0',
          private: true,
          main: 'index.js',
          dependencies: { '@cloudbase/node-sdk': `^${sdkVersion}` },
        },
        null,
        2,
      ),
    )
    // WeChat DevTools reads a function's timer triggers from config.json beside it; the CLI from cloudbaserc.json.
    const triggers = rc.functions.find((f) => f.name === name)?.triggers
    if (triggers?.length) writeFileSync(join(dir, 'config.json'), JSON.stringify({ triggers }, null, 2))
    const timers = Object.keys(FUNCTIONS[name]!.timers)
    const declaredTimers = (triggers ?? []).map((t) => (t as { name: string }).name)
    const undeclared = timers.filter((t) => !declaredTimers.includes(t))
    if (undeclared.length)
      throw new Error(`${name}: timers without a trigger in cloudbaserc.json: ${undeclared.join(', ')}`)
    const bytes = readFileSync(join(dir, 'index.js')).length
    console.log(`  ${name.padEnd(10)} ${(bytes / 1024).toFixed(0).padStart(5)} KB  (${inputs.length} modules)`)
  }
  const plan = Object.fromEntries(Object.entries(COLLECTIONS).map(([c, spec]) => [c, spec]))
  writeFileSync(join(OUT, 'indexes.json'), JSON.stringify(plan, null, 2))
  console.log(`cloud functions bundled into ${OUT}`)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
