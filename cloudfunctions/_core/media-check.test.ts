import { testEnv, type TestEnv } from '../../tests/support/harness'
import { jpegWithExif, pngWithPixels } from '../../tests/support/fixtures'
import { mediaCheckEventOf, settleMediaCheck } from './cloudbase-main'
import { cloudbaseFiles, cloudbaseMediaChecker } from './cloudbase-services'
import { C } from './collections'
import { LOCAL_MEDIA_BLOCKED, LOCAL_MEDIA_PENDING, mediaCheckId, mediaCheckPort } from './media-check'

/** Issue #16 item 11 (photos): photos others see pass a media check, and stay hidden until they have passed. */
let env: TestEnv
beforeEach(async () => (env = await testEnv()))
afterEach(() => env.close())

const report = (userId: string, photo: string, lang?: 'bo') =>
  env.call(
    'incident',
    userId,
    'report',
    {
      category: 'facility',
      description: '路灯坏了好几天了',
      photos: [photo],
      location: { lat: 31.6249, lng: 99.9872 },
    },
    undefined,
    lang ? { lang } : undefined,
  )

describe('the local stand-in, through the file port', () => {
  it('a blocked photo is refused when adopted and never gets a URL, not even for its uploader', async () => {
    const { fileId } = env.rt.files.savePhoto(pngWithPixels(LOCAL_MEDIA_BLOCKED), 'u-zhuoma')
    const before = await env.rt.db.count(C.incidents)
    expect(await report('u-zhuoma', fileId)).toMatchObject({
      ok: false,
      code: 'FILE.BLOCKED',
      message: '这张照片没有通过审核，请换一张',
    })
    expect(await report('u-zhuoma', fileId, 'bo')).toMatchObject({
      ok: false,
      code: 'FILE.BLOCKED',
      message: 'པར་འདི་ཞིབ་བཤེར་ལས་མ་འདས། པར་གཞན་ཞིག་བརྗེས་རོགས།',
    })
    expect(await env.rt.db.count(C.incidents)).toBe(before)
    expect(await env.rt.files.urls([fileId], 'u-zhuoma')).toEqual({})
    expect(await env.rt.files.urls([fileId])).toEqual({})
  })

  it('a pending photo is hidden from others (the uploader sees it) until it passes, then everyone who may sees it', async () => {
    const { fileId, url: uploadUrl } = env.rt.files.savePhoto(pngWithPixels(LOCAL_MEDIA_PENDING), 'u-zhuoma')
    const rep = await report('u-zhuoma', fileId)
    expect(rep.ok).toBe(true)
    expect((await env.rt.db.get(C.media_checks, mediaCheckId(fileId)))?.state).toBe('pending')
    // others get no URL; the views built on urls() show the photo without one (hidden)
    expect(await env.rt.files.urls([fileId])).toEqual({})
    expect(await env.rt.files.urls([fileId], 'u-zhaxi')).toEqual({})
    const handlerView = await env.ok('incident', 'u-zhaxi', 'get', {
      incidentId: (rep as { data: { id: string } }).data.id,
    })
    expect(handlerView.photos).toEqual([{ fileId, url: '' }])
    // the uploader's own URLs open it while it is in review; a URL made for everyone does not exist yet
    const own = (await env.rt.files.urls([fileId], 'u-zhuoma'))[fileId]!
    const q = (u: string) => new URL(u, 'http://x').searchParams
    for (const u of [own, uploadUrl])
      expect((await env.rt.files.open(fileId, q(u).get('exp'), q(u).get('sig'))).ok).toBe(true)

    // the result arrives (the same path as WeChat's push on CloudBase)
    expect(await env.rt.media.settle(`local-${fileId}`, 'passed')).toBe(true)
    const shared = (await env.rt.files.urls([fileId], 'u-zhaxi'))[fileId]!
    expect(shared).toMatch(/^\/api\/files\/f_[0-9a-f]{32}\?exp=\d+&sig=\w{22}$/)
    expect((await env.rt.files.open(fileId, q(shared).get('exp'), q(shared).get('sig'))).ok).toBe(true)
    // the case recorded the photo as not (yet) passed, so its view reads the check again and shows it now
    const incidentId = (rep as { data: { id: string } }).data.id
    expect((await env.rt.db.get(C.incidents, incidentId))?.photosPassed).toEqual([])
    const after = await env.ok('incident', 'u-zhaxi', 'get', { incidentId })
    expect(after.photos).toEqual([{ fileId, url: expect.stringMatching(/^\/api\/files\//) }])
    // a result is settled once
    expect(await env.rt.media.settle(`local-${fileId}`, 'blocked')).toBe(false)
  })

  it('a photo blocked after the fact is no longer served, even through a URL made before', async () => {
    const { fileId } = env.rt.files.savePhoto(pngWithPixels(LOCAL_MEDIA_PENDING), 'u-zhuoma')
    expect((await report('u-zhuoma', fileId)).ok).toBe(true)
    const own = new URL((await env.rt.files.urls([fileId], 'u-zhuoma'))[fileId]!, 'http://x').searchParams
    await env.rt.media.settle(`local-${fileId}`, 'blocked')
    expect(await env.rt.files.urls([fileId], 'u-zhuoma')).toEqual({})
    expect(await env.rt.files.open(fileId, own.get('exp'), own.get('sig'))).toEqual({ ok: false, reason: 'blocked' })
  })

  it('an ordinary photo passes at once, and a photo adopted before the checks existed still shows', async () => {
    const { fileId } = env.rt.files.savePhoto(jpegWithExif(), 'u-zhuoma')
    const rep = (await report('u-zhuoma', fileId)) as { ok: boolean; data: { id: string } }
    expect(rep.ok).toBe(true)
    expect((await env.rt.db.get(C.media_checks, mediaCheckId(fileId)))?.state).toBe('passed')
    // the case keeps that its photo passed (a passed check never changes): its view reads no check again
    expect((await env.rt.db.get(C.incidents, rep.data.id))?.photosPassed).toEqual([fileId])
    const states = jest.spyOn(env.rt.media, 'states')
    const view = await env.ok('incident', 'u-zhaxi', 'get', { incidentId: rep.data.id })
    expect(view.photos).toEqual([{ fileId, url: expect.stringMatching(/^\/api\/files\//) }])
    expect(states).not.toHaveBeenCalled()
    states.mockRestore()
    const old = env.rt.files.savePhoto(jpegWithExif(), 'u-zhuoma').fileId
    expect(Object.keys(await env.rt.files.urls([fileId, old]))).toEqual([fileId, old])
  })
})

/** A stand-in for CloudBase's app: storage, and the two open APIs the media check calls. */
function fakeApp(imgSecCheck: () => unknown) {
  const stored = new Map<string, Buffer>()
  const asked: string[] = []
  const app = {
    downloadFile: async ({ fileID }: { fileID: string }) => ({ fileContent: stored.get(fileID) }),
    uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      stored.set(`cloud://env/${cloudPath}`, fileContent)
      return { fileID: `cloud://env/${cloudPath}` }
    },
    deleteFile: async ({ fileList }: { fileList: string[] }) => fileList.forEach((f) => stored.delete(f)),
    getTempFileURL: async ({ fileList }: { fileList: Array<{ fileID: string }> }) => ({
      fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://tmp/${f.fileID}` })),
    }),
    callWxOpenApi: async ({ apiName, requestData }: { apiName: string; requestData: Record<string, unknown> }) => {
      asked.push(apiName)
      if (apiName === '/wxa/img_sec_check') return { result: imgSecCheck() }
      if (apiName === '/wxa/media_check_async') {
        expect(requestData).toMatchObject({ media_type: 2, version: 2, openid: 'o-zhuoma' })
        return { result: JSON.stringify({ errcode: 0, trace_id: 'trace-0001' }) }
      }
      throw new Error(`unexpected ${apiName}`)
    },
  }
  return { app: app as never, stored, asked }
}

describe('CloudBase: imgSecCheck, else mediaCheckAsync and its pushed result', () => {
  const setup = async (imgSecCheck: () => unknown) => {
    await env.rt.db.transaction((tx) => tx.update(C.users, 'u-zhuoma', { openid: 'o-zhuoma' }))
    const fake = fakeApp(imgSecCheck)
    const log = { info: () => undefined, error: () => undefined }
    const media = mediaCheckPort(env.rt.db, env.clock, cloudbaseMediaChecker(fake.app, env.rt.db, log))
    const files = cloudbaseFiles(fake.app, media)
    const upload = 'cloud://env/uploads/u-zhuoma/a.jpg'
    fake.stored.set(upload, Buffer.from(jpegWithExif()))
    return { ...fake, media, files, upload }
  }

  it('passes what imgSecCheck passes', async () => {
    const { files, upload, asked } = await setup(() => ({ errcode: 0 }))
    const { fileId: id, passed } = await files.adoptPhoto(upload, 'u-zhuoma')
    expect(passed).toBe(true)
    expect(asked).toEqual(['/wxa/img_sec_check'])
    expect(await files.urls([id], 'u-zhaxi')).toEqual({ [id]: `https://tmp/${id}` })
  })

  it('refuses what imgSecCheck finds risky, and makes no temporary URL for it', async () => {
    const { files, upload, media } = await setup(() => JSON.stringify({ errcode: 87014, errmsg: 'risky content' }))
    await expect(files.adoptPhoto(upload, 'u-zhuoma')).rejects.toMatchObject({ code: 'FILE.BLOCKED' })
    const [check] = await env.rt.db.find(C.media_checks, { where: { ownerId: 'u-zhuoma' } })
    expect(check).toMatchObject({ state: 'blocked' })
    expect(await files.urls([check!.fileId], 'u-zhuoma')).toEqual({})
    // a retry with the adopted id is refused the same way
    await expect(files.adoptPhoto(check!.fileId, 'u-zhuoma')).rejects.toMatchObject({ code: 'FILE.BLOCKED' })
    expect((await media.states([check!.fileId])).get(check!.fileId)?.state).toBe('blocked')
  })

  it('falls back to mediaCheckAsync, keeps the photo pending, and settles it from the pushed event', async () => {
    const { files, upload, asked, media } = await setup(() => {
      throw new Error('system busy')
    })
    const { fileId: id, passed } = await files.adoptPhoto(upload, 'u-zhuoma')
    expect(passed).toBe(false)
    expect(asked).toEqual(['/wxa/img_sec_check', '/wxa/media_check_async'])
    expect(await files.urls([id], 'u-zhaxi')).toEqual({})
    expect(Object.keys(await files.urls([id], 'u-zhuoma'))).toEqual([id])

    // a made-up event settles nothing
    const forged = mediaCheckEventOf({
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: 'guess',
      result: { suggest: 'pass' },
    })
    expect(await settleMediaCheck({ ...env.rt, media }, forged!)).toEqual({ ok: true, data: { settled: false } })
    expect(await files.urls([id], 'u-zhaxi')).toEqual({})

    // WeChat's push, as message push delivers it to the function
    const pushed = {
      ToUserName: 'gh_0000',
      FromUserName: 'o-system',
      CreateTime: 1772416800,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx0000',
      trace_id: 'trace-0001',
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
    }
    expect(mediaCheckEventOf(pushed)).toEqual({ traceId: 'trace-0001', state: 'passed', label: '100' })
    expect(await settleMediaCheck({ ...env.rt, media }, mediaCheckEventOf(pushed)!)).toEqual({
      ok: true,
      data: { settled: true },
    })
    expect(await files.urls([id], 'u-zhaxi')).toEqual({ [id]: `https://tmp/${id}` })
  })

  it('reads only media-check events with a verdict', () => {
    expect(mediaCheckEventOf({ action: 'getMe' })).toBeNull()
    expect(mediaCheckEventOf({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 't' })).toBeNull()
    expect(
      mediaCheckEventOf({
        MsgType: 'event',
        Event: 'wxa_media_check',
        trace_id: 't',
        result: { suggest: 'risky', label: 20002 },
      }),
    ).toEqual({ traceId: 't', state: 'blocked', label: '20002' })
  })
})
