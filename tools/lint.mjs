#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.mjs: TypeScript, React hooks, jest, the house rules), the Prettier
// check (.prettierrc.json) and the layer rules (dependency-cruiser, .dependency-cruiser.cjs). Part of `npm test`.
// Exits non-zero if any of the three finds a problem.
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const steps = [
  ['eslint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['prettier', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,cjs,css}']],
  [
    'layers',
    bin('depcruise'),
    [
      '--config',
      '.dependency-cruiser.cjs',
      'shared',
      'cloudfunctions',
      'miniprogram',
      'server',
      'seeds',
      'tests',
      'e2e',
      'tools',
      'bench',
    ],
  ],
]
const failed = []
for (const [label, cmd, args] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  console.log(`lint ${label}: ${r.status === 0 ? 'ok' : 'FAILED'}`)
  if (r.status !== 0) failed.push(label)
}
process.exit(failed.length ? 1 : 0)
