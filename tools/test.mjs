#!/usr/bin/env node
// `npm test`: every test, in order. Typecheck → lint (ESLint, Prettier, layer rules) → unit and action tests (jest "unit") → build H5,
// weapp and the cloud functions → the built mini-program (jest "weapp": WeChat's compiler, the
// simulator, the package budget) → browser journeys in Debian's Chromium (jest "e2e").
// Ends with one line "tests: N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const artifacts = join(root, '.e2e-artifacts')
rmSync(artifacts, { recursive: true, force: true })
mkdirSync(artifacts, { recursive: true })

const onlyE2e = process.argv.includes('--only-e2e')
const totals = { passed: 0, failed: 0 }
const failures = []
const started = Date.now()

function step(label, cmd, args, opts = {}) {
  const t = Date.now()
  console.log(`\n━━ ${label} ━━`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } })
  const ok = r.status === 0
  console.log(`── ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(0)} s)`)
  if (!ok) failures.push(label)
  return ok
}

function jest(project) {
  const out = join(artifacts, `jest-${project}.json`)
  const ok = step(`jest ${project}`, bin('jest'), [
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${out}`,
    ...(project === 'e2e' ? ['--runInBand'] : []),
    // the simulated mini-program keeps running as an app does (the outbox's 15 s timer, miniprogram-ci's
    // watcher): once its tests are done the process is ended
    ...(project === 'weapp' ? ['--forceExit'] : []),
  ])
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'))
    totals.passed += r.numPassedTests
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)
    if (r.numTotalTests === 0) {
      failures.push(`jest ${project} ran no test`)
      totals.failed += 1
    }
  } else if (!ok) totals.failed += 1
  return ok
}

if (!onlyE2e) {
  step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])
  step('lint', process.execPath, ['tools/lint.mjs'])
  jest('unit')
}
const built =
  step('build h5', bin('taro'), ['build', '--type', 'h5'], { env: { NODE_ENV: 'production' } }) &&
  (onlyE2e || step('build weapp', bin('taro'), ['build', '--type', 'weapp'], { env: { NODE_ENV: 'production' } })) &&
  (onlyE2e || step('build cloud functions', bin('tsx'), ['tools/build-functions.ts']))
if (built) {
  if (!onlyE2e) jest('weapp')
  if (step('chromium for browser tests', 'bash', ['tools/ensure-chromium.sh'])) jest('e2e')
} else {
  totals.failed += 1
}

const minutes = ((Date.now() - started) / 60000).toFixed(1)
console.log(`\n${failures.length ? `failed steps: ${failures.join(', ')}` : 'all steps passed'} in ${minutes} min`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`)
process.exit(failures.length || totals.failed ? 1 : 0)
