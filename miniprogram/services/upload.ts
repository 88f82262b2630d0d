import Taro from '@tarojs/taro'
import { ensureConsent } from './privacy'
import { UploadReplySchema, type PhotoView } from '@shared/files'
import type { CallResult } from './call-function'
import { API_BASE, IS_WEAPP } from './env'
import { getToken } from './session'
import { wgs84ToGcj02 } from '@shared/geo/gcj02'
import { getLang, t } from './i18n'

/**
 * One photo to storage, with progress (0–100). In WeChat it goes straight to CloudBase storage under the
 * caller's own folder (the function checks, strips EXIF and moves it when the record — an incident report,
 * a points proposal — is saved); in a browser it is POSTed to the local host, which checks and strips it
 * before storing. Shared by every subpackage (a subpackage cannot import another's code).
 */
export function uploadPhoto(
  localPath: string,
  userId: string,
  onProgress: (percent: number) => void,
): Promise<CallResult<PhotoView>> {
  return IS_WEAPP ? viaCloud(localPath, userId, onProgress) : viaHttp(localPath, onProgress)
}

/** WeChat's own recompression (quality 80) keeps a phone photo to a few hundred KB on a weak village signal;
 * PNG screenshots and anything it cannot compress go up as they are (the server checks size and type). */
async function compressed(filePath: string): Promise<string> {
  if (/\.png$/i.test(filePath)) return filePath
  try {
    return (await Taro.compressImage({ src: filePath, quality: 80 })).tempFilePath || filePath
  } catch {
    return filePath
  }
}

async function viaCloud(
  original: string,
  userId: string,
  onProgress: (p: number) => void,
): Promise<CallResult<PhotoView>> {
  const filePath = await compressed(original)
  return new Promise((resolve) => {
    const name = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`
    const ext = /\.(png|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
    const task = Taro.cloud.uploadFile({
      cloudPath: `uploads/${userId}/${name}.${ext}`,
      filePath,
      success: (res) => resolve({ ok: true, data: { fileId: res.fileID, url: filePath } }),
      fail: () => resolve({ ok: false, code: 'COMMON.NETWORK', message: t('ui.upload_network') }),
    }) as unknown as { onProgressUpdate?: (cb: (r: { progress: number }) => void) => void }
    task?.onProgressUpdate?.((r) => onProgress(r.progress))
  })
}

async function viaHttp(blobUrl: string, onProgress: (p: number) => void): Promise<CallResult<PhotoView>> {
  let blob: Blob
  try {
    blob = await (await fetch(blobUrl)).blob()
  } catch {
    return { ok: false, code: 'FILE.NOT_FOUND', message: t('ui.photo_unreadable') }
  }
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
    xhr.onerror = () => resolve({ ok: false, code: 'COMMON.NETWORK', message: t('ui.upload_network') })
    xhr.onload = () => {
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
