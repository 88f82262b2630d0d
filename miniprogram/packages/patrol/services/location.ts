import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '@shared/geo/gcj02'
import { translator } from '@shared/i18n/i18n'
import { IS_WEAPP } from '../../../services/env'
import { getLang } from '../../../services/i18n'
import { ensureConsent } from '../../../services/privacy'
import { QUEUE } from '../patrol.strings'

export interface Fix {
  lat: number
  lng: number
  accuracyM: number
}

const t = translator(QUEUE, getLang)

/**
 * One position fix in GCJ-02, only when the volunteer checks in (never tracked in between).
 * WeChat gives GCJ-02 directly; a browser gives WGS-84, converted here. A failure is an Error whose message a
 * volunteer can read, in their language.
 */
export async function currentFix(): Promise<Fix> {
  // precise location is sensitive: its own consent first (refused: the checkpoint's code can still be scanned)
  if (!(await ensureConsent('location'))) throw new Error(t('geo_denied'))
  if (IS_WEAPP) {
    try {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 8000 })
      return { lat: r.latitude, lng: r.longitude, accuracyM: Math.round(r.accuracy ?? r.horizontalAccuracy ?? 999) }
    } catch (e) {
      const denied = /auth|deny|denied/i.test((e as { errMsg?: string } | null)?.errMsg ?? '')
      throw new Error(t(denied ? 'geo_denied' : 'geo_failed'))
    }
  }
  return new Promise<Fix>((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error(t('no_geo')))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const g = wgs84ToGcj02(p.coords.latitude, p.coords.longitude)
        resolve({ lat: g.lat, lng: g.lng, accuracyM: Math.round(p.coords.accuracy) })
      },
      (e) => reject(new Error(t(e.code === 1 ? 'geo_denied' : 'geo_failed'))),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  })
}
