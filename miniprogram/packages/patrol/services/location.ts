import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '@shared/geo/gcj02'
import { IS_WEAPP } from '../../../services/env'

export interface Fix {
  lat: number
  lng: number
  accuracyM: number
}

/**
 * One position fix in GCJ-02, only when the volunteer checks in (never tracked in between).
 * WeChat gives GCJ-02 directly; a browser gives WGS-84, converted here.
 */
export async function currentFix(): Promise<Fix> {
  if (IS_WEAPP) {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 8000 })
    return { lat: r.latitude, lng: r.longitude, accuracyM: Math.round(r.accuracy ?? r.horizontalAccuracy ?? 999) }
  }
  return new Promise<Fix>((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('这个浏览器不能定位'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const g = wgs84ToGcj02(p.coords.latitude, p.coords.longitude)
        resolve({ lat: g.lat, lng: g.lng, accuracyM: Math.round(p.coords.accuracy) })
      },
      (e) => reject(new Error(e.code === 1 ? '请允许使用位置信息后再打卡' : '暂时定不到位置，请到开阔处再试')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  })
}
