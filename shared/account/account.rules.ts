import { maskName } from '../mask'

/**
 * What residents may see of a household they might belong to (issue #16 item 8): enough to recognise their own,
 * not to list the neighbours. A roster's address often carries a name ("央金家（1 号牧户）") that would undo the
 * masked head name beside it, so any part of the address that names someone of the household goes; what is left
 * is the house number and the like.
 */

/** Separators between the parts of an address: spaces, brackets and list punctuation (ASCII and full-width). */
const PARTS = /[\s,;:()[\]\u00b7\u3001\u3002\uff0c\uff1b\uff1a\uff08\uff09\u3010\u3011\u300a\u300b]+/

/** A house number inside a part: digits, and the one word after them that says what they count (号 栋 单元 …). */
const HOUSE_NUMBER = /[0-9\uff10-\uff19]+\s*(?:[\u53f7\u680b\u5e62\u5ba4\u5c42\u697c\u7ec4\u6237\u9662]|\u5355\u5143)?/g

/**
 * The pieces of a name another text may give it away by: the whole name, and for names of three or more
 * characters every two in a row (泽仁拉姆 → 泽仁, 仁拉, 拉姆), since a roster writes 拉姆家 as often as 泽仁拉姆家.
 */
export function nameFragments(name: string): string[] {
  const chars = [...name.trim()]
  if (chars.length < 2) return []
  const out = new Set([chars.join('')])
  if (chars.length >= 3) for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return [...out]
}

/**
 * The address with every part that contains a fragment of one of `names` (the head's and the members') reduced to
 * the house numbers in it; parts without a name stay as written. May be '' (nothing but names).
 */
export function publicAddress(address: string, names: readonly string[]): string {
  const fragments = names.flatMap(nameFragments)
  const named = (part: string) => fragments.some((f) => part.includes(f))
  return address
    .split(PARTS)
    .filter(Boolean)
    .flatMap((part) => (named(part) ? (part.match(HOUSE_NUMBER) ?? []).map((n) => n.trim()) : [part]))
    .join(' ')
}

/** A household as a resident choosing theirs sees it: the head masked, the address without names. */
export function publicHousehold(
  h: { _id: string; headName: string; address: string },
  memberNames: readonly string[],
): { id: string; headName: string; address: string } {
  return { id: h._id, headName: maskName(h.headName), address: publicAddress(h.address, [h.headName, ...memberNames]) }
}

/** Where a unit of each level may be created: townships under a county, villages under a township, … */
export const PARENT_LEVELS = {
  township: ['county'],
  village: ['township'],
  grid: ['village'],
  department: ['county', 'township'],
} as const satisfies Record<string, readonly string[]>

/**
 * The statistical division code a unit of this level must have (GB/T 2260 for counties: 6 digits; the 12-digit
 * 统计用区划代码 below: a township is its first 9 digits, written 9 or as 12 ending in 000; a village all 12),
 * starting with its parent's code. Returns the code as stored (a township's 9 digits) or why it does not fit.
 */
export function checkCode(
  level: string,
  code: string,
  parentCode: string | null,
): { ok: true; code: string } | { ok: false; digits: number; prefix: string } {
  const prefix = parentCode && /^\d+$/.test(parentCode) ? parentCode : ''
  if (level === 'township') {
    const nine = code.length === 12 && code.endsWith('000') ? code.slice(0, 9) : code
    return nine.length === 9 && nine.startsWith(prefix) && (!prefix || prefix.length === 6)
      ? { ok: true, code: nine }
      : { ok: false, digits: 9, prefix }
  }
  if (level === 'village') {
    return code.length === 12 && code.startsWith(prefix) && (!prefix || prefix.length === 9)
      ? { ok: true, code }
      : { ok: false, digits: 12, prefix }
  }
  if (level === 'county') return code.length === 6 ? { ok: true, code } : { ok: false, digits: 6, prefix }
  // grids and departments have no statistical code; one may still be kept as typed
  return { ok: true, code }
}

/**
 * A real name as people write it: 2–20 Han characters or Tibetan letters, with the middle dot of transliterated
 * names (扎西·多吉) and spaces between Tibetan words; never digits, Latin letters or the platform's 微信用户.
 */
export function isRealName(name: string, defaultName: string): boolean {
  const n = name.trim()
  if (n === defaultName) return false
  return /^[\u4e00-\u9fff\u0f00-\u0fff\u00b7\u30fb\s]{2,20}$/u.test(n) && /[\u4e00-\u9fff\u0f40-\u0f6c]/u.test(n)
}
