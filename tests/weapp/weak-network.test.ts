/**
 * The built mini-program (dist/weapp) carries what weak networks need: the field subpackages preloaded while there
 * is a signal, and photos compressed by WeChat to at most 1280 px before upload (the rule itself is tested in
 * tests/photo.test.ts; this checks the build ships it in the main package, where the report tab lives).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, assertBuilt } from './support/weapp-env'

assertBuilt()

function mainPackageJs(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'packages' && dir === DIST ? [] : mainPackageJs(join(dir, e.name))
    return e.name.endsWith('.js') ? [join(dir, e.name)] : []
  })
}

test('app.json preloads the field subpackages from the home and report tabs', () => {
  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
    preloadRule?: Record<string, { network?: string; packages: string[] }>
    subPackages: Array<{ root: string }>
  }
  const roots = new Set(app.subPackages.map((p) => p.root.replace(/\/$/, '')))
  const home = app.preloadRule?.['pages/home/index']
  expect(home?.network).toBe('all')
  expect(home?.packages).toEqual(expect.arrayContaining(['packages/incident', 'packages/patrol', 'packages/volunteer']))
  for (const rule of Object.values(app.preloadRule ?? {}))
    for (const p of rule.packages) expect(roots.has(p)).toBe(true)
  expect(app.preloadRule?.['pages/report/index']?.packages).toContain('packages/incident')
})

test('the main package asks WeChat to compress photos to 1280 px and keeps them as saved files', () => {
  const code = mainPackageJs()
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
  expect(code).toMatch(/compressImage/)
  expect(code).toMatch(/compressedWidth/)
  expect(code).toMatch(/compressedHeight/)
  expect(code).toMatch(/1280/)
  expect(code).toMatch(/saveFile/)
  // the outbox's storage key: field writes are kept in the main package, for every tab
  expect(code).toContain('linli.outbox')
})
