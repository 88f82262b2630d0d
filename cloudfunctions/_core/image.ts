import type { PhotoType } from '@shared/files'

/** The image type by content (magic bytes), never by name or declared content type. */
export function sniffImage(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp'
  return null
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n))
}

/**
 * Drops the metadata segments that carry GPS position, device and owner: JPEG APP1 (EXIF, XMP) and
 * APP13 (IPTC); PNG eXIf/tEXt/iTXt/zTXt chunks; WebP EXIF/XMP chunks. Pixels are untouched. A file that
 * does not parse as its type is refused (null) rather than passed on with metadata.
 *
 * A phone photo taken upright is often stored sideways with an EXIF Orientation tag that tells viewers to
 * turn it. Dropping EXIF would show it lying on its side, so a JPEG keeps one thing from its EXIF: a
 * fresh, minimal APP1 holding only the Orientation tag (no GPS, no device, no time).
 */
export function stripMetadata(b: Uint8Array, type: PhotoType): Uint8Array | null {
  if (type === 'image/jpeg') return stripJpeg(b)
  if (type === 'image/png') return stripPng(b)
  return stripWebp(b)
}

function stripJpeg(b: Uint8Array): Uint8Array | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null
  const parts: Uint8Array[] = [b.subarray(0, 2)]
  let orientation = 1
  let i = 2
  while (i < b.length) {
    if (b[i] !== 0xff) return null
    let marker = b[i + 1]
    // fill bytes (FF FF …) before a marker
    while (marker === 0xff && i + 2 < b.length) {
      i += 1
      marker = b[i + 1]
    }
    if (marker === undefined) return null
    if (marker === 0xd9) {
      parts.push(b.subarray(i, i + 2))
      break
    }
    // standalone markers (RSTn, TEM) carry no length
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(b.subarray(i, i + 2))
      i += 2
      continue
    }
    if (i + 4 > b.length) return null
    const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number)
    if (len < 2 || i + 2 + len > b.length) return null
    if (marker === 0xda) {
      // start of scan: the entropy-coded data and everything after it is image data
      parts.push(b.subarray(i))
      break
    }
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(b.subarray(i + 4, i + 2 + len))
    if (marker !== 0xe1 && marker !== 0xed) parts.push(b.subarray(i, i + 2 + len))
    i += 2 + len
  }
  // right after SOI and any APP0 (JFIF), where viewers look for EXIF
  if (orientation !== 1) parts.splice(parts[1] && parts[1][1] === 0xe0 ? 2 : 1, 0, orientationApp1(orientation))
  return concat(parts)
}

/** The Orientation (tag 0x0112) in IFD0 of an APP1 "Exif\0\0" payload; 1 (upright) when absent or unreadable. */
export function exifOrientation(app1: Uint8Array): number {
  if (app1.length < 14 || ascii(app1, 0, 6) !== 'Exif\0\0') return 1
  const t = app1.subarray(6)
  const order = ascii(t, 0, 2)
  if (order !== 'II' && order !== 'MM') return 1
  const le = order === 'II'
  const u16 = (at: number) =>
    at + 2 > t.length
      ? -1
      : le
        ? (t[at] as number) | ((t[at + 1] as number) << 8)
        : ((t[at] as number) << 8) | (t[at + 1] as number)
  const u32 = (at: number) => (at + 4 > t.length ? -1 : le ? readU32LE(t, at) : readU32BE(t, at))
  if (u16(2) !== 42) return 1
  const ifd = u32(4)
  const n = u16(ifd)
  if (ifd < 8 || n < 0) return 1
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12
    if (e + 12 > t.length) return 1
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8)
      return v >= 1 && v <= 8 ? v : 1
    }
  }
  return 1
}

/** An APP1 segment whose EXIF holds only the Orientation tag (big-endian TIFF, one IFD0 entry). */
export function orientationApp1(orientation: number): Uint8Array {
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation & 0xff,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]
  const body = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff]
  const len = body.length + 2
  return new Uint8Array([0xff, 0xe1, len >> 8, len & 0xff, ...body])
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'])

function stripPng(b: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [b.subarray(0, 8)]
  let i = 8
  while (i + 12 <= b.length) {
    const len = readU32BE(b, i)
    const type = ascii(b, i + 4, 4)
    const end = i + 12 + len
    if (end > b.length) return null
    if (!PNG_DROP.has(type)) parts.push(b.subarray(i, end))
    i = end
    if (type === 'IEND') break
  }
  return concat(parts)
}

function stripWebp(b: Uint8Array): Uint8Array | null {
  if (b.length < 12) return null
  const parts: Uint8Array[] = []
  let i = 12
  let vp8x: Uint8Array | null = null
  while (i + 8 <= b.length) {
    const type = ascii(b, i, 4)
    const len = readU32LE(b, i + 4)
    const end = i + 8 + len + (len % 2)
    if (i + 8 + len > b.length) return null
    const chunk = b.slice(i, Math.min(end, b.length))
    if (type === 'VP8X') {
      vp8x = chunk
      // clear the EXIF (0x08) and XMP (0x04) flags: those chunks are gone
      chunk[8] = (chunk[8] as number) & ~0x0c
    }
    if (type !== 'EXIF' && type !== 'XMP ') parts.push(chunk)
    i = end
  }
  void vp8x
  const body = concat(parts)
  const out = new Uint8Array(12 + body.length)
  out.set(b.subarray(0, 12))
  out.set(body, 12)
  const size = out.length - 8
  out[4] = size & 0xff
  out[5] = (size >>> 8) & 0xff
  out[6] = (size >>> 16) & 0xff
  out[7] = (size >>> 24) & 0xff
  return out
}

function readU32BE(b: Uint8Array, i: number): number {
  return (
    (((b[i] as number) << 24) >>> 0) + ((b[i + 1] as number) << 16) + ((b[i + 2] as number) << 8) + (b[i + 3] as number)
  )
}
function readU32LE(b: Uint8Array, i: number): number {
  return (
    (b[i] as number) + ((b[i + 1] as number) << 8) + ((b[i + 2] as number) << 16) + (((b[i + 3] as number) << 24) >>> 0)
  )
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
