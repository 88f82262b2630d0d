import type tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
import { FileErrors } from '@shared/files'
import { formatBj } from '@shared/time/beijing'
import type { ContentSafetyPort } from './content-safety'
import { C } from './collections'
import { cleanPhoto, statesOf, type FilePort } from './files'
import { mayShow, noMediaCheck, type KeepCheck, type MediaChecker, type MediaCheckPort } from './media-check'
import type { DataPort } from './port'
import { randomCode } from './ids'
import { USER_REFUSED, type NotifierPort, type PushOutcome } from './notifier'
import type { PhonePort } from './phones'
import type { Logger } from './runtime'

type App = ReturnType<typeof tcb.init>

/**
 * CloudBase-side settings, read once, when the first call makes the runtime (not when the bundle loads: a cold
 * start builds no schema it does not use). The template id comes from the mini-program's subscribe-message console.
 */
const CloudEnvSchema = z.object({
  LINLI_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
  LINLI_SUBSCRIBE_PAGE: z.string().default('packages/incident/pages/detail/index'),
})
let cloudEnvRead: z.infer<typeof CloudEnvSchema> | undefined
const cloudEnv = () => (cloudEnvRead ??= CloudEnvSchema.parse(process.env))

const HEX = '0123456789abcdef'

/**
 * Photos on CloudBase: the mini-program uploads with Taro.cloud.uploadFile to `uploads/<userId>/…`; adopting
 * downloads it, checks type and size by content, strips metadata, stores the clean copy under `incident/`,
 * deletes the original, and passes the clean copy through the media check, so only the clean copy is ever linked
 * from a record and only a photo that passed gets a temporary URL (its uploader's own while pending).
 */
export function cloudbaseFiles(app: App, media: MediaCheckPort = noMediaCheck): FilePort {
  const tempUrls = async (fileIds: readonly string[]): Promise<Record<string, string>> => {
    const unique = [...new Set(fileIds)]
    const out: Record<string, string> = {}
    // getTempFileURL takes at most 50 files a call
    for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
      const res = await app.getTempFileURL({
        fileList: unique.slice(i, i + TEMP_URL_BATCH).map((fileID) => ({ fileID, maxAge: 3600 })),
      })
      for (const f of res.fileList) if (f.tempFileURL) out[f.fileID] = f.tempFileURL
    }
    return out
  }
  const refuseIfBlocked = async (
    fileId: string,
    ownerId: string,
    bytes: Uint8Array,
    type: string,
    keep?: KeepCheck,
  ) => {
    const state = await media.check({ fileId, ownerId, type, bytes }, keep)
    if (state === 'blocked') throw FileErrors.BLOCKED()
    return state === 'passed'
  }
  return {
    async adoptPhoto(fileId, ownerId, keep) {
      if (/\/incident\//.test(fileId)) {
        // already adopted (a retried request): only its owner's own path is accepted, with its first check
        if (!fileId.includes(`/incident/${ownerId}/`)) throw FileErrors.NOT_YOURS()
        const prior = (await media.states([fileId])).get(fileId)
        if (prior?.state === 'blocked') throw FileErrors.BLOCKED()
        return { fileId, passed: prior?.state === 'passed' }
      }
      if (!fileId.includes(`/uploads/${ownerId}/`)) throw FileErrors.NOT_YOURS()
      const got = await app.downloadFile({ fileID: fileId }).catch(() => null)
      if (!got?.fileContent) throw FileErrors.NOT_FOUND()
      const raw = typeof got.fileContent === 'string' ? Buffer.from(got.fileContent, 'binary') : got.fileContent
      const { bytes, type } = cleanPhoto(new Uint8Array(raw))
      const ext = type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'webp'
      const up = await app.uploadFile({
        cloudPath: `incident/${ownerId}/${randomCode(HEX, 24)}.${ext}`,
        fileContent: Buffer.from(bytes),
      })
      await app.deleteFile({ fileList: [fileId] }).catch(() => undefined)
      return { fileId: up.fileID, passed: await refuseIfBlocked(up.fileID, ownerId, bytes, type, keep) }
    },
    async urls(fileIds, viewerId, passed) {
      const checks = await statesOf(media, fileIds, passed)
      return tempUrls(fileIds.filter((id) => mayShow(checks.get(id), viewerId)))
    },
    async putGenerated(name, bytes) {
      const up = await app.uploadFile({
        cloudPath: `exports/${randomCode(HEX, 16)}/${name}`,
        fileContent: Buffer.from(bytes),
      })
      const urls = await tempUrls([up.fileID])
      return { fileId: up.fileID, url: urls[up.fileID] ?? '' }
    },
  }
}

