import type { Reply } from '../tests/support/harness'
import { startTestHost, type TestHost } from '../tests/support/host'
import { GPS_MARK, jpegWithExif } from '../tests/support/fixtures'
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

describe('POST /api/files and GET /api/files/<id>', () => {
  it('stores a photo without EXIF and serves it; the uploader can attach it to a report', async () => {
    const token = await host.token('u-zhuoma')
    const up = await upload(jpegWithExif(), token)
    expect(up.status).toBe(200)
    expect(up.json.data.fileId).toMatch(/^f_[0-9a-f]{32}$/)
    const got = await fetch(`${host.url}${up.json.data.url}`)
    expect(got.headers.get('content-type')).toBe('image/jpeg')
    const bytes = Buffer.from(await got.arrayBuffer())
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(bytes.includes(Buffer.from(GPS_MARK))).toBe(false)
    const rep = await host.post(
      '/api/fn/incident',
      {
        action: 'report',
        requestId: 'req-files-1',
        data: {
          category: 'facility',
          description: '单元门禁坏了关不上',
          photos: [up.json.data.fileId],
          location: { lat: 31.6249, lng: 99.9872 },
        },
      },
      token,
    )
    expect(rep.json).toMatchObject({ ok: true, data: { status: 'submitted' } })
    // someone else cannot attach it
    const other = await host.post(
      '/api/fn/incident',
      {
        action: 'report',
        requestId: 'req-files-2',
        data: {
          category: 'facility',
          description: '单元门禁坏了关不上',
          photos: [up.json.data.fileId],
          location: { lat: 31.6249, lng: 99.9872 },
        },
      },
      await host.token('u-wangdeming'),
    )
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
    expect((await fetch(`${host.url}/api/files/f_${'a'.repeat(32)}`)).status).toBe(404)
  })
})
