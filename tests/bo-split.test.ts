import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import ts from 'typescript'
import { addBoTexts, boLater, hashOf } from '@shared/i18n/bo-split'
import { textOf, type Entry } from '@shared/i18n/i18n'

/**
 * The H5 build's split of the catalogues by language (config/bo-split.cjs, issue #19): a split file carries no
 * Tibetan and finds each entry's Tibetan in the loaded texts, by the same key the texts are written under; until
 * they are loaded every entry shows its Chinese. The built app is checked in e2e/account.test.ts (a Chinese
 * reader never fetches the texts, a Tibetan reader's first screen is Tibetan).
 */
type All = { files: string[]; texts: Record<string, string>; clash: Set<string> }
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain CommonJS, as webpack loads it
const split = require('../config/bo-split.cjs') as {
  split(source: string, file: string, all?: All): string
  splits(file: string): boolean
  allTexts(): All
  entriesOf(source: string, file: string): Array<{ zh: string; bo: string }>
  hashOf(text: string): string
}

const ROOT = join(__dirname, '..')
const TIBETAN = /[\u0F00-\u0FFF]/
const BO_VALUE = /\bbo: ['"`][^'"`]*[\u0F00-\u0FFF]/

/** Runs a split source (TypeScript) as the bundle would, with its one import: the texts' runtime. */
function run(source: string, file: string, all: All): Record<string, Entry> {
  const js = ts.transpileModule(split.split(source, file, all), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText
  const exports: Record<string, unknown> = {}
  const req = (id: string) => {
    if (id.endsWith('bo-split.ts')) return { boLater }
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
  // the texts as the build gathers them (here from the sample alone): one Chinese text translated two ways stays out
  const all: All = {
    files: [file],
    texts: { [hashOf('你好，{name}')]: 'བཀྲ་ཤིས་བདེ་ལེགས། {name}' },
    clash: new Set([hashOf('照片')]),
  }
  const out = split.split(SAMPLE, file, all)
  // only what is kept whole (the question in both languages, the text translated two ways) still has its Tibetan
  expect(
    out
      .split('\n')
      .filter((l) => TIBETAN.test(l))
      .map((l) => l.trim().split(':')[0]),
  ).toEqual(['photo', 'picture', 'ask'])
  const M = run(SAMPLE, file, all)
  expect(textOf(M.hello!, 'bo', { name: '卓玛' })).toBe('你好，卓玛')
  expect(textOf(M.ask!, 'bo')).toBe('སྐད་ཡིག་འདེམས་རོགས།')
  addBoTexts(all.texts)
  expect(textOf(M.hello!, 'bo', { name: '卓玛' })).toBe('བཀྲ་ཤིས་བདེ་ལེགས། 卓玛')
  expect(textOf(M.hello!, 'zh', { name: '卓玛' })).toBe('你好，卓玛')
  expect(textOf(M.only_zh!, 'bo')).toBe('只有中文')
  expect([M.photo!.bo, M.picture!.bo]).toEqual(['པར', 'པར་རིས'])
  // an entry made after the texts came takes its own at once
  expect(run(SAMPLE, file, all).hello!.bo).toBe('བཀྲ་ཤིས་བདེ་ལེགས། {name}')
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
  expect(all.files.length).toBeGreaterThan(5)
  let handed = 0
  for (const file of all.files) {
    const source = readFileSync(file, 'utf8')
    const out = split.split(source, file, all)
    // a Tibetan text left as a `bo` value (a Chinese text may name the language in its script: 语言 / སྐད་ཡིག),
    // but for an entry kept whole (bo-inline, or its Chinese translated two ways)
    const left = out
      .split('\n')
      .filter((line, i, lines) => BO_VALUE.test(line) && !/bo-inline/.test(lines[i - 1] ?? ''))
    const translatedTwoWays = split.entriesOf(source, file).filter((e) => all.clash.has(hashOf(e.zh)))
    // (a kept entry written with a quote before its first Tibetan letter is not matched: at most as many)
    expect([file, left.length <= translatedTwoWays.length]).toEqual([file, true])
    handed += (out.match(/__linliBo\(\{/g) ?? []).length + (out.match(/__linliBo\(\n/g) ?? []).length
  }
  expect(handed).toBeGreaterThan(500)
})
