/**
 * `npm run lint` and the typecheck refuse what they are there to refuse: each check is run on a small deliberate
 * violation (and on its corrected twin, so a check that refuses everything would fail here too). ESLint, Prettier
 * and dependency-cruiser run through their Node APIs in one child process (tests/support/lint-probe.mjs: they
 * load ES modules, which jest's sandbox cannot); the typecheck runs in-process on a file that exists only in
 * memory, with the repo's tsconfig.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const ROOT = join(__dirname, '..')

const ESLINT_CASES = {
  'a focused test': ['cloudfunctions/x/x.test.ts', "it.only('a', () => expect(1).toBe(1))\n", 'jest/no-focused-tests'],
  'a skipped test': ['cloudfunctions/x/x.test.ts', "it.skip('a', () => expect(1).toBe(1))\n", 'jest/no-disabled-tests'],
  'the machine clock in an action': [
    'cloudfunctions/x/actions/y.ts',
    'export const at = () => Date.now()\n',
    'no-restricted-syntax',
  ],
  'a role name compared in a cloud function': [
    'cloudfunctions/x/y.ts',
    "export const official = (g: { role: string }) => g.role === 'village_official'\n",
    'no-restricted-syntax',
  ],
  'a role name compared the other way round': [
    'cloudfunctions/x/y.ts',
    "export const official = (g: { role: string }) => 'village_official' !== g.role\n",
    'no-restricted-syntax',
  ],
  'a collection named by a string in a cloud function': [
    'cloudfunctions/x/y.ts',
    "export const name = 'incidents'\n",
    'no-restricted-syntax',
  ],
  '`any`': ['shared/x/x.ts', 'export const v: any = 1\n', '@typescript-eslint/no-explicit-any'],
  'an unused variable': ['shared/x/x.ts', 'const unused = 1\n', '@typescript-eslint/no-unused-vars'],
} as const
/** what each violation becomes when done right: ESLint says nothing */
const ESLINT_FIXED: Record<keyof typeof ESLINT_CASES, string> = {
  'a focused test': "it('a', () => expect(1).toBe(1))\n",
  'a skipped test': "it('a', () => expect(1).toBe(1))\n",
  'the machine clock in an action': 'export const at = (ctx: { now: number }) => ctx.now\n',
  'a role name compared in a cloud function':
    "export const resident = (g: { role: string }) => g.role === 'resident'\n",
  'a role name compared the other way round':
    "export const resident = (g: { role: string }) => 'resident' !== g.role\n",
  'a collection named by a string in a cloud function': "export const name = 'incident'\n",
  '`any`': 'export const v: unknown = 1\n',
  'an unused variable': 'export const used = 1\n',
}

const PRETTIER_CASES = [
  ['shared/x/x.ts', 'const  a = {b:1};\nexport default a\n', false],
  ['shared/x/x.ts', 'const a = { b: 1 }\nexport default a\n', true],
] as const

/** A tree with the repo's folder names: each file either breaks one layer rule (named) or is allowed (null). */
const LAYER_CASES: Record<string, [code: string, rule: string | null]> = {
  'shared/pure.ts': ["import { z } from 'zod'\nexport const s = z.string()\n", null],
  'shared/reads-files.ts': [
    "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
    'shared-is-pure',
  ],
  'shared/uses-taro.ts': ["import Taro from '@tarojs/taro'\nexport const t = Taro\n", 'shared-is-pure'],
  'miniprogram/pages/calls-function.ts': [
    "import { x } from '../../cloudfunctions/incident/incident.api'\nexport const y = x\n",
    'client-not-server',
  ],
  'miniprogram/pages/calls-host.ts': [
    "import { s } from '../../server/host'\nexport const y = s\n",
    'client-not-server',
  ],
  'miniprogram/pages/page.ts': ['export const p = 1\n', null],
  'miniprogram/packages/patrol/lib.ts': ['export const l = 1\n', null],
  'miniprogram/packages/points/pages/store.ts': [
    "import { l } from '../../patrol/lib'\nexport const y = l\n",
    'subpackage-alone',
  ],
  'server/host.ts': ["import { x } from '../cloudfunctions/incident/incident.api'\nexport const s = x\n", null],
  'cloudfunctions/incident/incident.api.ts': ["import { r } from './incident.repo'\nexport const x = r\n", null],
  'cloudfunctions/incident/incident.repo.ts': ['export const r = 1\n', null],
  'cloudfunctions/patrol/reaches-in.ts': [
    "import { r } from '../incident/incident.repo'\nexport const y = r\n",
    'domain-through-its-api',
  ],
  'cloudfunctions/patrol/through-api.ts': ["import { x } from '../incident/incident.api'\nexport const y = x\n", null],
  'cloudfunctions/account/renders.ts': [
    "import { p } from '../../miniprogram/pages/page'\nexport const y = p\n",
    'server-not-client',
  ],
  'cloudfunctions/_core/knows-a-domain.ts': [
    "import { x } from '../incident/incident.api'\nexport const y = x\n",
    'core-not-domains',
  ],
}

