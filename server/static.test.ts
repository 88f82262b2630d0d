/**
 * The H5 files over real HTTP, as a phone on 2G gets them: compressed, cached for a year when the name is the
 * content's hash, revalidated with a validator otherwise (304 with no body), and no page for a missing file.
 */
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startTestHost, type TestHost } from '../tests/support/host'
import { pickEncoding } from './static'

let host: TestHost
const dir = mkdtempSync(join(tmpdir(), 'linli-h5-'))
const APP_JS = `/* app */ ${'console.log("邻里 ཁྱིམ་མཚེས།");\n'.repeat(400)}`
const INDEX = `<!doctype html><html><head><title>邻里</title></head><body>${'<p>正在打开…</p>'.repeat(60)}</body></html>`

beforeAll(async () => {
  mkdirSync(join(dir, 'js'))
  writeFileSync(join(dir, 'index.html'), INDEX)
  writeFileSync(join(dir, 'js', 'app.927cbebb.js'), APP_JS)
  writeFileSync(join(dir, 'sw.js'), `self.addEventListener('fetch', () => {}) // ${'x'.repeat(600)}`)
  host = await startTestHost({ h5Dir: dir })
})
afterAll(() => host.close())

/** One raw request: the bytes as sent (no decompression) and the headers. */
function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('a content-hashed asset: brotli when taken, else gzip, else plain; immutable for a year', async () => {
  const br = await get('/js/app.927cbebb.js', { 'accept-encoding': 'gzip, deflate, br' })
  expect(br.status).toBe(200)
  expect(br.headers['content-encoding']).toBe('br')
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(br.headers.vary).toBe('Accept-Encoding')
  expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS)
  expect(br.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10)
  expect(Number(br.headers['content-length'])).toBe(br.body.length)

  const gz = await get('/js/app.927cbebb.js', { 'accept-encoding': 'gzip' })
  expect(gz.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(gz.body).toString()).toBe(APP_JS)

  const plain = await get('/js/app.927cbebb.js', { 'accept-encoding': 'identity' })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.toString()).toBe(APP_JS)
  expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8')
})

test('index.html and the service worker are revalidated: ETag and Last-Modified, 304 with no body when unchanged', async () => {
  for (const path of ['/', '/index.html', '/sw.js']) {
    const first = await get(path, { 'accept-encoding': 'br' })
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['last-modified']).toBeTruthy()
    const again = await get(path, { 'if-none-match': etag, 'accept-encoding': 'br' })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
    const byDate = await get(path, { 'if-modified-since': first.headers['last-modified'] as string })
    expect(byDate.status).toBe(304)
    const changed = await get(path, { 'if-none-match': '"something-else"' })
    expect(changed.status).toBe(200)
  }
  expect((await get('/sw.js')).headers['service-worker-allowed']).toBe('/')
  // the app's own routes get the page; HEAD gets its headers only
  const route = await get('/pages/home/index', { 'accept-encoding': 'gzip' })
  expect(gunzipSync(route.body).toString()).toBe(INDEX)
  const head = await get('/', {}, 'HEAD')
  expect(head.status).toBe(200)
  expect(head.body.length).toBe(0)
})

test('a missing file is a 404, not the page: /favicon.ico is answered once, small', async () => {
  const fav = await get('/favicon.ico')
  expect(fav.status).toBe(404)
  expect(fav.body.toString()).not.toContain('<html')
  expect((await get('/js/gone.12345678.js')).status).toBe(404)
  // a path out of the folder gets the page, never a file outside it
  const out = await get('/..%2f..%2fetc%2fpasswd')
  expect(out.body.toString()).not.toContain('root:')
})

test('API GET answers carry a validator and come back 304 when unchanged; large ones are compressed', async () => {
  const first = await get('/api/contract', { 'accept-encoding': 'br' })
  expect(first.status).toBe(200)
  expect(first.headers['content-encoding']).toBe('br')
  expect(first.headers['cache-control']).toBe('private, no-cache')
  const body = JSON.parse(brotliDecompressSync(first.body).toString()) as { ok: boolean }
  expect(body.ok).toBe(true)
  const again = await get('/api/contract', { 'if-none-match': first.headers.etag as string })
  expect(again.status).toBe(304)
  expect(again.body.length).toBe(0)
  const users = await get('/api/dev/users')
  expect(users.headers.etag).toBeTruthy()
})

test('a function call answer is compressed for a client that takes it, and readable as JSON either way', async () => {
  const token = await host.token('u-zhuoma')
  const call = (enc: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(
        `${host.url}/api/fn/points`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': enc },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify({ action: 'listRules', data: { villageId: '513328100001' } }))
    })
  const gz = await call('gzip')
  expect(gz.headers['content-encoding']).toBe('gzip')
  const zipped = JSON.parse(gunzipSync(gz.body).toString()) as { ok: boolean; data: { items: unknown[] } }
  expect(zipped.ok).toBe(true)
  expect(zipped.data.items.length).toBeGreaterThan(3)
  const plain = await call('identity')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(JSON.parse(plain.body.toString())).toEqual(zipped)
  expect(gz.body.length).toBeLessThan(plain.body.length)
})

test('Accept-Encoding is read with its weights', () => {
  expect(pickEncoding('gzip, deflate, br')).toBe('br')
  expect(pickEncoding('br;q=0, gzip')).toBe('gzip')
  expect(pickEncoding('*')).toBe('br')
  expect(pickEncoding('identity')).toBeNull()
  expect(pickEncoding(undefined)).toBeNull()
})

test('an idle connection is kept a minute, and the client is told so (a phone on 2G reuses it between taps)', async () => {
  const res = await get('/api/dev/users', { connection: 'keep-alive' })
  expect(res.status).toBe(200)
  expect(res.headers.connection).toBe('keep-alive')
  expect(res.headers['keep-alive']).toBe('timeout=60')
})
