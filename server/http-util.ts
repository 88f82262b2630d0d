import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorEnvelope } from '@shared/contract'
import { CommonErrors } from '@shared/errors'

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope,
  ) {
    super(envelope.message)
  }
}

/** Reads a JSON body of at most `limit` bytes; oversized or malformed bodies never reach a function. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  const tooLarge = () => {
    const e = CommonErrors.PAYLOAD_TOO_LARGE()
    return new BodyError(413, { ok: false, code: e.code, message: e.message })
  }
  if (declared > limit) {
    req.resume()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      req.resume()
      throw tooLarge()
    }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return text.length ? JSON.parse(text) : {}
  } catch {
    const e = CommonErrors.BAD_JSON()
    throw new BodyError(400, { ok: false, code: e.code, message: e.message })
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
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
