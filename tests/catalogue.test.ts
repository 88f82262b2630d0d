import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { z } from 'zod'
import { CONTRACTS } from '@shared/contracts'
import { registered, type Entry } from '@shared/i18n/i18n'
import '@shared/validation'

/**
 * The message catalogue (issue #20): every message in both languages, Tibetan written in Tibetan script with the
 * same placeholders as the Chinese, and every input field of every contract with a label, so an input check never
 * names a field by its code name. Client catalogues (`*.strings.ts`) are checked like the registered ones.
 */
const ROOT = join(__dirname, '..')

/** Domains whose strings are not yet in the catalogue (issue #20): each is removed when its strings move. */
const PENDING = new Set(['incident', 'patrol', 'points', 'volunteer'])

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
/** Tibetan script, digits, Latin letters for codes, spaces and the punctuation both languages share */
const TIBETAN_TEXT = /^[\u0F00-\u0FFF0-9A-Za-z\s{}_.,:;!?%/()\-–—+×·•…"'“”‘’«»<>=#@*&[\]|~^$]*$/

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!).sort()
}

function problemsOf(key: string, entry: Entry): string[] {
  const out: string[] = []
  if (!entry.bo?.trim()) out.push(`${key}: no Tibetan`)
  else {
    if (CJK.test(entry.bo)) out.push(`${key}: Chinese characters in the Tibetan`)
    if (!TIBETAN_TEXT.test(entry.bo)) out.push(`${key}: the Tibetan has characters outside Tibetan script`)
    if (placeholders(entry.bo).join() !== placeholders(entry.zh).join()) out.push(`${key}: placeholders differ`)
  }
  return out
}

function domainOfKey(key: string): string | null {
  const m = /^(?:error\.)?([a-z]+)[.]/i.exec(key)
  const d = m?.[1]?.toLowerCase() ?? null
  return d && PENDING.has(d) ? d : null
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
    for (const file of filesUnder(join(ROOT, 'shared'), '.messages.ts')) await import(file)
  })

  it('has every registered message in Tibetan, in Tibetan script, with the same placeholders', () => {
    const problems: string[] = []
    for (const [key, entry] of registered()) if (!domainOfKey(key)) problems.push(...problemsOf(key, entry))
    expect(problems).toEqual([])
  })

  it('has every client string in Tibetan', async () => {
    const problems: string[] = []
    for (const file of filesUnder(join(ROOT, 'miniprogram'), '.strings.ts')) {
      const rel = relative(ROOT, file)
      const pending = [...PENDING].some((d) => rel.startsWith(`miniprogram/packages/${d}/`))
      if (pending) continue
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
      if (PENDING.has(fn)) continue
      for (const [name, def] of Object.entries(contract.actions)) {
        for (const field of fieldsOf(def.input)) {
          if (!registered().has(`field.${field}`)) missing.push(`${fn}.${name}: field.${field}`)
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
