#!/usr/bin/env node
// House rules the compiler does not check (run by `npm run lint` after tsc):
// - no focused or skipped tests (a skipped test checks nothing);
// - actions read the clock from ctx.now, never Date.now() / new Date() (tests move the clock);
// - role names are not compared in cloud-function code: code checks permissions (roles live in the role table).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const problems = []

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(p)
  }
  return out
}

for (const file of walk(root)) {
  const rel = relative(root, file)
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    const at = `${rel}:${i + 1}`
    if (/\.test\.tsx?$/.test(rel) && /\b(it|test|describe)\.(only|skip|todo)\(|\bx(it|describe|test)\(/.test(line)) {
      problems.push(`${at} focused or skipped test`)
    }
    if (/^cloudfunctions\/[a-z]+\/actions\//.test(rel) && /\bDate\.now\(\)|new Date\(\)/.test(line)) {
      problems.push(`${at} use ctx.now, not the machine clock`)
    }
    if (/^cloudfunctions\//.test(rel) && !rel.endsWith('.test.ts') && /\.role\s*===?\s*'(?!resident')/.test(line)) {
      problems.push(`${at} compare permissions, not role names`)
    }
  })
}

if (problems.length) {
  console.error(problems.join('\n'))
  console.error(`lint: ${problems.length} problem(s)`)
  process.exit(1)
}
console.log('lint: ok')
