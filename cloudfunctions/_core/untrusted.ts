import { MAX_CALL_DEPTH, MAX_CALL_NODES } from '@shared/contract'

/**
 * Names and shapes that come from a request. A name from a request is looked up as an own property only: a
 * plain object also answers `constructor`, `toString` or `__proto__` from Object.prototype, which is not one of
 * its entries. A body is walked only once it is known to be shallow and small: deep nesting overflows the stack
 * of every recursive walker (JSON.stringify, zod, the fingerprint), and each overflow costs the whole process.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined
}

export type ShapeProblem = 'too_deep' | 'too_many'

/** Whether a parsed value nests deeper than `maxDepth` or holds more than `maxNodes` values (iterative, stops early). */
export function shapeProblem(
  value: unknown,
  maxDepth = MAX_CALL_DEPTH,
  maxNodes = MAX_CALL_NODES,
): ShapeProblem | null {
  const stack: Array<[unknown, number]> = [[value, 0]]
  let nodes = 0
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (++nodes > maxNodes) return 'too_many'
    if (v === null || typeof v !== 'object') continue
    if (depth >= maxDepth) return 'too_deep'
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)
    for (const c of children) stack.push([c, depth + 1])
  }
  return null
}

/**
 * The same check on JSON text before it is parsed: one pass over the characters, counting brackets outside
 * strings, so a pathological body costs a scan and never a parse.
 */
export function jsonShapeProblem(
  text: string,
  maxDepth = MAX_CALL_DEPTH,
  maxNodes = MAX_CALL_NODES,
): ShapeProblem | null {
  let depth = 0
  let nodes = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) {
      inString = true
      nodes++
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return 'too_deep'
      nodes++
    } else if (c === 0x7d || c === 0x5d) depth--
    else if (c === 0x2c) nodes++
    if (nodes > maxNodes * 2) return 'too_many'
  }
  return null
}
