/**
 * Cloud function bundles build their schemas on first use (issue #21, cold starts). At build time every top-level
 * `const <Name>Schema = <definition>` of a module in shared/ or cloudfunctions/ becomes
 * `const <Name>Schema = lazySchema(() => (<definition>))` (shared/lazy-schema.ts): loading a bundle
 * then makes one small proxy per schema instead of building some hundreds of zod objects, and a call builds the
 * schemas it parses with (its input, its output, and what they nest), once per warm instance.
 *
 * The source is not changed: the front end and the local host use the schemas as written, one definition each. The
 * naming rule (zod values are `<Name>Schema`, shared/STYLE.md) is what marks a schema; a definition must only build
 * the schema, since it now runs on first use instead of at load.
 */
import type { Plugin } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

const ROOT = resolve(__dirname, '..')
const HELPER = join(ROOT, 'shared', 'lazy-schema.ts')
const SCHEMA_NAME = /Schema$/

/** The top-level schema constants of a module, with where their definitions are. */
export function schemaDefinitions(
  code: string,
  file = 'module.ts',
): Array<{ name: string; start: number; end: number }> {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const out: Array<{ name: string; start: number; end: number }> = []
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !SCHEMA_NAME.test(d.name.text) || !d.initializer) continue
      out.push({ name: d.name.text, start: d.initializer.getStart(source), end: d.initializer.getEnd() })
    }
  }
  return out
}

/** The module with each schema constant's definition deferred to first use (unchanged if it has none). */
export function deferSchemas(code: string, file = 'module.ts', helper = HELPER): string {
  const defs = schemaDefinitions(code, file)
  if (!defs.length) return code
  let out = ''
  let at = 0
  for (const d of defs) {
    out += `${code.slice(at, d.start)}__lazySchema(() => (${code.slice(d.start, d.end)}))`
    at = d.end
  }
  out += code.slice(at)
  return `import { lazySchema as __lazySchema } from ${JSON.stringify(helper)};\n${out}`
}

const inScope = (path: string): boolean => {
  const rel = relative(ROOT, path).split(sep).join('/')
  return (
    /^(shared|cloudfunctions)\//.test(rel) &&
    !rel.endsWith('.test.ts') &&
    resolve(path) !== HELPER &&
    !rel.includes('/node_modules/')
  )
}

/** The esbuild plugin of the function bundles (tools/build-functions.ts). */
export const lazySchemas: Plugin = {
  name: 'lazy-schemas',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!inScope(args.path)) return undefined
      const code = readFileSync(args.path, 'utf8')
      if (!/Schema\s*(:[^=]*)?=/.test(code)) return undefined
      return { contents: deferSchemas(code, args.path), loader: 'ts', resolveDir: dirname(args.path) }
    })
  },
}
