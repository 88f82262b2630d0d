import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * The audit log is append-only and kept at least six months (Cybersecurity Law art. 21): the only code that
 * writes `C.audit_log` is `_core/audit.ts`, which only inserts; nothing updates, replaces or removes an entry,
 * and no timer or tool deletes them.
 */
function sources(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sources(path))
    else if (/\.(ts|tsx|mjs|cjs)$/.test(name) && !name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

const ROOT = join(__dirname, '..')

it('only _core/audit.ts writes the audit log, and only by insert', () => {
  const writers: string[] = []
  for (const dir of ['cloudfunctions', 'server', 'tools', 'bench', 'seeds']) {
    for (const file of sources(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8')
      if (/\.(set|update|remove|insert)\(\s*C\.audit_log/.test(text) || /['"]audit_log['"]/.test(text))
        writers.push(relative(ROOT, file))
    }
  }
  // collections.ts declares it (by key, not as a string); audit.ts inserts
  expect(writers.sort()).toEqual(['cloudfunctions/_core/audit.ts'])
  const audit = readFileSync(join(ROOT, 'cloudfunctions/_core/audit.ts'), 'utf8')
  expect(audit).toMatch(/tx\.insert\(C\.audit_log/)
  expect(audit).not.toMatch(/\.(set|update|remove)\(C\.audit_log/)
})
