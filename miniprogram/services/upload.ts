import Taro from '@tarojs/taro'
import { ensureConsent } from './privacy'
import { UploadReplySchema, type PhotoView } from '@shared/files'
import type { CallFailure, CallResult } from './call-function'
import { compressedPhoto, photoData } from './photo'
import { API_BASE, IS_WEAPP } from './env'
import { getToken } from './session'
import { wgs84ToGcj02 } from '@shared/geo/gcj02'
import { getLang, t } from './i18n'

/** A way to stop an upload in progress (the outbox's cancel). */
export interface UploadCancel {
  readonly cancelled: boolean
  onCancel(fn: () => void): void
}

/**
 * One photo to storage, with progress (0–100), compressed first (services/photo.ts). In WeChat it goes straight
 * to CloudBase storage under the caller's own folder (the function checks, strips EXIF and moves it when the
 * record — an incident report, a points proposal — is saved); in a browser it is POSTed to the local host, which
 * checks and strips it before storing. Shared by every subpackage (a subpackage cannot import another's code).
 */
export async function uploadPhoto(
  localPath: string,
  userId: string,
  onProgress: (percent: number) => void,
): Promise<CallResult<PhotoView>> {
  let data: Blob | string
  try {
    data = await compressedPhoto(localPath)
  } catch {
    return { ok: false, code: 'FILE.NOT_FOUND', message: t('ui.photo_unreadable') }
  }
  return uploadData(data, userId, onProgress)
}

/** A photo kept on the phone (services/photo.ts `keepPhoto`), already compressed: the outbox's upload. */
export async function uploadKept(
  key: string,
  userId: string,
  onProgress: (percent: number) => void,
  cancel?: UploadCancel,
): Promise<CallResult<PhotoView>> {
  const data = await photoData(key).catch(() => null)
  if (data === null) return { ok: false, code: 'FILE.NOT_FOUND', message: t('ui.photo_unreadable') }
  return uploadData(data, userId, onProgress, cancel)
}

function uploadData(
  data: Blob | string,
  userId: string,
  onProgress: (percent: number) => void,
  cancel?: UploadCancel,
): Promise<CallResult<PhotoView>> {
  // decided at build time: each build carries only its own way up
  if (process.env.TARO_ENV === 'weapp')
    return typeof data === 'string'
      ? viaCloud(data, userId, onProgress, cancel)
      : Promise.resolve({ ok: false, code: 'FILE.NOT_FOUND', message: t('ui.photo_unreadable') })
  return typeof data === 'string'
    ? Promise.resolve({ ok: false, code: 'FILE.NOT_FOUND', message: t('ui.photo_unreadable') })
    : viaHttp(data, onProgress, cancel)
}

const cancelled = (): CallFailure => ({ ok: false, code: 'CLIENT.CANCELLED', message: t('ui.upload_cancelled') })

function viaCloud(
  filePath: string,
  userId: string,
  onProgress: (p: number) => void,
  cancel?: UploadCancel,
): Promise<CallResult<PhotoView>> {
  return new Promise((resolve) => {
    const name = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`
    const ext = /\.(png|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
    const task = Taro.cloud.uploadFile({
      cloudPath: `uploads/${userId}/${name}.${ext}`,
      filePath,
      success: (res) => resolve({ ok: true, data: { fileId: res.fileID, url: filePath } }),
      fail: () =>
        resolve(
          cancel?.cancelled ? cancelled() : { ok: false, code: 'COMMON.NETWORK', message: t('ui.upload_network') },
        ),
    }) as unknown as { onProgressUpdate?: (cb: (r: { progress: number }) => void) => void; abort?: () => void }
    task?.onProgressUpdate?.((r) => onProgress(r.progress))
    cancel?.onCancel(() => {
      task?.abort?.()
      resolve(cancelled())
    })
  })
}

function viaHttp(blob: Blob, onProgress: (p: number) => void, cancel?: UploadCancel): Promise<CallResult<PhotoView>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/api/files`)
    const token = getToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('content-type', blob.type || 'application/octet-stream')
    // the host answers in the language the app is shown in (a photo refused is explained in it)
    xhr.setRequestHeader('accept-language', getLang())
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    cancel?.onCancel(() => {
      xhr.abort()
      resolve(cancelled())
    })
    xhr.onerror = () => resolve({ ok: false, code: 'COMMON.NETWORK', message: t('ui.upload_network') })
    xhr.onload = () => {
      // a host that could not answer (a proxy's 502, a restart) is no signal for the outbox: it tries again
      if (xhr.status >= 502) return resolve({ ok: false, code: 'COMMON.NETWORK', message: t('ui.upload_network') })
      try {
        const body = JSON.parse(xhr.responseText) as { ok: boolean; data?: unknown; code?: string; message?: string }
        if (body.ok) {
          const data = UploadReplySchema.safeParse(body.data)
          if (data.success)
            return resolve({ ok: true, data: { fileId: data.data.fileId, url: `${API_BASE}${data.data.url}` } })
        }
        resolve({ ok: false, code: body.code ?? 'COMMON.INTERNAL', message: body.message ?? t('ui.upload_failed') })
      } catch {
        resolve({ ok: false, code: 'COMMON.INTERNAL', message: t('ui.upload_failed') })
      }
    }
    xhr.send(blob)
  })
}

/** Where am I, in GCJ-02: the WeChat map picker (already GCJ-02), or the browser's position (WGS-84,
 * converted, since inside China the two differ by up to ~700 m); the address field says the rest. */
export async function pickLocation(): Promise<CallResult<{ lat: number; lng: number; address: string }>> {
  // precise location is sensitive: its own consent first (refused: the page offers the typed address)
  if (!(await ensureConsent('location')))
    return { ok: false, code: 'CLIENT.NO_CONSENT', message: t('ui.privacy_refused') }
  if (IS_WEAPP) {
    try {
      const r = await Taro.chooseLocation({})
      return { ok: true, data: { lat: r.latitude, lng: r.longitude, address: r.address || r.name || '' } }
    } catch {
      return { ok: false, code: 'CLIENT.LOCATION', message: t('ui.no_location') }
    }
  }
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve({ ok: false, code: 'CLIENT.LOCATION', message: t('ui.location_unsupported') })
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, data: { ...wgs84ToGcj02(p.coords.latitude, p.coords.longitude), address: '' } }),
      () => resolve({ ok: false, code: 'CLIENT.LOCATION', message: t('ui.location_failed') }),
      { timeout: 10_000, maximumAge: 60_000 },
    )
  })
}
