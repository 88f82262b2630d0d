/**
 * The app builds (H5 and weapp) leave out zod's JSON Schema generator: ~28 KB of minified code (its two modules,
 * `core/to-json-schema.js` and `core/json-schema-processors.js`) that every zod schema links to (`toJSONSchema()`,
 * `~standard.jsonSchema`) but nothing in the app calls: the app parses with its schemas, and the JSON Schema of the
 * contracts is the local host's (`/api/contract`) and the tests', which use zod whole. On a village's 2G line that
 * is ~0.2 s of the first load, and the weapp main package has a 600 KB budget.
 *
 * This webpack loader rewrites the two modules as the app reads them: each exported function becomes a stand-in
 * that refuses to run, saying why; the factories of methods (`create…Method`) give such a refusal instead, so
 * building a schema, which makes its `~standard.jsonSchema` methods, still works; `aggregateChecks`, which the schemas'
 * `minLength`/`maxValue`/`isInt` read, is kept as zod wrote it, with what it uses. `tests/zod-no-json-schema.test.ts`
 * checks both against zod's own modules.
 */
const ts = require('typescript')

const KEEP = new Set(['aggregateChecks'])
const REFUSAL = 'JSON Schema is left out of the app build (config/zod-no-json-schema.cjs)'

/** Whether the loader rewrites this file (absolute path). */
function rewrites(file) {
  return /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/.test(file)
}

/** A factory of methods (`createToJSONSchemaMethod`) gives the refusal; anything else refuses when called. */
const answer = (name) => (/^create/.test(name) ? 'refused' : 'refused()')

/** The module's source with its exported functions stood in for, `aggregateChecks` kept. */
function standIn(code, file = 'module.js') {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const edits = []
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name && !KEEP.has(st.name.text) && st.body) {
      edits.push({
        start: st.body.getStart(source),
        end: st.body.getEnd(),
        text: `{ return ${answer(st.name.text)}; }`,
      })
      // its parameters go too: a default value may name what is no longer there
      if (st.parameters.length) edits.push({ start: st.parameters.pos, end: st.parameters.end, text: '' })
    } else if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || KEEP.has(d.name.text) || !d.initializer) continue
        const fnLike = ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)
        edits.push({
          start: d.initializer.getStart(source),
          end: d.initializer.getEnd(),
          text: fnLike ? `() => ${answer(d.name.text)}` : '{}',
        })
      }
    }
  }
  edits.sort((a, b) => b.start - a.start)
  let out = code
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return `const refused = () => { throw new Error(${JSON.stringify(REFUSAL)}); };\n${out}`
}

module.exports = function zodNoJsonSchema(code) {
  return rewrites(this.resourcePath) ? standIn(code, this.resourcePath) : code
}
module.exports.standIn = standIn
module.exports.rewrites = rewrites
module.exports.REFUSAL = REFUSAL
