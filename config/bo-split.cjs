/**
 * H5 only: the Tibetan texts of the message catalogues as their own chunk, fetched only by Tibetan readers (issue
 * #19). The catalogues stay written as they are (`{ zh: '…', bo: '…' }`, one typed catalogue, checked by tsc and
 * the completeness tests); this webpack loader rewrites them as the H5 build reads them:
 * - in every catalogue file it splits (`splits`), each entry `{ zh: '…', bo: '…' }` loses its `bo` and is handed to
 *   `boLater` (`shared/i18n/bo-split.ts`), which gives it its Tibetan (found by a hash of its Chinese) once the
 *   texts are loaded; until then, and for Chinese readers, it has none and shows its Chinese (the fallback
 *   `textOf` already has);
 * - `shared/i18n/bo.texts.ts` (an empty stub in the source) becomes the Tibetan of every split entry, by the hash
 *   of its Chinese; `services/i18n.ts` imports it with `import()` when the language is Tibetan. A Chinese text
 *   translated two ways in different places keeps its Tibetan inline.
 * What is split: shared/ and miniprogram/ outside miniprogram/packages/ (what the first load carries). A
 * subpackage's strings stay whole in its own lazily loaded chunks, so a page opened later never draws in Chinese
 * before its Tibetan arrives. An entry after a comment saying `bo-inline` (the first launch's question, asked in both
 * languages) is kept whole. Server-only catalogues (`*.server.*`) and `shared/i18n/i18n.ts` (the language names,
 * shown in both scripts to everyone) are left alone. The weapp build does not use this (both languages stay in
 * its main package).
 */
const fs = require('node:fs')
const path = require('node:path')
const ts = require('typescript')

const root = path.resolve(__dirname, '..')
const STUB = path.join(root, 'shared', 'i18n', 'bo.texts.ts')
const RUNTIME = path.join(root, 'shared', 'i18n', 'bo-split.ts')

/** Whether the loader splits this file (absolute path). */
function splits(file) {
  const rel = path.relative(root, file).split(path.sep).join('/')
  if (!/\.tsx?$/.test(rel) || /\.(test|server)\./.test(rel)) return false
  if (rel === 'shared/i18n/i18n.ts' || rel === 'shared/i18n/bo-split.ts' || rel === 'shared/i18n/bo.texts.ts')
    return false
  if (rel.startsWith('miniprogram/packages/')) return false
  return rel.startsWith('shared/') || rel.startsWith('miniprogram/')
}

/** FNV-1a of a string in base 36: a file's short name, and an entry's key by its Chinese text (`hashOf` in
 * shared/i18n/bo-split.ts is the same function: the rewritten file looks its texts up by it). */
function hashOf(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

function literal(node) {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null
}

function propName(p) {
  if (!p.name) return null
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text
  return null
}

/**
 * The entries of a source: every object literal with a literal `zh` and a literal `bo`, with its Tibetan text,
 * where the object is written and what to cut to take its `bo` out (the property and one comma).
 */
function entriesOf(source, file) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found = []
  // an entry shown in both languages to every reader (the first launch's language question) is marked by a
  // comment with `bo-inline` just before it, and kept whole
  const inline = (node) =>
    ts.isPropertyAssignment(node.parent) &&
    (ts.getLeadingCommentRanges(source, node.parent.pos) ?? []).some((r) =>
      source.slice(r.pos, r.end).includes('bo-inline'),
    )
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      let zh = null
      let bo = null
      let before = null
      const props = node.properties
      for (const [i, p] of props.entries()) {
        if (!ts.isPropertyAssignment(p)) continue
        const name = propName(p)
        if (name === 'zh') zh = literal(p.initializer)
        else if (name === 'bo' && literal(p.initializer) !== null) {
          bo = p
          before = i > 0 ? props[i - 1] : null
        }
      }
      if (zh !== null && bo && !inline(node)) {
        // the property and the comma after it, or (the last one) the comma before it
        let cutStart = bo.getStart(sf)
        let cutEnd = bo.getEnd()
        const after = /^\s*,/.exec(source.slice(cutEnd))
        if (after) cutEnd += after[0].length
        else if (before) cutStart = before.getEnd()
        found.push({ zh, bo: literal(bo.initializer), start: node.getStart(sf), end: node.getEnd(), cutStart, cutEnd })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/**
 * The Tibetan of every split file, by the hash of its Chinese; a Chinese text translated two ways (or two texts of
 * one hash) is left out, and its entries keep their Tibetan inline.
 */
function allTexts() {
  const files = [...walk(path.join(root, 'shared'), []), ...walk(path.join(root, 'miniprogram'), [])].sort()
  const texts = {}
  const clash = new Set()
  for (const f of files)
    for (const e of entriesOf(fs.readFileSync(f, 'utf8'), f)) {
      const h = hashOf(e.zh)
      if (h in texts && texts[h] !== e.bo) clash.add(h)
      else texts[h] = e.bo
    }
  for (const h of clash) delete texts[h]
  return { files, texts, clash }
}

let known = null
/** The file as the H5 build compiles it: each split entry without its Tibetan, handed to `boLater`. */
function split(source, file, all = (known ??= allTexts())) {
  const entries = entriesOf(source, file).filter((e) => !all.clash.has(hashOf(e.zh)))
  if (!entries.length) return source
  // edits from the end, so earlier positions hold (a cut lies inside its object)
  const edits = []
  for (const e of entries) {
    edits.push({ at: e.start, del: 0, text: '__linliBo(' })
    edits.push({ at: e.cutStart, del: e.cutEnd - e.cutStart, text: '' })
    edits.push({ at: e.end, del: 0, text: ')' })
  }
  edits.sort((a, b) => b.at - a.at || a.del - b.del)
  let out = source
  for (const d of edits) out = out.slice(0, d.at) + d.text + out.slice(d.at + d.del)
  return `import { boLater as __linliBo } from ${JSON.stringify(RUNTIME)};\n` + out
}

function walk(dir, files) {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) {
      if (d.name !== 'node_modules') walk(p, files)
    } else if (splits(p)) files.push(p)
  }
  return files
}

/** The webpack loader (a `pre` loader: it sees the TypeScript as written). */
function loader(source) {
  const file = this.resourcePath
  if (file === STUB) {
    known = allTexts()
    for (const f of known.files) this.addDependency(f)
    this.addContextDependency(path.join(root, 'shared'))
    this.addContextDependency(path.join(root, 'miniprogram'))
    return `const texts: Record<string, string> = ${JSON.stringify(known.texts)}\nexport default texts\n`
  }
  return splits(file) ? split(source, file) : source
}

module.exports = loader
module.exports.split = split
module.exports.splits = splits
module.exports.allTexts = allTexts
module.exports.entriesOf = entriesOf
module.exports.hashOf = hashOf
module.exports.STUB = STUB
