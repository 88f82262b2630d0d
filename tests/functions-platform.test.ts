/**
 * The bundled cloud functions against their declaration (cloudfunctions/platform.ts): every WeChat open API a
 * bundle calls is in its config.json, every LINLI_* variable it reads is declared, it requires nothing but
 * Node's built-ins and its package.json's dependencies, and it loads in a clean folder that holds only those.
 * The functions are bundled afresh into a temporary folder (esbuild, a few seconds), so the test never reads
 * a stale dist/cloudfunctions and the build is the very one `npm run build:functions` runs.
 */
import { spawnSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { OPEN_APIS, PLATFORM, type FunctionName, type OpenApi } from '../cloudfunctions/platform'
import { CLOUDBASERC, buildFunctions, cloudbaseRcText, declarationProblems } from '../tools/build-functions'

const ROOT = resolve(__dirname, '..')
const NAMES = Object.keys(PLATFORM) as FunctionName[]
const BY_PATH = new Map<string, OpenApi>(Object.entries(OPEN_APIS).map(([api, path]) => [path, api as OpenApi]))

/** Open APIs a bundle may call: `callWxOpenApi` paths (node-sdk) and `openapi.<ns>.<name>` (wx-server-sdk). */
function openApisIn(code: string): { known: OpenApi[]; unknown: string[] } {
  const known = new Set<OpenApi>()
  const unknown = new Set<string>()
  for (const m of code.matchAll(/["'`](\/(?:wxa|cgi-bin|wxaapi|shorturl|datacube)\/[A-Za-z0-9_/]+)["'`]/g)) {
    const api = BY_PATH.get(m[1]!)
    if (api) known.add(api)
    else unknown.add(m[1]!)
  }
  for (const m of code.matchAll(/\bopenapi\.([a-zA-Z]+)\.([a-zA-Z]+)\b/g)) {
    const name = `${m[1]}.${m[2]}`
    if (name in OPEN_APIS) known.add(name as OpenApi)
    else unknown.add(name)
  }
  return { known: [...known].sort(), unknown: [...unknown].sort() }
}

const envVarsIn = (code: string): string[] => [...new Set(code.match(/\bLINLI_[A-Z0-9_]+\b/g) ?? [])].sort()

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
function packagesRequiredBy(code: string): string[] {
  const out = new Set<string>()
  for (const m of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    const spec = m[1]!
    if (BUILTINS.has(spec) || spec.startsWith('.')) continue
    out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
  }
  return [...out].sort()
}

describe('the open-API scan', () => {
  it('names the calls it finds and reports paths it does not know', () => {
    const code =
      'a.callWxOpenApi({apiName:"/wxa/getwxacodeunlimit",requestData:{}});cloud.openapi.security.msgSecCheck({});' +
      'x("/cgi-bin/something/new")'
    expect(openApisIn(code)).toEqual({
      known: ['security.msgSecCheck', 'wxacode.getUnlimited'],
      unknown: ['/cgi-bin/something/new'],
    })
  })
})

describe('cloudfunctions/platform.ts', () => {
  it('agrees with the functions: one entry each, a trigger for every timer and no other', () => {
    expect(declarationProblems()).toEqual([])
  })

  it('is what cloudbaserc.json says (`npm run build:functions` regenerates it)', () => {
    expect(readFileSync(CLOUDBASERC, 'utf8')).toBe(cloudbaseRcText())
  })
})

describe('the bundled functions', () => {
  let out = ''
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'linli-fn-'))
    await buildFunctions(out)
  }, 120_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  const bundle = (name: string) => readFileSync(join(out, name, 'index.js'), 'utf8')
  const json = (name: string, file: string) => JSON.parse(readFileSync(join(out, name, file), 'utf8'))

  it.each(NAMES)('%s: config.json declares every open API the bundle calls', (name) => {
    const { known, unknown } = openApisIn(bundle(name))
    expect(unknown).toEqual([]) // a path missing from OPEN_APIS: add it with its permission name
    const declared: string[] = json(name, 'config.json').permissions.openapi
    expect(known.filter((api) => !declared.includes(api))).toEqual([])
  })

  it.each(NAMES)('%s: config.json carries its timer triggers', (name) => {
    const triggers = (json(name, 'config.json').triggers ?? []) as Array<{ name: string; type: string }>
    expect(triggers.map((t) => t.name).sort()).toEqual(Object.keys(PLATFORM[name].triggers).sort())
    for (const t of triggers) expect(t.type).toBe('timer')
  })

  it.each(NAMES)('%s: every LINLI_* variable the bundle reads is declared', (name) => {
    const declared = Object.keys(PLATFORM[name].env)
    expect(envVarsIn(bundle(name)).filter((v) => !declared.includes(v))).toEqual([])
  })

  it.each(NAMES)('%s: requires only built-ins and its declared dependencies', (name) => {
    const deps = Object.keys(json(name, 'package.json').dependencies ?? {})
    expect(packagesRequiredBy(bundle(name)).filter((p) => !deps.includes(p))).toEqual([])
  })

  it.each(NAMES)('%s: loads in a clean folder with only its declared dependencies and exports main', (name) => {
    const clean = mkdtempSync(join(tmpdir(), `linli-clean-${name}-`))
    try {
      // Node looks for packages in every ancestor's node_modules: none may exist above the clean folder.
      for (let d = dirname(clean); ; d = dirname(d)) {
        expect(existsSync(join(d, 'node_modules'))).toBe(false)
        if (dirname(d) === d) break
      }
      cpSync(join(out, name), clean, { recursive: true })
      const deps = Object.keys(json(name, 'package.json').dependencies ?? {})
      // No registry here: each declared package comes from the repository's node_modules, as a link.
      for (const dep of deps) {
        mkdirSync(dirname(join(clean, 'node_modules', dep)), { recursive: true })
        symlinkSync(join(ROOT, 'node_modules', dep), join(clean, 'node_modules', dep), 'dir')
      }
      const probe =
        'const m = require("./index.js"); if (typeof m.main !== "function") throw new Error("no main export");' +
        'process.stdout.write("main:" + m.main.length)'
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: clean, TENCENTCLOUD_RUNENV: 'SCF' }
      const run = spawnSync(process.execPath, ['-e', probe], {
        cwd: clean,
        env: env as unknown as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 60_000,
      })
      if (run.status !== 0) console.error(run.stderr)
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/^main:\d$/)
    } finally {
      rmSync(clean, { recursive: true, force: true })
    }
  })
})