/** imgSecCheck answers at once for images up to 1 MB (ours are compressed to about 200 KB). */
export const IMG_SEC_CHECK_MAX_BYTES = 1024 * 1024
/** WeChat's answer to imgSecCheck for content that may not be shown. */
const RISKY = 87014

function bodyOf(res: { result?: unknown }): { errcode?: number; trace_id?: string } | null {
  try {
    const body: unknown = typeof res.result === 'string' ? JSON.parse(res.result) : res.result
    return body && typeof body === 'object' ? (body as { errcode?: number; trace_id?: string }) : null
  } catch {
    return null
  }
}

/**
 * WeChat's media check through CloudBase's open API, as the text check does: imgSecCheck at once; when it cannot
 * answer (too large, an error, an answer we do not know), mediaCheckAsync with a temporary URL of the clean copy,
 * whose result arrives as a `wxa_media_check` message push event (cloudbaseMain → MediaCheckPort.settle). If
 * neither can be asked, the photo stays pending (hidden from others): a photo nobody could check is not shown.
 */
export function cloudbaseMediaChecker(app: App, users: Pick<DataPort, 'get'>, log: Logger): MediaChecker {
  return async ({ fileId, ownerId, type, bytes }) => {
    if (bytes.length <= IMG_SEC_CHECK_MAX_BYTES) {
      try {
        const res = await app.callWxOpenApi({
          apiName: '/wxa/img_sec_check',
          requestData: { media: { contentType: type, value: Buffer.from(bytes).toString('base64') } },
        })
        const body = bodyOf(res)
        if (body?.errcode === 0) return { state: 'passed' }
        if (body?.errcode === RISKY) return { state: 'blocked', label: 'risky' }
        log.error('imgSecCheck gave no verdict', { errcode: body?.errcode ?? null })
      } catch (err) {
        log.error('imgSecCheck failed', { error: err instanceof Error ? err.message : String(err) })
      }
    }
    try {
      const openid = (await users.get(C.users, ownerId))?.openid ?? undefined
      const url = (await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 86_400 }] })).fileList[0]
      const res = await app.callWxOpenApi({
        apiName: '/wxa/media_check_async',
        requestData: { media_url: url?.tempFileURL, media_type: 2, version: 2, scene: 1, openid },
      })
      const body = bodyOf(res)
      if (body?.errcode === 0 && body.trace_id) return { state: 'pending', traceId: String(body.trace_id) }
      log.error('mediaCheckAsync gave no trace id', { errcode: body?.errcode ?? null })
    } catch (err) {
      log.error('mediaCheckAsync failed', { error: err instanceof Error ? err.message : String(err) })
    }
    return { state: 'pending', traceId: null }
  }
}

export const TEMP_URL_BATCH = 50

