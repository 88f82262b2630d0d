import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { z } from 'zod'
import { CONTRACTS } from '@shared/contracts'
import { registered, type Entry } from '@shared/i18n/i18n'
import { fieldLabelKey } from '@shared/validation'

/**
 * The message catalogue (issue #20): every message in both languages, Tibetan written in Tibetan script with the
 * same placeholders as the Chinese, and every input field of every contract with a label, so an input check never
 * names a field by its code name. Client catalogues (`*.strings.ts`) are checked like the registered ones.
 */
const ROOT = join(__dirname, '..')

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
/** Tibetan script, digits, Latin letters for codes, spaces and the punctuation both languages share */
const TIBETAN_TEXT = /^[\u0F00-\u0FFF0-9A-Za-z\s{}_.,:;!?%/()\-–—+×·•…"'“”‘’«»<>=#@*&[\]|~^$]*$/

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!).sort()
}

function problemsOf(key: string, entry: Entry): string[] {
  const out: string[] = []
  // a separator (zh without letters) may be only a space in Tibetan
  const bo = entry.bo ?? ''
  const separator = !CJK.test(entry.zh) && bo.length > 0 && !bo.trim()
  if (!bo.trim() && !separator) out.push(`${key}: no Tibetan`)
  else {
    if (CJK.test(bo)) out.push(`${key}: Chinese characters in the Tibetan`)
    if (!TIBETAN_TEXT.test(bo)) out.push(`${key}: the Tibetan has characters outside Tibetan script`)
    if (placeholders(bo).join() !== placeholders(entry.zh).join()) out.push(`${key}: placeholders differ`)
    // a value put in {field} is a word of its own: a tsheg or a space must part it from the next syllable
    if (/\}[\u0F40-\u0FBC]/.test(bo)) out.push(`${key}: a placeholder runs into the next syllable`)
    // a label goes inside sentences: it ends without a shad (the sentence brings its own)
    if (/^field\./.test(key) && /།\s*$/.test(bo)) out.push(`${key}: a label ends with a shad`)
  }
  return out
}

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix))
    else if (name.endsWith(suffix)) out.push(p)
  }
  return out
}

describe('message catalogue', () => {
  // catalogues only the server imports (`*.server.messages.ts`) are registered here too
  beforeAll(async () => {
    for (const dir of ['shared', 'server', 'cloudfunctions']) {
      for (const file of filesUnder(join(ROOT, dir), '.messages.ts')) await import(file)
    }
  })

  it('has every registered message in Tibetan, in Tibetan script, with the same placeholders', () => {
    const problems: string[] = []
    for (const [key, entry] of registered()) problems.push(...problemsOf(key, entry))
    expect(problems).toEqual([])
  })

  it('has every client string in Tibetan', async () => {
    const problems: string[] = []
    for (const file of filesUnder(join(ROOT, 'miniprogram'), '.strings.ts')) {
      const rel = relative(ROOT, file)
      const mod = (await import(file)) as Record<string, Record<string, Entry>>
      for (const catalogue of Object.values(mod)) {
        for (const [key, entry] of Object.entries(catalogue)) problems.push(...problemsOf(`${rel} ${key}`, entry))
      }
    }
    expect(problems).toEqual([])
  })

  it('labels every input field of every contract', () => {
    const missing: string[] = []
    for (const [fn, contract] of Object.entries(CONTRACTS)) {
      for (const [name, def] of Object.entries(contract.actions)) {
        for (const field of fieldsOf(def.input)) {
          if (!fieldLabelKey(field, fn)) missing.push(`${fn}.${name}: field.${field}`)
        }
      }
    }
    expect([...new Set(missing)]).toEqual([])
  })
})

/** The property names of a schema, through optional/default/nullable wrappers, arrays and unions. */
function fieldsOf(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  const out: string[] = []
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) out.push(k, ...fieldsOf(v, seen))
  }
  for (const inner of ['innerType', 'element', 'in', 'out', 'valueType'] as const) {
    if (def[inner]) out.push(...fieldsOf(def[inner] as z.ZodType, seen))
  }
  if (Array.isArray(def.options)) for (const o of def.options as z.ZodType[]) out.push(...fieldsOf(o, seen))
  if (def.left) out.push(...fieldsOf(def.left as z.ZodType, seen), ...fieldsOf(def.right as z.ZodType, seen))
  return out
}
