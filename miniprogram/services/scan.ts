import Taro from '@tarojs/taro'
import { t } from './i18n'

/**
 * Reads a QR code with the camera: WeChat's own scanner in the mini-program (`Taro.scanCode`), and in a browser
 * the camera through getUserMedia, each frame read with jsQR (loaded only then, so the mini-program never carries
 * it). Resolves with the code's text, or null when the person closes the scanner or the camera cannot be used
 * (the page keeps its field to type the digits).
 */
export function scanQr(): Promise<string | null> {
  // a build-time condition in a plain (not async) function, so webpack drops the import from the mini-program
  if (process.env.TARO_ENV === 'h5')
    return import('./scan-browser').then((m) => m.scanInBrowser({ close: t('ui.scan_close'), aim: t('ui.scan_aim') }))
  return Taro.scanCode({ onlyFromCamera: true }).then(
    (res) => res.result,
    () => null,
  )
}
