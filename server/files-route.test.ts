import type { Reply } from '../tests/support/harness'
import { startTestHost, type TestHost } from '../tests/support/host'
import { GPS_MARK, jpegWithExif } from '../tests/support/fixtures'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_PHOTO_BYTES } from '@shared/files'

let host: TestHost
beforeAll(async () => {
  host = await startTestHost()
})
afterAll(() => host.close())

async function upload(body: Uint8Array | string, token?: string, type = 'image/jpeg') {
  const res = await fetch(`${host.url}/api/files`, {
    method: 'POST',
    body: body as BodyInit,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })
  return { status: res.status, json: (await res.json()) as Reply }
}

const report = async (token: string, photo: string, requestId: string) =>
  host.post(
    '/api/fn/incident',
    {
      action: 'report',
      requestId,
      data: {
        category: 'facility',
        description: '路灯坏了好几天了',
        photos: [photo],
        location: { lat: 31.6249, lng: 99.9872 },
      },
    },
    token,
  )

describe('POST /api/files and GET /api/files/<id>', () => {
  it('stores a photo without EXIF and serves it; the uploader can attach it to a report', async () => {
    const token = await host.token('u-zhuoma')
    const up = await upload(jpegWithExif(), token)
    expect(up.status).toBe(200)
    expect(up.json.data.fileId).toMatch(/^f_[0-9a-f]{32}$/)
    expect(up.json.data.url).toMatch(new RegExp(`^/api/files/${up.json.data.fileId}\\?exp=\\d+&sig=\\w{22}$`))
    const got = await fetch(`${host.url}${up.json.data.url}`)
    expect(got.headers.get('content-type')).toBe('image/jpeg')
    const bytes = Buffer.from(await got.arrayBuffer())
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(bytes.includes(Buffer.from(GPS_MARK))).toBe(false)
    const rep = await report(token, up.json.data.fileId, 'req-files-1')
    expect(rep.json).toMatchObject({ ok: true, data: { status: 'submitted' } })
    // someone else cannot attach it
    const other = await report(await host.token('u-wangdeming'), up.json.data.fileId, 'req-files-2')
    expect(other.json).toMatchObject({ ok: false, code: 'FILE.NOT_YOURS' })
  })

  it('refuses anonymous uploads, non-images and oversized files with Chinese messages', async () => {
    expect((await upload(jpegWithExif())).json).toMatchObject({ ok: false, code: 'COMMON.UNAUTHENTICATED' })
    const token = await host.token('u-zhuoma')
    const html = await upload('<script>alert(1)</script>', token, 'image/jpeg')
    expect(html.status).toBe(422)
    expect(html.json).toMatchObject({
      ok: false,
      code: 'FILE.NOT_IMAGE',
      message: expect.stringContaining('只能上传照片'),
    })
    const big = new Uint8Array(MAX_PHOTO_BYTES + 10)
    big.set([0xff, 0xd8, 0xff])
    const tooBig = await upload(big, token)
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.message).toContain('5 MB')
    expect((await fetch(`${host.url}/api/files/f_${'a'.repeat(32)}`)).status).toBe(403)
  })
})

/** Issue #16 item 5: a file is served only through a URL a view made after its access check, until it expires. */
describe('GET /api/files/<id> needs a signed, unexpired URL', () => {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${host.url}${path}`, { headers })
    const type = res.headers.get('content-type') ?? ''
    return {
      status: res.status,
      type,
      json: type.startsWith('application/json') ? ((await res.json()) as Reply) : null,
    }
  }
  it("serves a view's URL, and refuses a missing, forged, expired or another file's signature", async () => {
    const resident = await host.token('u-zhuoma')
    const a = (await upload(jpegWithExif(), resident)).json.data
    const b = (await upload(jpegWithExif(6), resident)).json.data
    const rep = await report(resident, a.fileId, 'req-files-sig-1')
    expect(rep.json.ok).toBe(true)
    // the view the reporter reads carries a URL made for this file, after the view's access check
    const viewUrl: string = rep.json.data.photos[0].url
    expect(viewUrl).toMatch(new RegExp(`^/api/files/${a.fileId}\\?exp=\\d+&sig=\\w{22}$`))
    const ok = await get(viewUrl)
    expect(ok).toMatchObject({ status: 200, type: 'image/jpeg' })

    const sigOf = (url: string) => new URL(url, host.url).searchParams
    const { exp, sig } = Object.fromEntries(sigOf(viewUrl)) as { exp: string; sig: string }
    const refused = [
      [`/api/files/${a.fileId}`, 403, 'FILE.LINK_INVALID'],
      [`/api/files/${a.fileId}?exp=${exp}`, 403, 'FILE.LINK_INVALID'],
      [`/api/files/${a.fileId}?exp=${exp}&sig=${'A'.repeat(22)}`, 403, 'FILE.LINK_INVALID'],
      [`/api/files/${a.fileId}?exp=${Number(exp) + 3_600_000}&sig=${sig}`, 403, 'FILE.LINK_INVALID'],
      [`/api/files/${b.fileId}?exp=${exp}&sig=${sig}`, 403, 'FILE.LINK_INVALID'],
      [`/api/files/f_${'a'.repeat(32)}?exp=${exp}&sig=${sig}`, 403, 'FILE.LINK_INVALID'],
    ] as const
    for (const [path, status, code] of refused) {
      const res = await get(path)
      expect({ path, status: res.status, code: res.json?.code }).toEqual({ path, status, code })
      expect(res.json.message).toBe('这个链接不对，请回到页面重新打开')
    }
    const bo = await get(`/api/files/${a.fileId}`, { 'accept-language': 'bo' })
    expect(bo.json.message).toBe('འབྲེལ་མཐུད་འདི་མི་འགྲིག ཤོག་ངོས་སུ་ཕྱིར་ལོག་ནས་ཡང་བསྐྱར་ཁ་ཕྱེ་རོགས།')

    // two hours on, the same URL has expired
    host.clock.advance(2 * 3_600_000 + 1)
    const late = await get(viewUrl)
    expect(late).toMatchObject({
      status: 403,
      json: { code: 'FILE.LINK_EXPIRED', message: '链接已过期，请刷新页面后再看' },
    })
    // and the view, read again, gives a fresh one that works
    const again = await host.post(
      '/api/fn/incident',
      { action: 'get', data: { incidentId: rep.json.data.id } },
      resident,
    )
    expect(again.json.ok).toBe(true)
    expect((await get(again.json.data.photos[0].url)).status).toBe(200)
  })

  it('a signed URL whose file is gone is a 404', async () => {
    const resident = await host.token('u-zhuoma')
    const up = (await upload(jpegWithExif(), resident)).json.data
    rmSync(join(host.rt.files.dir, up.fileId))
    expect((await get(up.url)).status).toBe(404)
  })
})
