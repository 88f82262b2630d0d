#!/usr/bin/env node
/**
 * Checks the built mini-program (dist/weapp) the way WeChat will see it, offline:
 *   1. syntax: every .js parses as ES2019, so no `?.` / `??` (or newer) slipped past Taro's transpile
 *      (older WeChat base libraries reject them at load time);
 *   2. WXML and WXSS compile with WeChat's own compilers (wcc / wcsc, shipped in miniprogram-compiler);
 *   3. miniprogram-ci compiles the project (app.json / page json checks, JS and WXSS) with project
 *      attributes supplied locally instead of fetched with an upload key;
 *   4. size: the main package (everything outside the subpackage roots in app.json) is within budget,
 *      and each subpackage within WeChat's 2 MB limit.
 * Usage: node tools/check-weapp.mjs [distDir] [--skip-ci]. Exits 1 on any failure.
 * miniprogram-ci leaves workers and watchers running, so the script ends with process.exit.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)
const DIST = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist/weapp')
const SKIP_CI = args.includes('--skip-ci')

// Issue #20: the main package stays under 600 KB with both languages' catalogues (Preact instead of React's
// reconciler, and 12 template levels instead of 16, brought it from ~687 KB there). WeChat's own limit is 2 MB.
const MAIN_BUDGET = 600 * 1024
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024

const failures = []
const fail = (msg) => {
  failures.push(msg)
  console.error(`  ✗ ${msg}`)
}
const ok = (msg) => console.log(`  ✓ ${msg}`)
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

function walk(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...walk(full))
    else out.push(full)
  }
  return out
}

if (!existsSync(join(DIST, 'app.json'))) {
  console.error(`${DIST}/app.json not found: run \`npm run build:weapp\` first`)
  process.exit(1)
}
const files = walk(DIST).map((f) => ({ path: relative(DIST, f).split(sep).join('/'), size: statSync(f).size }))
const appJson = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'))
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'))

// 1. syntax ------------------------------------------------------------------------------------------
console.log('1. JS syntax (must parse as ES2019: no optional chaining / nullish coalescing)')
{
  const { parse } = require('acorn')
  let count = 0
  for (const f of files.filter((x) => x.path.endsWith('.js'))) {
    const code = readFileSync(join(DIST, f.path), 'utf8')
    try {
      parse(code, { ecmaVersion: 2019, sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true })
      count++
    } catch (e) {
      const at = e.pos !== undefined ? code.slice(Math.max(0, e.pos - 60), e.pos + 40).replace(/\s+/g, ' ') : ''
      fail(`${f.path}: ${e.message} … ${at}`)
    }
  }
  ok(`${count} JS files parse as ES2019`)
}

// 2. wcc / wcsc --------------------------------------------------------------------------------------
console.log('2. WeChat WXML / WXSS compilers (wcc, wcsc)')
{
  const compiler = require('miniprogram-compiler')
  try {
    const js = compiler.wxmlToJs(DIST, { maxBuffer: 64 * 1024 * 1024 })
    ok(`wcc compiled ${files.filter((f) => f.path.endsWith('.wxml')).length} WXML files (${kb(js.length)})`)
  } catch (e) {
    fail(`wcc: ${e.message}`)
  }
  try {
    compiler.wxssToJs(DIST, { maxBuffer: 64 * 1024 * 1024 })
    ok(`wcsc compiled ${files.filter((f) => f.path.endsWith('.wxss')).length} WXSS files`)
  } catch (e) {
    fail(`wcsc: ${e.message}`)
  }
}

// 3. miniprogram-ci ----------------------------------------------------------------------------------
console.log('3. miniprogram-ci compile (offline, local project attributes)')
if (SKIP_CI) {
  console.log('  - skipped (--skip-ci)')
} else {
  const ci = require('miniprogram-ci')
  // Silence the CI's progress chatter; keep errors.
  const log = console.log
  console.log = () => {}
  try {
    const project = new ci.Project({
      appid: JSON.parse(readFileSync(join(DIST, 'project.config.json'), 'utf8')).appid || 'touristappid',
      type: 'miniProgram',
      projectPath: DIST,
      // Only used to sign requests for upload/preview, which this check never makes.
      privateKey: 'offline-compile-check',
      // Supplying attr skips the network fetch of the account's attributes; these are WeChat's defaults.
      attr: async () => ci.DefaultProjectAttr,
    })
    const result = await ci.getCompiledResult({
      project,
      setting: { es6: false, es7: false, minify: false, minifyWXML: false, minifyWXSS: false, autoPrefixWXSS: false },
      onProgressUpdate: () => {},
    })
    console.log = log
    const names = Object.keys(result)
    for (const page of [
      ...appJson.pages,
      ...subRoots.flatMap((root, i) => (appJson.subPackages ?? appJson.subpackages)[i].pages.map((p) => root + p)),
    ]) {
      if (!names.includes(`${page}.js`)) fail(`miniprogram-ci output lacks ${page}.js`)
    }
    ok(`miniprogram-ci compiled ${names.length} files`)
  } catch (e) {
    console.log = log
    fail(`miniprogram-ci: ${e && e.message ? e.message : String(e)}${e && e.path ? ` (${e.path})` : ''}`)
  }
}

// 4. sizes -------------------------------------------------------------------------------------------
console.log('4. package sizes')
{
  const inSub = (p) => subRoots.find((r) => p.startsWith(r))
  const main = files.filter((f) => !inSub(f.path))
  const mainTotal = main.reduce((s, f) => s + f.size, 0)
  for (const f of [...main].sort((a, b) => b.size - a.size).slice(0, 12))
    console.log(`    ${kb(f.size).padStart(10)}  ${f.path}`)
  const line = `main package ${kb(mainTotal)} in ${main.length} files (budget ${kb(MAIN_BUDGET)})`
  if (mainTotal > MAIN_BUDGET) fail(line)
  else ok(line)
  for (const root of subRoots) {
    const total = files.filter((f) => f.path.startsWith(root)).reduce((s, f) => s + f.size, 0)
    const msg = `subpackage ${root} ${kb(total)} (limit ${kb(SUBPACKAGE_LIMIT)})`
    if (total > SUBPACKAGE_LIMIT) fail(msg)
    else ok(msg)
  }
}

console.log(failures.length ? `\nFAILED: ${failures.length} problem(s)` : '\nweapp checks passed')
process.exit(failures.length ? 1 : 0)
