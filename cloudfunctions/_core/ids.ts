import { randomBytes, createHash } from 'node:crypto'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A sortable-enough random id: time prefix (base36 ms) + 10 random chars. */
export function newId(prefix: string, now: number = Date.now()): string {
  const bytes = randomBytes(10)
  let rand = ''
  for (const b of bytes) rand += ALPHABET[b % 36]
  return `${prefix}_${now.toString(36)}${rand}`
}

/** A short code from an alphabet (invite codes, pickup codes). */
export function randomCode(alphabet: string, length: number): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  for (let i = 0; out.length < length; i++) {
    const b = bytes[i % bytes.length] as number
    // rejection sampling keeps every symbol equally likely
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length]
    if (i > length * 8) return randomCode(alphabet, length)
  }
  return out
}

/**
 * A stable id that starts with its time (base36 ms, fixed width) and ends with a hash of its parts: documents of
 * an append-only table (timeline events, inbox messages, check-ins, ledger entries) go in at the end of the index
 * instead of at random places, and the same parts at the same time give the same id (so a repeat cannot
 * double-write).
 */
export function timeId(prefix: string, at: number, ...parts: string[]): string {
  return `${prefix}_${at.toString(36).padStart(9, '0')}${stableId('', ...parts).slice(1, 17)}`
}

/** Stable id derived from parts (deterministic ids carry uniqueness inside transactions). */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`
}
