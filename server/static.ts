import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { ownEntry } from '../cloudfunctions/_core/untrusted'

/**
 * The H5 app's files as a 2G phone needs them: compressed (brotli, else gzip), content-hashed assets cached for a
 * year as `immutable` (their name changes when they do), everything else — `index.html`, the service worker —
 * revalidated every time with an ETag and Last-Modified (a 304 costs a few hundred bytes). A missing file that
 * has an extension is a 404, never index.html (the browser's `/favicon.ico` used to get the whole page); only
 * paths without one (the app's own routes) get index.html. The same headers for CloudBase static hosting are in
 * the README.
 */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webp': 'image/webp',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt', '.webmanifest'])
/** `name.1a2b3c4d.js`, `name.0f9e…css`: the build names these by their content */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

interface Entry {
  mtimeMs: number
  size: number
  body: Buffer
  br: Buffer | null
  gzip: Buffer | null
  etag: string
  lastModified: string
}

export function cacheControlFor(rel: string): string {
  return HASHED.test(rel) ? IMMUTABLE : REVALIDATE
}

/** The encoding to send: brotli if the client takes it, else gzip, else none (q=0 means refused). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>()
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined)
    if (name) accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return null
}

/** An ETag the request already holds (If-None-Match, weak or strong), or an unchanged date (If-Modified-Since). */
export function notModified(req: IncomingMessage, etag: string, lastModified?: string): boolean {
  const inm = req.headers['if-none-match']
  if (inm) return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
  const ims = req.headers['if-modified-since']
  return !!(ims && lastModified && Date.parse(ims) >= Date.parse(lastModified))
}

export function staticFiles(dir: string) {
  const root = normalize(dir + sep)
  const cache = new Map<string, Entry>()

  function entryOf(file: string): Entry {
    const st = statSync(file)
    const hit = cache.get(file)
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit
    const body = readFileSync(file)
    const compress = COMPRESSIBLE.has(extname(file)) && body.length > 512
    const entry: Entry = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      body,
      // once per file and build, kept in memory: the best brotli costs a second for the app's largest chunk once
      br: compress
        ? brotliCompressSync(body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : null,
      gzip: compress ? gzipSync(body, { level: 9 }) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      lastModified: new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString(),
    }
    cache.set(file, entry)
    return entry
  }

  /** Serves a GET or HEAD under the H5 folder; false when there is no build to serve. */
  return function serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (!existsSync(join(root, 'index.html'))) return false
    let rel: string
    try {
      rel = decodeURIComponent(pathname)
    } catch {
      rel = '/'
    }
    let file = normalize(join(root, rel))
    if (!file.startsWith(root)) file = join(root, 'index.html')
    const isFile = existsSync(file) && statSync(file).isFile()
    if (!isFile) {
      if (extname(rel)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE })
        res.end(req.method === 'HEAD' ? undefined : 'not found')
        return true
      }
      file = join(root, 'index.html')
    }
    const entry = entryOf(file)
    const relFile = file.slice(root.length)
    const headers: Record<string, string | number> = {
      'content-type': ownEntry(MIME, extname(file)) ?? 'application/octet-stream',
      'cache-control': cacheControlFor(relFile),
      etag: entry.etag,
      'last-modified': entry.lastModified,
      vary: 'Accept-Encoding',
    }
    // the service worker may control the whole site from the root
    if (relFile === 'sw.js') headers['service-worker-allowed'] = '/'
    if (notModified(req, entry.etag, entry.lastModified)) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    const enc = entry.br || entry.gzip ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : null
    const body = enc === 'br' ? entry.br! : enc === 'gzip' ? entry.gzip! : entry.body
    if (enc) headers['content-encoding'] = enc
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
