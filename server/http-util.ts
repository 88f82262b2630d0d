import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { CommonErrors, type DomainError } from '@shared/errors'
import { DEFAULT_LANG, isLang, type Lang } from '@shared/i18n/i18n'
import { jsonShapeProblem } from '../cloudfunctions/_core/untrusted'
import { notModified, pickEncoding } from './static'

/** A body refused before any function saw it, with its HTTP status; rendered in the caller's language when sent. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: DomainError,
  ) {
    super(error.message)
  }
}

/** A request body of at most `limit` bytes, or null (the rest drained unread) when it declares or sends more. */
export async function readBounded(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume()
    return null
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      req.resume()
      return null
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Reads a JSON body of at most `limit` bytes; oversized, malformed, too deeply nested or too many-valued bodies
 * never reach a function, and the last two are refused before JSON.parse, by one scan of the text.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBounded(req, limit)
  if (!body) throw new BodyError(413, CommonErrors.PAYLOAD_TOO_LARGE())
  const text = body.toString('utf8')
  const shape = jsonShapeProblem(text)
  if (shape === 'too_deep') throw new BodyError(400, CommonErrors.TOO_DEEP())
  if (shape === 'too_many') throw new BodyError(413, CommonErrors.PAYLOAD_TOO_LARGE())
  try {
    return text.length ? JSON.parse(text) : {}
  } catch {
    throw new BodyError(400, CommonErrors.BAD_JSON())
  }
}

/**
 * The language of the host's own replies: the call body's `lang` (what the app is shown in), else the
 * Accept-Language header's first language we speak (`bo` → Tibetan), else Chinese.
 */
export function langOf(req: IncomingMessage, body?: unknown): Lang {
  const v = body && typeof body === 'object' ? (body as { lang?: unknown }).lang : undefined
  if (isLang(v)) return v
  const ranked = String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined)
      return { lang: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i }
    })
    .filter((x) => isLang(x.lang) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  const first = ranked[0]?.lang
  return isLang(first) ? first : DEFAULT_LANG
}

/** A JSON answer; given the request, a large one goes compressed when the client takes it (a list on 2G). */
export function sendJson(res: ServerResponse, status: number, body: unknown, req?: IncomingMessage): void {
  const text = Buffer.from(JSON.stringify(body))
  const enc = req && text.length > 1024 ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : null
  // quality 5: a few milliseconds at most for the largest page of a list, most of the gain of the best setting
  const out =
    enc === 'br'
      ? brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
      : enc === 'gzip'
        ? gzipSync(text)
        : text
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': out.length,
    'cache-control': 'no-store',
  }
  if (enc) {
    headers['content-encoding'] = enc
    headers.vary = 'Accept-Encoding'
  }
  res.writeHead(status, headers)
  res.end(out)
}

/**
 * A GET answer with a validator: an ETag of the body, `no-cache` (always asked again, answered 304 with no body
 * when unchanged), compressed when large and the client takes it.
 */
export function sendJsonValidated(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = Buffer.from(JSON.stringify(body))
  const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 22)}"`
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, no-cache',
    etag,
    vary: 'Accept-Encoding',
  }
  if (notModified(req, etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const enc = text.length > 1024 ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : null
  // quality 5, as for every answer made per request: the best setting costs seconds on the contract's ~1 MB
  const out =
    enc === 'br'
      ? brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
      : enc === 'gzip'
        ? gzipSync(text)
        : text
  if (enc) headers['content-encoding'] = enc
  headers['content-length'] = out.length
  res.writeHead(200, headers)
  res.end(out)
}

/** An error envelope in the reader's language. */
export function sendError(res: ServerResponse, status: number, err: DomainError, lang: Lang): void {
  sendJson(res, status, { ok: false, code: err.code, message: err.messageIn(lang) })
}

/** HTTP status for an envelope: the body is the contract; the status helps curl and logs. */
export function statusFor(code: string | null): number {
  if (!code) return 200
  if (code === 'COMMON.UNAUTHENTICATED' || code === 'COMMON.SESSION_EXPIRED') return 401
  if (code === 'COMMON.FORBIDDEN' || code === 'COMMON.OUT_OF_SCOPE') return 403
  if (code === 'COMMON.NOT_FOUND' || code === 'COMMON.UNKNOWN_FUNCTION' || code === 'COMMON.UNKNOWN_ACTION') return 404
  if (code === 'COMMON.REQUEST_ID_REUSED') return 409
  if (code === 'COMMON.PAYLOAD_TOO_LARGE') return 413
  if (code === 'COMMON.INTERNAL') return 500
  if (code.startsWith('COMMON.')) return 400
  return 422
}