interface ProbeResult {
  eslint: string[][]
  prettier: boolean[]
  layers: Array<{ from: string; to: string; rule: string }>
}

let probe: ProbeResult
beforeAll(() => {
  const eslintCases = Object.entries(ESLINT_CASES).flatMap(([name, [filePath, code]]) => [
    { filePath, code },
    { filePath, code: ESLINT_FIXED[name as keyof typeof ESLINT_CASES] },
  ])
  const run = spawnSync(process.execPath, [join(ROOT, 'tests/support/lint-probe.mjs')], {
    cwd: ROOT,
    input: JSON.stringify({
      eslint: eslintCases,
      prettier: PRETTIER_CASES.map(([filePath, code]) => ({ filePath, code })),
      layers: Object.fromEntries(Object.entries(LAYER_CASES).map(([path, [code]]) => [path, code])),
    }),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (run.status !== 0) throw new Error(`lint probe failed: ${run.stderr}`)
  probe = JSON.parse(run.stdout) as ProbeResult
}, 60_000)

describe('ESLint refuses', () => {
  it.each(Object.entries(ESLINT_CASES).map(([name, [, , rule]], i) => [name, rule, i] as const))(
    '%s (%s), and accepts it done right',
    (_name, rule, i) => {
      expect(probe.eslint[2 * i]).toContain(rule)
      expect(probe.eslint[2 * i + 1]).toEqual([])
    },
  )
})

it('Prettier refuses code in another format than the repo’s and accepts its own', () => {
  expect(probe.prettier).toEqual(PRETTIER_CASES.map(([, , formatted]) => formatted))
})

describe('the layer rules (dependency-cruiser) refuse', () => {
  it.each(Object.entries(LAYER_CASES).filter(([, [, rule]]) => rule !== null))('%s', (path, [, rule]) => {
    expect(probe.layers.filter((v) => v.from === path).map((v) => v.rule)).toEqual([rule])
  })

  it('and allow the imports the layers are for (zod in shared/, another domain through its api)', () => {
    const allowed = Object.entries(LAYER_CASES).filter(([, [, rule]]) => rule === null)
    expect(probe.layers.filter((v) => allowed.some(([path]) => path === v.from))).toEqual([])
  })
})

describe('the typecheck refuses', () => {
  const file = join(ROOT, 'cloudfunctions/x/probe.ts')
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT)
  let code = ''
  let version = 0
  /** one language service for every probe: the repo's files are read and checked once, the probe each time */
  const service = ts.createLanguageService({
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: (name) => (name === file ? String(version) : '0'),
    getScriptSnapshot: (name) => {
      const text = name === file ? code : ts.sys.readFile(name)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? code : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  })

  /** Type errors (and deprecation notes) in a file that exists only in memory, in cloudfunctions/x/. */
  function typecheck(source: string): { errors: string[]; deprecated: string[] } {
    code = source
    version += 1
    const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n')
    return {
      errors: [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)].map(text),
      deprecated: service
        .getSuggestionDiagnostics(file)
        .filter((d) => d.reportsDeprecated)
        .map(text),
    }
  }

  const prelude = `import { C } from '../_core/collections'\nimport type { TxStore } from '../_core/port'\ndeclare const tx: TxStore\n`

  it('a misspelt collection', () => {
    expect(typecheck(`${prelude}export const a = tx.get(C.users, 'u1')\n`).errors).toEqual([])
    expect(typecheck(`${prelude}export const a = tx.get(C.incidentz, 'i1')\n`).errors).toEqual([
      expect.stringMatching(/Property 'incidentz' does not exist/),
    ])
  }, 30_000)

  it('a document of the wrong shape', () => {
    const wrong = typecheck(`${prelude}export const a = tx.insert(C.users, { _id: 'x' })\n`)
    // While port.ts keeps its untyped TRANSITION overloads (deleted once every domain uses C.<name>), the wrong
    // document can only reach the deprecated one; after that it is a type error.
    const transition = readFileSync(join(ROOT, 'cloudfunctions/_core/port.ts'), 'utf8').includes('TRANSITION')
    if (transition && wrong.errors.length === 0) expect(wrong.deprecated).not.toEqual([])
    else expect(wrong.errors).toEqual([expect.stringMatching(/is missing the following properties|not assignable/)])
    const right = `{ _id: 'x', openid: null, name: '卓玛', phone: null, householdId: null, residenceUnitId: null, createdAt: 0 }`
    expect(typecheck(`${prelude}export const a = tx.insert(C.users, ${right})\n`)).toEqual({
      errors: [],
      deprecated: [],
    })
  }, 30_000)
})
