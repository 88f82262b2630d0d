/**
 * The README's opening table, generated from the code so it cannot drift: domain → function →
 * actions → permissions → collections (those the function's code names, as `C.<name>` or still as a string) → pages.
 * `npm run docs` rewrites the README section; a unit test fails when it is out of date.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CONTRACTS } from '@shared/contracts'
import { COLLECTIONS } from '../cloudfunctions/_core/collections'

const ROOT = resolve(__dirname, '..')
export const START = '<!-- domain-table:start -->'
export const END = '<!-- domain-table:end -->'

function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

export function domainTable(): string {
  const rows = ['| domain | function | actions | permissions | collections | pages |', '|---|---|---|---|---|---|']
  for (const [name, contract] of Object.entries(CONTRACTS)) {
    const actions = Object.keys(contract.actions)
    const permissions = [...new Set(Object.values(contract.actions).map((a) => a.permission ?? '(signed in)'))]
    const code = files(join(ROOT, 'cloudfunctions', name))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    // named as C.<name> (typed collections) or, in code not yet migrated, as a string
    const collections = Object.keys(COLLECTIONS).filter(
      (c) => c !== 'requests' && new RegExp(`\\bC\\.${c}\\b|['"\`]${c}['"\`]`).test(code),
    )
    const pagesDir = join(ROOT, 'miniprogram/packages', name, 'pages')
    const pages = existsSync(pagesDir)
      ? readdirSync(pagesDir)
          .sort()
          .map((p) => `packages/${name}/pages/${p}`)
      : []
    rows.push(
      `| ${contract.title} | \`${name}\` | ${actions.map((a) => `\`${a}\``).join(' ')} | ${permissions.map((p) => `\`${p}\``).join(' ')} | ${collections.map((c) => `\`${c}\``).join(' ')} | ${pages.join('<br>')} |`,
    )
  }
  return rows.join('\n')
}

export function withTable(readme: string): string {
  const a = readme.indexOf(START)
  const b = readme.indexOf(END)
  if (a < 0 || b < a) throw new Error('README.md has no domain-table markers')
  return `${readme.slice(0, a + START.length)}\n${domainTable()}\n${readme.slice(b)}`
}

if (process.argv[1]?.endsWith('domain-table.ts')) {
  const file = join(ROOT, 'README.md')
  writeFileSync(file, withTable(readFileSync(file, 'utf8')))
  console.log('README.md domain table updated')
}
