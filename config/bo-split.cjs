/**
 * H5 only: the Tibetan texts of the message catalogues as their own chunk, fetched only by Tibetan readers (issue
 * #19). The catalogues stay written as they are (`{ zh: '…', bo: '…' }`, one typed catalogue, checked by tsc and
 * the completeness tests); this webpack loader rewrites them as the H5 build reads them:
 * - in every catalogue file it splits (`splits`), each entry's `bo: '…'` becomes `get bo(){return b(this.zh)}`,
 *   a look-up (by a hash of its Chinese) in the Tibetan texts once they are loaded (`shared/i18n/bo-split.ts`); until then, and for Chinese
 *   readers, an entry has no Tibetan and shows its Chinese (the fallback `textOf` already has);
 * - `shared/i18n/bo.texts.ts` (an empty stub in the source) becomes every split file's Tibetan texts, by file and
 *   the hash of the Chinese text; `services/i18n.ts` imports it with `import()` when the language is Tibetan.
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

/** A file's short name, the same in the rewritten file and in the texts. */
function fileId(file) {
  return hashOf(path.relative(root, file).split(path.sep).join('/'))
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
 * The entries of a source: every object literal with a literal `zh` and a literal `bo`. Each gives its Tibetan
 * text, the key it is looked up by (its Chinese; `#n` when one file gives one Chinese text two translations) and
 * where its `bo` property is written.
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
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p)) continue
        const name = propName(p)
        if (name === 'zh') zh = literal(p.initializer)
        else if (name === 'bo' && literal(p.initializer) !== null) bo = p
      }
      if (zh !== null && bo && !inline(node))
        found.push({ zh, bo: literal(bo.initializer), start: bo.getStart(sf), end: bo.getEnd() })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  // an entry is found by the hash of its Chinese; when two entries of one file share a hash but not their
  // Tibetan (one Chinese text translated two ways, or a collision), they are found by their place instead
  const texts = new Map()
  const clash = new Set()
  for (const e of found) {
    const h = hashOf(e.zh)
    if (texts.has(h) && texts.get(h) !== e.bo) clash.add(h)
    else texts.set(h, e.bo)
  }
  return found.map((e, i) => ({
    ...e,
    key: clash.has(hashOf(e.zh)) ? `#${i}` : hashOf(e.zh),
    place: clash.has(hashOf(e.zh)) ? i : null,
  }))
}

/** The file as the H5 build compiles it: no Tibetan text, a look-up instead. */
function split(source, file) {
  const entries = entriesOf(source, file)
  if (!entries.length) return source
  let out = ''
  let at = 0
  for (const e of entries) {
    out += source.slice(at, e.start)
    out += `get bo(){return __linliBo(this.zh${e.place === null ? '' : `,${e.place}`})}`
    at = e.end
  }
  out += source.slice(at)
  const importer = `import { boTextsOf as __linliBoTextsOf } from ${JSON.stringify(RUNTIME)};\nconst __linliBo = __linliBoTextsOf(${JSON.stringify(fileId(file))});\n`
  return importer + out
}

/** The Tibetan texts of one file: key → text. */
function textsOf(source, file) {
  const out = {}
  for (const e of entriesOf(source, file)) out[e.key] = e.bo
  return out
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

/** Every split file's Tibetan texts, by file id (the chunk `services/i18n.ts` loads). */
function allTexts() {
  const files = [...walk(path.join(root, 'shared'), []), ...walk(path.join(root, 'miniprogram'), [])].sort()
  const out = {}
  for (const f of files) {
    const texts = textsOf(fs.readFileSync(f, 'utf8'), f)
    if (Object.keys(texts).length) out[fileId(f)] = { file: f, texts }
  }
  return out
}

/** The webpack loader (a `pre` loader: it sees the TypeScript as written). */
function loader(source) {
  const file = this.resourcePath
  if (file === STUB) {
    const all = allTexts()
    for (const { file: f } of Object.values(all)) this.addDependency(f)
    this.addContextDependency(path.join(root, 'shared'))
    this.addContextDependency(path.join(root, 'miniprogram'))
    const texts = Object.fromEntries(Object.entries(all).map(([id, v]) => [id, v.texts]))
    return `const texts: Record<string, Record<string, string>> = ${JSON.stringify(texts)}\nexport default texts\n`
  }
  return splits(file) ? split(source, file) : source
}

module.exports = loader
module.exports.split = split
module.exports.splits = splits
module.exports.textsOf = textsOf
module.exports.allTexts = allTexts
module.exports.fileId = fileId
module.exports.hashOf = hashOf
module.exports.STUB = STUB
