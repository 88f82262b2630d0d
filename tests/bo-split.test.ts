import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import ts from 'typescript'
import { addBoTexts, boTextsOf, hashOf } from '@shared/i18n/bo-split'
import { textOf, type Entry } from '@shared/i18n/i18n'

/**
 * The H5 build's split of the catalogues by language (config/bo-split.cjs, issue #19): a split file carries no
 * Tibetan and finds each entry's Tibetan in the loaded texts, by the same key the texts are written under; until
 * they are loaded every entry shows its Chinese. The built app is checked in e2e/account.test.ts (a Chinese
 * reader never fetches the texts, a Tibetan reader's first screen is Tibetan).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain CommonJS, as webpack loads it
const split = require('../config/bo-split.cjs') as {
  split(source: string, file: string): string
  splits(file: string): boolean
  textsOf(source: string, file: string): Record<string, string>
  allTexts(): Record<string, { file: string; texts: Record<string, string> }>
  fileId(file: string): string
  hashOf(text: string): string
}

const ROOT = join(__dirname, '..')
const TIBETAN = /[\u0F00-\u0FFF]/
const BO_VALUE = /\bbo: ['"`][^'"`]*[\u0F00-\u0FFF]/

/** Runs a split source (TypeScript) as the bundle would, with its one import: the texts' runtime. */
function run(source: string, file: string): Record<string, Entry> {
  const js = ts.transpileModule(split.split(source, file), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText
  const exports: Record<string, unknown> = {}
  const req = (id: string) => {
    if (id.endsWith('bo-split.ts')) return { boTextsOf }
    throw new Error(`unexpected import ${id}`)
  }
  new Function('exports', 'require', js)(exports, req)
  return exports.M as Record<string, Entry>
}

const SAMPLE = `
export const M = {
  hello: { zh: '你好，{name}', bo: 'བཀྲ་ཤིས་བདེ་ལེགས། {name}' },
  only_zh: { zh: '只有中文' },
  // one Chinese text, two translations: each keeps its own
  photo: { zh: '照片', bo: 'པར' },
  picture: { zh: '照片', bo: 'པར་རིས' },
  // bo-inline
  ask: { zh: '请选择语言', bo: 'སྐད་ཡིག་འདེམས་རོགས།' },
}
`

test('a split catalogue shows Chinese until the Tibetan texts are loaded, then each entry its own Tibetan', () => {
  const file = join(ROOT, 'shared', 'sample.messages.ts')
  const out = split.split(SAMPLE, file)
  // only the entry kept whole still has its Tibetan in the file
  expect(out.replace(/\n {2}ask: .*\n/, '\n')).not.toMatch(TIBETAN)
  const M = run(SAMPLE, file)
  expect(textOf(M.hello!, 'bo', { name: '卓玛' })).toBe('你好，卓玛')
  expect(textOf(M.ask!, 'bo')).toBe('སྐད་ཡིག་འདེམས་རོགས།')
  addBoTexts({ [split.fileId(file)]: split.textsOf(SAMPLE, file) })
  expect(textOf(M.hello!, 'bo', { name: '卓玛' })).toBe('བཀྲ་ཤིས་བདེ་ལེགས། 卓玛')
  expect(textOf(M.hello!, 'zh', { name: '卓玛' })).toBe('你好，卓玛')
  expect(textOf(M.only_zh!, 'bo')).toBe('只有中文')
  expect([M.photo!.bo, M.picture!.bo]).toEqual(['པར', 'པར་རིས'])
})

test('the loader and the runtime key an entry by the same hash of its Chinese', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => expect(hashOf(s)).toBe(split.hashOf(s))))
})

test('what the H5 build splits: the first load’s catalogues, never a subpackage’s, a test or the server’s', () => {
  expect(split.splits(join(ROOT, 'shared/i18n/common.messages.ts'))).toBe(true)
  expect(split.splits(join(ROOT, 'miniprogram/pages/home/home.strings.ts'))).toBe(true)
  expect(split.splits(join(ROOT, 'miniprogram/packages/patrol/patrol.strings.ts'))).toBe(false)
  expect(split.splits(join(ROOT, 'shared/account/account.server.messages.ts'))).toBe(false)
  expect(split.splits(join(ROOT, 'shared/i18n/i18n.ts'))).toBe(false)
  expect(split.splits(join(ROOT, 'shared/i18n/i18n.test.ts'))).toBe(false)
})

test('every split file of the tree leaves no Tibetan behind but what is kept whole, and the texts have it all', () => {
  const all = split.allTexts()
  expect(Object.keys(all).length).toBeGreaterThan(5)
  for (const { file, texts } of Object.values(all)) {
    const source = readFileSync(file, 'utf8')
    const out = split.split(source, file)
    // a Tibetan text left as a \`bo\` value (a Chinese text may name the language in its script: 语言 / སྐད་ཡིག)
    const left = out
      .split('\n')
      .filter((line, i, lines) => BO_VALUE.test(line) && !/bo-inline/.test(lines[i - 1] ?? ''))
    expect([file, left]).toEqual([file, []])
    // each look-up written into the file finds a text
    const lookups = (out.match(/get bo\(\)\{return __linliBo\(this\.zh(,\d+)?\)\}/g) ?? []).length
    expect([file, lookups > 0, Object.keys(texts).length > 0]).toEqual([file, true, true])
    for (const text of Object.values(texts)) expect(source).toContain(text)
  }
})
