import type { PhotoType } from '../../shared/files'

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
 */
export function stripMetadata(b: Uint8Array, type: PhotoType): Uint8Array | null {
  if (type === 'image/jpeg') return stripJpeg(b)
  if (type === 'image/png') return stripPng(b)
  return stripWebp(b)
}

export function stripJpeg(b: Uint8Array): Uint8Array | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null
  const parts: Uint8Array[] = [b.subarray(0, 2)]
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
    if (marker !== 0xe1 && marker !== 0xed) parts.push(b.subarray(i, i + 2 + len))
    i += 2 + len
  }
  return concat(parts)
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'])

export function stripPng(b: Uint8Array): Uint8Array | null {
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

export function stripWebp(b: Uint8Array): Uint8Array | null {
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
  return (((b[i] as number) << 24) >>> 0) + ((b[i + 1] as number) << 16) + ((b[i + 2] as number) << 8) + (b[i + 3] as number)
}
function readU32LE(b: Uint8Array, i: number): number {
  return (b[i] as number) + ((b[i + 1] as number) << 8) + ((b[i + 2] as number) << 16) + (((b[i + 3] as number) << 24) >>> 0)
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
