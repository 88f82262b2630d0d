import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** What a QR image drawn by a function says (the PNG decoded, then read as a scanner would). */
export function readQrDataUrl(dataUrl: string): string | null {
  const m = /^data:image\/png;base64,(.+)$/.exec(dataUrl)
  if (!m) return null
  const png = PNG.sync.read(Buffer.from(m[1]!, 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}
