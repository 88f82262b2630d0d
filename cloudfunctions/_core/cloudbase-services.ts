import type tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
import { FileErrors } from '@shared/files'
import { formatBj } from '@shared/time/beijing'
import type { ContentSafetyPort } from './content-safety'
import { cleanPhoto, type FilePort } from './files'
import { randomCode } from './ids'
import type { NotifierPort } from './notifier'
import type { Logger } from './runtime'

type App = ReturnType<typeof tcb.init>

/** CloudBase-side settings, read once. The template id comes from the mini-program's subscribe-message console. */
const CloudEnvSchema = z.object({
  LINLI_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
  LINLI_SUBSCRIBE_PAGE: z.string().default('packages/incident/pages/detail/index'),
})
const cloudEnv = CloudEnvSchema.parse(process.env)

const HEX = '0123456789abcdef'

/**
 * Photos on CloudBase: the mini-program uploads with Taro.cloud.uploadFile to `uploads/<userId>/…`; adopting
 * downloads it, checks type and size by content, strips EXIF, stores the clean copy under `incident/` and
 * deletes the original, so only the clean copy is ever linked from a record.
 */
export function cloudbaseFiles(app: App): FilePort {
  return {
    async adoptPhoto(fileId, ownerId) {
      if (/\/incident\//.test(fileId)) {
        // already adopted (a retried request): only its owner's own path is accepted
        if (!fileId.includes(`/incident/${ownerId}/`)) throw FileErrors.NOT_YOURS()
        return fileId
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
      return up.fileID
    },
    async urls(fileIds) {
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
    },
    async putGenerated(name, bytes) {
      const up = await app.uploadFile({
        cloudPath: `exports/${randomCode(HEX, 16)}/${name}`,
        fileContent: Buffer.from(bytes),
      })
      const urls = await this.urls([up.fileID])
      return { fileId: up.fileID, url: urls[up.fileID] ?? '' }
    },
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

/** WeChat subscribe messages (the resident agreed to them on the report page). */
export function cloudbaseNotifier(app: App, log: Logger): NotifierPort {
  return {
    async push(m) {
      if (!cloudEnv.LINLI_SUBSCRIBE_TEMPLATE_ID || !m.openid) return
      try {
        await app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: m.openid,
            template_id: cloudEnv.LINLI_SUBSCRIBE_TEMPLATE_ID,
            page: m.incidentId ? `${cloudEnv.LINLI_SUBSCRIBE_PAGE}?id=${m.incidentId}` : undefined,
            data: {
              thing1: { value: m.title.slice(0, 20) },
              thing2: { value: m.body.slice(0, 20) },
              time3: { value: formatBj(m.at) },
            },
          },
        })
      } catch (err) {
        log.error('subscribe message failed', { error: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}
