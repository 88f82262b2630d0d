import { timingSafeEqual } from 'node:crypto'
import { mac } from './signing'

/**
 * Local-mode sessions: `base64url(payload).base64url(hmac)`. Only the local host issues and checks
 * them; on CloudBase the caller is the WeChat OPENID the platform puts in the function context.
 */
export interface SessionPayload {
  uid: string
  exp: number
  /** a first-time WeChat user tried locally (`POST /api/dev/login { openid }`): calls carry this OPENID */
  openid?: string
  /** the user's session generation when it was made (see Identity); absent in sessions made before it existed */
  gen?: number
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url')

export function signSession(payload: SessionPayload, secret: string): string {
  const body = b64(JSON.stringify(payload))
  return `${body}.${b64(mac(secret, 'session', body))}`
}

export type SessionCheck =
  { ok: true; uid: string; openid?: string; gen?: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export function verifySession(token: string, secret: string, now: number): SessionCheck {
  const parts = token.split('.')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' }
  const expected = mac(secret, 'session', parts[0])
  let given: Buffer
  try {
    given = Buffer.from(parts[1], 'base64url')
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let payload: SessionPayload
  try {
    payload = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as SessionPayload
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof payload.uid !== 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'malformed' }
  if (payload.gen !== undefined && (!Number.isInteger(payload.gen) || payload.gen < 0))
    return { ok: false, reason: 'malformed' }
  if (payload.exp <= now) return { ok: false, reason: 'expired' }
  if (payload.openid !== undefined && typeof payload.openid !== 'string') return { ok: false, reason: 'malformed' }
  return {
    ok: true,
    uid: payload.uid,
    ...(payload.openid ? { openid: payload.openid } : {}),
    ...(payload.gen === undefined ? {} : { gen: payload.gen }),
  }
}
