// Runs the repository's own lint checks on code the caller makes up, through their Node APIs, and prints what
// each check said as JSON (tools/lint.test.ts). A separate process because ESLint's flat config, Prettier and
// dependency-cruiser load ES modules, which jest's CommonJS sandbox cannot. Nothing here is written to the repo:
// ESLint and Prettier get text with a path, dependency-cruiser a temporary tree that mirrors the repo's folders.
//
// stdin:  { eslint: [{ filePath, code }], prettier: [{ filePath, code }], layers: { <path>: <code> } }
// stdout: { eslint: [ruleId[]], prettier: [formatted?], layers: [{ from, to, rule }] }
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise } from 'dependency-cruiser'
import { ESLint } from 'eslint'
import * as prettier from 'prettier'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const input = JSON.parse(readFileSync(0, 'utf8'))

const eslint = new ESLint({ cwd: root })
const linted = []
for (const { filePath, code } of input.eslint) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) })
  linted.push(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`))
}

const formatted = []
for (const { filePath, code } of input.prettier) {
  const file = join(root, filePath)
  const config = await prettier.resolveConfig(file)
  formatted.push(await prettier.check(code, { ...config, filepath: file }))
}

const tree = mkdtempSync(join(tmpdir(), 'linli-layers-'))
let layers
try {
  for (const [path, code] of Object.entries(input.layers)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true })
    writeFileSync(join(tree, path), code)
  }
  // the packages the rules name resolve as they do in the repo, under node_modules/ of the tree
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir')
  const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'))
  // the repo's rules and options; the tree has no tsconfig (its imports are relative) and is its own base
  const { tsConfig: _tsConfig, ...options } = config.options
  const folders = [...new Set(Object.keys(input.layers).map((p) => p.split('/')[0]))]
  const result = await cruise(folders, {
    ...options,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    baseDir: tree,
    preserveSymlinks: true,
  })
  layers = result.output.summary.violations.map((v) => ({ from: v.from, to: v.to, rule: v.rule.name }))
} finally {
  rmSync(tree, { recursive: true, force: true })
}

process.stdout.write(JSON.stringify({ eslint: linted, prettier: formatted, layers }))
