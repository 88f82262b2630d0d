import type { IncomingMessage, ServerResponse } from 'node:http'
import { CommonErrors, DomainError } from '@shared/errors'
import { FileErrors, MAX_PHOTO_BYTES } from '@shared/files'
import type { LocalFilePort, OpenResult } from '../cloudfunctions/_core/files'
import { verifySession } from '../cloudfunctions/_core/session'
import type { Route } from './app'
import { langOf, readBounded, sendError, sendJson, statusFor } from './http-util'

type Refusal = Extract<OpenResult, { ok: false }>['reason']

/** Why a file is not served, as the reader is told it, and the status. Never the bytes. */
const REFUSALS: Record<Refusal, [number, DomainError]> = {
  missing: [404, FileErrors.MISSING()],
  bad_link: [403, FileErrors.LINK_INVALID()],
  expired: [403, FileErrors.LINK_EXPIRED()],
  in_review: [403, FileErrors.IN_REVIEW()],
  blocked: [404, FileErrors.MISSING()],
}

/**
 * Photos on the local host: POST /api/files (raw image bytes, Bearer session) → { fileId, url }, checked
 * by content and stripped of metadata before it is written; GET /api/files/<id>?exp=…&sig=… serves it to whoever
 * holds a URL a view made after its access check (or the upload reply made for the uploader), until it expires.
 * Only the uploader can attach a photo to a record (FilePort.adoptPhoto).
 */
export function filesRoute(opts: { files: LocalFilePort; sessionSecret: string; now?: () => number }): Route {
  const now = opts.now ?? Date.now
  const fail = (req: IncomingMessage, res: ServerResponse, err: DomainError, status?: number) =>
    sendError(
      res,
      status ??
        (err.code === CommonErrors.PAYLOAD_TOO_LARGE.code || err.code === FileErrors.TOO_LARGE.code
          ? 413
          : statusFor(err.code)),
      err,
      langOf(req),
    )

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/api/files' && req.method === 'POST') {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
      const check = m ? verifySession(m[1] as string, opts.sessionSecret, now()) : null
      if (!check || !check.ok) {
        req.resume()
        fail(
          req,
          res,
          check && !check.ok && check.reason === 'expired'
            ? CommonErrors.SESSION_EXPIRED()
            : CommonErrors.UNAUTHENTICATED(),
        )
        return true
      }
      const body = await readBounded(req, MAX_PHOTO_BYTES)
      if (!body) {
        fail(req, res, FileErrors.TOO_LARGE())
        return true
      }
      try {
        const saved = opts.files.savePhoto(new Uint8Array(body), check.uid)
        sendJson(res, 200, { ok: true, data: saved })
      } catch (err) {
        if (err instanceof DomainError) fail(req, res, err)
        else throw err
      }
      return true
    }
    const get = /^\/api\/files\/(f_[0-9a-f]{32})$/.exec(url.pathname)
    if (get && (req.method === 'GET' || req.method === 'HEAD')) {
      const found = await opts.files.open(get[1] as string, url.searchParams.get('exp'), url.searchParams.get('sig'))
      if (!found.ok) {
        const [status, err] = REFUSALS[found.reason]
        fail(req, res, err, status)
        return true
      }
      const exp = Number(url.searchParams.get('exp'))
      const headers: Record<string, string | number> = {
        'content-type': found.meta.contentType,
        'content-length': found.bytes.length,
        // cached no longer than the URL is valid
        'cache-control': `private, max-age=${Math.max(0, Math.floor((exp - now()) / 1000))}`,
        'x-content-type-options': 'nosniff',
      }
      if (found.meta.name)
        headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(found.meta.name)}`
      res.writeHead(200, headers)
      res.end(req.method === 'HEAD' ? undefined : found.bytes)
      return true
    }
    return false
  }
}
