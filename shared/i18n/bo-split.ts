/**
 * The Tibetan texts of the catalogues once loaded, for the H5 build, which fetches them as their own chunk only
 * for Tibetan readers (config/bo-split.cjs takes each split entry's `bo` out and hands the entry to `boLater`). Elsewhere (the
 * server, the mini-program, the tests) the catalogues keep their Tibetan inline and nothing reads this.
 */
/** FNV-1a in base 36, as config/bo-split.cjs computes it: an entry's key, from its Chinese text. */
export function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

type Split = { zh: string; bo?: string }

let texts: Record<string, string> | null = null
/** split entries made before the texts came */
const waiting: Split[] = []

/** A split entry (its Tibetan taken out by the build): given its Tibetan now if loaded, else when it is. */
export function boLater<E extends Split>(entry: E): E {
  if (texts) give(entry, texts)
  else waiting.push(entry)
  return entry
}

function give(entry: Split, from: Record<string, string>): void {
  const bo = from[hashOf(entry.zh)]
  if (bo !== undefined && entry.bo === undefined) entry.bo = bo
}

/** The loaded texts (the hash of an entry's Chinese → its Tibetan): every split entry made so far takes its own. */
export function addBoTexts(loaded: Record<string, string>): void {
  texts = loaded
  for (const e of waiting.splice(0)) give(e, loaded)
}

export function boTextsLoaded(): boolean {
  return texts !== null
}
