import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The one signing scheme for codes people carry or scan: sessions, checkpoint codes, volunteer check-in codes.
 * A code is an HMAC-SHA256 over a purpose and its parts, so a code made for one purpose (or one checkpoint, one
 * task, one minute) never verifies for another, and nobody without the key can make one.
 */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function mac(key: string | Buffer, purpose: string, ...parts: readonly string[]): Buffer {
  return createHmac('sha256', key)
    .update([purpose, ...parts].join('\u0000'))
    .digest()
}

/** `length` base62 symbols of the first bytes of a digest (big-endian). */
export function base62(bytes: Buffer, length: number): string {
  let n = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  for (let i = 0; i < length; i++) {
    out += BASE62[Number(n % 62n)]
    n /= 62n
  }
  return out
}

/** A signature of `length` base62 symbols (12 symbols ≈ 71 bits). */
export function sign(key: string | Buffer, purpose: string, parts: readonly string[], length: number): string {
  return base62(mac(key, purpose, ...parts).subarray(0, 16), length)
}

/** Constant-time comparison of two codes. */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function verify(key: string | Buffer, purpose: string, parts: readonly string[], signature: string): boolean {
  return sameCode(sign(key, purpose, parts, signature.length || 1), signature)
}

/**
 * A code that changes every `stepMs` (in the spirit of RFC 6238: an HMAC of the time step), so a photo of it
 * stops working soon after it was taken. `at` is the server's time.
 */
export function timeCode(
  key: string | Buffer,
  purpose: string,
  parts: readonly string[],
  at: number,
  stepMs: number,
  length: number,
): string {
  return sign(key, purpose, [...parts, String(Math.floor(at / stepMs))], length)
}

/** Whether `code` is the current step's or one of the `back` steps before it (a code read just before it turned). */
export function verifyTimeCode(
  key: string | Buffer,
  purpose: string,
  parts: readonly string[],
  code: string,
  at: number,
  stepMs: number,
  back = 1,
): boolean {
  const step = Math.floor(at / stepMs)
  let ok = false
  for (let s = step - back; s <= step; s++)
    ok = sameCode(sign(key, purpose, [...parts, String(s)], code.length || 1), code) || ok
  return ok
}
