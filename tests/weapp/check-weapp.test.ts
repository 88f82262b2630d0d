/**
 * Runs tools/check-weapp.mjs on the real build: ES2019 syntax, WeChat's wcc/wcsc, miniprogram-ci's
 * offline compile and the package size budget. A child process, because miniprogram-ci leaves workers
 * behind that would keep jest alive.
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { assertBuilt } from './support/weapp-env'

assertBuilt()

test('dist/weapp passes syntax, WeChat compiler, miniprogram-ci and size checks', () => {
  const root = resolve(__dirname, '../..')
  const run = spawnSync(process.execPath, [join(root, 'tools/check-weapp.mjs'), join(root, 'dist/weapp')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  })
  const output = `${run.stdout}\n${run.stderr}`
  if (run.status !== 0) console.error(output)
  else console.log(run.stdout)
  expect(run.status).toBe(0)
  expect(output).toMatch(/main package [\d.]+ KB/)
})
