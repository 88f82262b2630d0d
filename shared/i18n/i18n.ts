/**
 * One typed message catalogue for both halves, in two languages: 简体中文 (`zh`, the source: every key) and
 * Tibetan (`bo`, Unicode Tibetan, in plain words). A key's Chinese text defines its parameters (`{name}`), so a
 * missing or misspelt key or parameter fails the typecheck. A key not yet translated falls back to Chinese, never
 * to the key itself. Catalogues are split by where they are needed (common, one per domain, one per client
 * subpackage) so a mini-program package carries only its own strings.
 */
export const LANGS = ['zh', 'bo'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'zh'

/** Each language's own name, as its readers write it (the language picker shows these, untranslated). */
// eslint-disable-next-line linli/no-chinese-literal -- a language's own name is never translated
export const LANG_NAMES: Record<Lang, string> = { zh: '简体中文', bo: 'བོད་ཡིག' }

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'bo'
}

/** One entry: the Chinese source and its Tibetan translation (absent: not yet translated). */
export interface Entry {
  zh: string
  bo?: string
}

type Names<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Names<Rest> : never
/** The parameters a message takes, from the `{name}` placeholders of its Chinese text. */
export type ParamsOf<S extends string> = [Names<S>] extends [never]
  ? Record<string, never>
  : Record<Names<S>, string | number>
/** The rest-arguments of a call with this message: none when it has no placeholder. */
export type ArgsOf<S extends string> = [Names<S>] extends [never] ? [] : [params: ParamsOf<S>]

export type Messages = Record<string, Entry>

/** A catalogue: its entries with the Chinese text kept as literal types (for the parameter checks). */
export type Catalogue<M extends Messages> = { readonly [K in keyof M]: M[K] }

export function defineMessages<const M extends Messages>(messages: M): Catalogue<M> {
  return messages
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written (visible, never silently empty). */
export function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (all, name: string) => {
    const v = params[name]
    return v === undefined ? all : String(v)
  })
}

/** An entry's text in a language, falling back to Chinese. */
export function textOf(entry: Entry, lang: Lang, params?: Record<string, string | number>): string {
  return fill((lang === 'bo' ? entry.bo : undefined) || entry.zh, params)
}

/** A translator over one catalogue: `t('key', { param })` in the given language. */
export type Translate<M extends Messages> = <K extends keyof M & string>(key: K, ...args: ArgsOf<M[K]['zh']>) => string

export function translator<M extends Messages>(catalogue: Catalogue<M>, lang: () => Lang): Translate<M> {
  return ((key: string, params?: Record<string, string | number>) => {
    const entry = (catalogue as Messages)[key]
    // Unknown keys cannot pass the typecheck; at run time (stale data) show nothing rather than a key.
    return entry ? textOf(entry, lang(), params) : ''
  }) as Translate<M>
}

/**
 * A message to show later, in the reader's language: what the server keeps (inbox messages) and returns
 * (errors, labels) instead of a sentence built in one language.
 */
export interface MessageRef {
  key: string
  params?: Record<string, string | number>
}

/** Every catalogue the running half knows, by key: rendering a MessageRef looks the key up here. */
const registry = new Map<string, Entry>()

/** Adds a catalogue to the registry (a key defined twice must say the same thing). */
export function register<M extends Messages>(catalogue: Catalogue<M>): Catalogue<M> {
  for (const [key, entry] of Object.entries(catalogue as Messages)) {
    const prior = registry.get(key)
    if (prior && prior.zh !== entry.zh) throw new Error(`message ${key} is defined twice with different text`)
    registry.set(key, entry)
  }
  return catalogue
}

export function registered(): ReadonlyMap<string, Entry> {
  return registry
}

/** A registered message in a language; a MessageRef's params may themselves name message keys (`@key`). */
export function render(ref: MessageRef, lang: Lang): string {
  const entry = registry.get(ref.key)
  if (!entry) return ''
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(ref.params ?? {})) {
    params[k] =
      typeof v === 'string' && v.startsWith('@') && registry.has(v.slice(1)) ? render({ key: v.slice(1) }, lang) : v
  }
  return textOf(entry, lang, params)
}

/**
 * A message key inside a string, for places that only carry strings (zod's custom messages): `⟦key|{json}⟧`.
 * `renderText` turns such a string into the reader's language and leaves any other text as it is.
 */
export function keyText(key: string, params?: Record<string, string | number>): string {
  return `⟦${key}${params ? `|${JSON.stringify(params)}` : ''}⟧`
}

const KEY_TEXT = /^⟦([^|⟧]+)(?:\|(.*))?⟧$/

export function parseKeyText(text: string): MessageRef | null {
  const m = KEY_TEXT.exec(text)
  if (!m) return null
  let params: Record<string, string | number> | undefined
  if (m[2]) {
    try {
      params = JSON.parse(m[2]) as Record<string, string | number>
    } catch {
      return null
    }
  }
  return params ? { key: m[1]!, params } : { key: m[1]! }
}

export function renderText(text: string, lang: Lang): string {
  const ref = parseKeyText(text)
  return ref ? render(ref, lang) : text
}