/** WeChat msgSecCheck (v2) through CloudBase's open API; "risky" blocks, "review" passes to humans. */
export function cloudbaseContentSafety(app: App, log: Logger): ContentSafetyPort {
  return {
    async check(text, openid) {
      try {
        const res = await app.callWxOpenApi({
          apiName: '/wxa/msg_sec_check',
          requestData: { content: text, version: 2, scene: 2, openid: openid ?? undefined },
        })
        const body = typeof res.result === 'string' ? JSON.parse(res.result) : res.result
        if (body?.result?.suggest === 'risky') return { pass: false, reason: String(body.result.label ?? 'risky') }
        return { pass: true }
      } catch (err) {
        // A check that cannot run must not stop a resident reporting a hazard; the handler reads it first anyway.
        log.error('msgSecCheck failed', { error: err instanceof Error ? err.message : String(err) })
        return { pass: true }
      }
    },
  }
}

/**
 * WeChat subscribe messages (one per consent the person gave: after filing a report, signing up for a task, or
 * opening their queue). The SDK returns WeChat's refusal as a body instead of throwing, so the body's errcode is
 * read and the outcome returned (and recorded by the caller), never swallowed.
 */
export function cloudbaseNotifier(
  app: App,
  log: Logger,
  templateId: string | undefined = cloudEnv().LINLI_SUBSCRIBE_TEMPLATE_ID,
): NotifierPort {
  return {
    async push(m): Promise<PushOutcome> {
      if (!templateId) return { status: 'skipped', reason: 'no_template' }
      if (!m.openid) return { status: 'skipped', reason: 'no_openid' }
      try {
        const res = await app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: m.openid,
            template_id: templateId,
            page: m.incidentId ? `${cloudEnv().LINLI_SUBSCRIBE_PAGE}?id=${m.incidentId}` : undefined,
            data: {
              thing1: { value: m.title.slice(0, 20) },
              thing2: { value: m.body.slice(0, 20) },
              time3: { value: formatBj(m.at) },
            },
          },
        })
        const body = bodyOf(res)
        const errcode = typeof body?.errcode === 'number' ? body.errcode : null
        if (errcode === 0) return { status: 'sent' }
        if (errcode === USER_REFUSED) return { status: 'refused', errcode }
        log.error('subscribe message not sent', { errcode })
        return { status: 'failed', errcode, error: errcode === null ? 'no answer' : `errcode ${errcode}` }
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err)
        log.error('subscribe message failed', { error })
        // the SDK throws WeChat's code for some refusals (`errCode` on the error)
        const code = (err as { errCode?: unknown; code?: unknown } | null)?.errCode
        const errcode = typeof code === 'number' ? code : null
        if (errcode === USER_REFUSED) return { status: 'refused', errcode }
        return { status: 'failed', errcode, error: error.slice(0, 200) }
      }
    },
  }
}

/**
 * The phone-number button's code exchanged through WeChat's open API (`phonenumber.getPhoneNumber`, POST
 * /wxa/business/getuserphonenumber { code } → { errcode: 0, phone_info: { purePhoneNumber, countryCode } }). Only
 * mainland numbers (+86) are kept; any failure is "not verified", never a guess.
 */
export function cloudbasePhones(app: App, log: Logger): PhonePort {
  return {
    async exchange(code) {
      try {
        const res = await app.callWxOpenApi({ apiName: '/wxa/business/getuserphonenumber', requestData: { code } })
        const raw: unknown = typeof res.result === 'string' ? JSON.parse(res.result) : res.result
        const body = (raw && typeof raw === 'object' ? raw : {}) as {
          errcode?: number
          phone_info?: { purePhoneNumber?: unknown; countryCode?: unknown }
        }
        const phone = body.phone_info?.purePhoneNumber
        if (body.errcode !== 0 || typeof phone !== 'string' || !/^1\d{10}$/.test(phone)) {
          log.error('getuserphonenumber gave no number', { errcode: body.errcode ?? null })
          return null
        }
        if (body.phone_info?.countryCode !== undefined && String(body.phone_info.countryCode) !== '86') return null
        return phone
      } catch (err) {
        log.error('getuserphonenumber failed', { error: err instanceof Error ? err.message : String(err) })
        return null
      }
    },
  }
}
