/**
 * The Tibetan texts of the catalogues once loaded, for the H5 build, which fetches them as their own chunk only
 * for Tibetan readers (config/bo-split.cjs rewrites each split entry's `bo` into a look-up here). Elsewhere (the
 * server, the mini-program, the tests) the catalogues keep their Tibetan inline and nothing reads this.
 */
type Texts = Record<string, Record<string, string>>

const loaded: Texts = {}
let any = false

/** FNV-1a in base 36, as config/bo-split.cjs computes it: an entry's key, from its Chinese text. */
export function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

/**
 * One file's look-up: an entry's Tibetan by the hash of its Chinese (or by its place in the file, when two of its
 * entries share a hash), or nothing while not loaded.
 */
export function boTextsOf(file: string): (zh: string, place?: number) => string | undefined {
  return (zh, place) => loaded[file]?.[place === undefined ? hashOf(zh) : `#${place}`]
}

/** Adds the loaded texts (by file, then key). */
export function addBoTexts(texts: Texts): void {
  for (const [file, t] of Object.entries(texts)) loaded[file] = { ...loaded[file], ...t }
  any = true
}

export function boTextsLoaded(): boolean {
  return any
}
