import type { IncomingMessage, ServerResponse } from 'node:http'
import { CommonErrors, DomainError } from '@shared/errors'
import { FileErrors, MAX_PHOTO_BYTES } from '@shared/files'
import type { LocalFilePort } from '../cloudfunctions/_core/files'
import { verifySession } from '../cloudfunctions/_core/session'
import type { Route } from './app'
import { sendJson, statusFor } from './http-util'

/**
 * Photos on the local host: POST /api/files (raw image bytes, Bearer session) → { fileId, url }, checked
 * by content and stripped of EXIF before it is written; GET /api/files/<id> serves it. Ids are 128-bit
 * random (capability URLs), and only the uploader can attach a photo to a record (FilePort.adoptPhoto).
 */
export function filesRoute(opts: { files: LocalFilePort; sessionSecret: string; now?: () => number }): Route {
  const now = opts.now ?? Date.now
  const fail = (res: ServerResponse, err: DomainError) =>
    sendJson(
      res,
      err.code === CommonErrors.PAYLOAD_TOO_LARGE.code || err.code === 'FILE.TOO_LARGE' ? 413 : statusFor(err.code),
      { ok: false, code: err.code, message: err.message },
    )

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/api/files' && req.method === 'POST') {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
      const check = m ? verifySession(m[1] as string, opts.sessionSecret, now()) : null
      if (!check || !check.ok) {
        req.resume()
        fail(
          res,
          check && !check.ok && check.reason === 'expired'
            ? CommonErrors.SESSION_EXPIRED()
            : CommonErrors.UNAUTHENTICATED(),
        )
        return true
      }
      const tooLarge = FileErrors.TOO_LARGE()
      if (Number(req.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES) {
        req.resume()
        fail(res, tooLarge)
        return true
      }
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of req) {
        size += (chunk as Buffer).length
        if (size > MAX_PHOTO_BYTES) {
          req.resume()
          fail(res, tooLarge)
          return true
        }
        chunks.push(chunk as Buffer)
      }
      try {
        const saved = opts.files.savePhoto(new Uint8Array(Buffer.concat(chunks)), check.uid)
        sendJson(res, 200, { ok: true, data: saved })
      } catch (err) {
        if (err instanceof DomainError) fail(res, err)
        else throw err
      }
      return true
    }
    const get = /^\/api\/files\/(f_[0-9a-f]{32})$/.exec(url.pathname)
    if (get && (req.method === 'GET' || req.method === 'HEAD')) {
      const found = opts.files.read(get[1] as string)
      if (!found) {
        sendJson(res, 404, { ok: false, code: 'FILE.NOT_FOUND', message: '文件没有找到' })
        return true
      }
      const headers: Record<string, string | number> = {
        'content-type': found.meta.contentType,
        'content-length': found.bytes.length,
        'cache-control': 'private, max-age=86400',
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
