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
 * Keeps only what draws the picture, and its orientation: everything else is dropped, whatever it is called,
 * because GPS position, device and owner hide in many places (EXIF and XMP in APP1, Photoshop IRB in APP13,
 * comments, vendor segments, PNG text and eXIf chunks, WebP EXIF/XMP chunks, and whatever is appended after the
 * image's end: a second JPEG, a ZIP, plain bytes). So the rules are lists of what to keep, never of what to drop:
 * - JPEG: frame, tables, restart interval and scans (SOFn, DHT, DAC, DQT, DRI, DNL, SOS and the entropy-coded
 *   data), a minimal JFIF APP0 and Adobe APP14 rebuilt from their few fixed fields (they change how colours
 *   decode), and up to EOI; nothing after EOI.
 * - PNG: IHDR, PLTE, IDAT, tRNS and the fixed-size colour chunks (gAMA, cHRM, sRGB, sBIT), up to IEND.
 * - WebP: VP8X (its ICC/EXIF/XMP flags cleared), VP8, VP8L, ALPH, ANIM and ANMF frames (their own sub-chunks
 *   filtered the same way), within the RIFF size.
 * A file that does not parse as its type is refused (null) rather than passed on with metadata.
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

/** JPEG markers whose segments draw the picture: SOF0–15 with DHT (C4), JPG (C8) and DAC (CC); DQT, DNL, DRI, DHP, EXP. */
function jpegKeeps(marker: number): boolean {
  return (marker >= 0xc0 && marker <= 0xcf) || (marker >= 0xdb && marker <= 0xdf)
}

/** Start-of-frame markers (the ones that carry the image's size). */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function segment(marker: number, body: readonly number[]): Uint8Array {
  const len = body.length + 2
  return new Uint8Array([0xff, marker, len >> 8, len & 0xff, ...body])
}

/** JFIF APP0 with the original's version, units and density, and no thumbnail. */
function jfifApp0(app0: Uint8Array): Uint8Array | null {
  if (app0.length < 14 || ascii(app0, 0, 5) !== 'JFIF\0') return null
  return segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, ...app0.subarray(5, 12), 0, 0])
}

/** Adobe APP14 with only its colour transform (0 RGB/CMYK, 1 YCbCr, 2 YCCK). */
function adobeApp14(app14: Uint8Array): Uint8Array | null {
  if (app14.length < 12 || ascii(app14, 0, 5) !== 'Adobe') return null
  return segment(0xee, [0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0, 0, 0, 0, (app14[11] as number) & 0x03])
}

/** Where the entropy-coded data that starts at `i` ends: at the first marker that is not a stuffed byte or RSTn. */
function scanEnd(b: Uint8Array, i: number): number {
  let j = i
  while (j < b.length) {
    if (b[j] !== 0xff) {
      j++
      continue
    }
    const next = b[j + 1]
    if (next === 0x00 || (next !== undefined && next >= 0xd0 && next <= 0xd7)) j += 2
    else if (next === 0xff) j += 1
    else break
  }
  return Math.min(j, b.length)
}

function stripJpeg(b: Uint8Array): Uint8Array | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null
  const body: Uint8Array[] = []
  let jfif: Uint8Array | null = null
  let adobe: Uint8Array | null = null
  let orientation = 1
  let frame = false
  let scans = 0
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
      break // EOI: the picture ends here, and so does the file we keep
    }
    // standalone markers (RSTn, TEM) carry no length and no data
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2
      continue
    }
    if (i + 4 > b.length) return null
    const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number)
    if (len < 2 || i + 2 + len > b.length) return null
    const payload = b.subarray(i + 4, i + 2 + len)
    if (marker === 0xe0 && !jfif) jfif = jfifApp0(payload)
    else if (marker === 0xee && !adobe) adobe = adobeApp14(payload)
    else if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(payload)
    if (isSof(marker)) frame = true
    if (jpegKeeps(marker) || marker === 0xda) body.push(b.subarray(i, i + 2 + len))
    i += 2 + len
    if (marker === 0xda) {
      // start of scan: the entropy-coded data runs to the next marker (more tables, another scan, or EOI)
      if (!frame) return null
      const end = scanEnd(b, i)
      body.push(b.subarray(i, end))
      i = end
      scans++
    }
  }
  // a file cut short inside its last scan still draws what it has; one with no scan draws nothing
  if (!frame || scans === 0) return null
  const head: Uint8Array[] = [b.subarray(0, 2)]
  if (jfif) head.push(jfif)
  if (orientation !== 1) head.push(orientationApp1(orientation))
  if (adobe) head.push(adobe)
  return concat([...head, ...body, new Uint8Array([0xff, 0xd9])])
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

/** PNG chunks that draw the picture: the image itself, its palette and transparency, and fixed-size colour facts. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT'])

function stripPng(b: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [b.subarray(0, 8)]
  let i = 8
  let first = true
  while (i + 12 <= b.length) {
    const len = readU32BE(b, i)
    const type = ascii(b, i + 4, 4)
    const end = i + 12 + len
    if (end > b.length) return null
    if (first && type !== 'IHDR') return null
    first = false
    if (PNG_KEEP.has(type)) parts.push(b.subarray(i, end))
    // IEND closes the image: anything after it is not part of the picture
    if (type === 'IEND') return concat(parts)
    i = end
  }
  return null
}

/** WebP chunks that draw the picture; inside an animation frame (ANMF) only the frame's image chunks. */
const WEBP_KEEP = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF'])
const WEBP_FRAME_KEEP = new Set(['VP8 ', 'VP8L', 'ALPH'])
/** VP8X flags of chunks that are gone: ICC profile (0x20), EXIF (0x08), XMP (0x04). */
const VP8X_DROPPED_FLAGS = 0x20 | 0x08 | 0x04

/** The kept chunks of `b[from, to)`, each padded to an even length as RIFF wants; null if a chunk overruns. */
function webpChunks(b: Uint8Array, from: number, to: number, keep: ReadonlySet<string>): Uint8Array[] | null {
  const parts: Uint8Array[] = []
  let i = from
  while (i + 8 <= to) {
    const type = ascii(b, i, 4)
    const len = readU32LE(b, i + 4)
    if (i + 8 + len > to) return null
    const padded = len + (len % 2)
    if (keep.has(type)) {
      const chunk = new Uint8Array(8 + padded)
      chunk.set(b.subarray(i, i + 8 + len))
      if (type === 'VP8X' && len >= 1) chunk[8] = (chunk[8] as number) & ~VP8X_DROPPED_FLAGS
      if (type === 'ANMF') {
        if (len < 16) return null
        const inner = webpChunks(b, i + 8 + 16, i + 8 + len, WEBP_FRAME_KEEP)
        if (!inner) return null
        const frame = concat([b.subarray(i + 8, i + 8 + 16), ...inner])
        const out = new Uint8Array(8 + frame.length)
        out.set(b.subarray(i, i + 4))
        writeU32LE(out, 4, frame.length)
        out.set(frame, 8)
        parts.push(out)
      } else parts.push(chunk)
    }
    i += 8 + padded
  }
  return parts
}

function stripWebp(b: Uint8Array): Uint8Array | null {
  if (b.length < 12) return null
  // the RIFF size bounds the picture: anything after it is not part of it
  const end = Math.min(b.length, 8 + readU32LE(b, 4))
  const parts = webpChunks(b, 12, end, WEBP_KEEP)
  if (!parts || !parts.some((p) => ['VP8 ', 'VP8L', 'ANMF'].includes(ascii(p, 0, 4)))) return null
  const body = concat(parts)
  const out = new Uint8Array(12 + body.length)
  out.set(b.subarray(0, 12))
  out.set(body, 12)
  writeU32LE(out, 4, out.length - 8)
  return out
}

/** What an image says of itself: its type and size in pixels (null when it has no readable frame). */
export function imageSize(b: Uint8Array): { type: PhotoType; width: number; height: number } | null {
  const type = sniffImage(b)
  if (type === 'image/png') {
    if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null
    return { type, width: readU32BE(b, 16), height: readU32BE(b, 20) }
  }
  if (type === 'image/jpeg') {
    let i = 2
    while (i + 9 <= b.length && b[i] === 0xff) {
      const marker = b[i + 1] as number
      if (marker === 0xd9 || marker === 0xda) return null
      const len = ((b[i + 2] as number) << 8) | (b[i + 3] as number)
      if (isSof(marker)) {
        const u16 = (at: number) => ((b[at] as number) << 8) | (b[at + 1] as number)
        return { type, height: u16(i + 5), width: u16(i + 7) }
      }
      i += 2 + len
    }
    return null
  }
  if (type === 'image/webp') {
    const end = Math.min(b.length, 8 + readU32LE(b, 4))
    for (let i = 12; i + 8 <= end;) {
      const kind = ascii(b, i, 4)
      const len = readU32LE(b, i + 4)
      const d = i + 8
      const u24 = (at: number) => (b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)
      if (kind === 'VP8X' && len >= 10) return { type, width: u24(d + 4) + 1, height: u24(d + 7) + 1 }
      if (kind === 'VP8 ' && len >= 10 && b[d + 3] === 0x9d && b[d + 4] === 0x01 && b[d + 5] === 0x2a)
        return { type, width: readU16LE(b, d + 6) & 0x3fff, height: readU16LE(b, d + 8) & 0x3fff }
      if (kind === 'VP8L' && len >= 5 && b[d] === 0x2f) {
        const bits = readU32LE(b, d + 1)
        return { type, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
      }
      i = d + len + (len % 2)
    }
  }
  return null
}

function readU16LE(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8)
}
function writeU32LE(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff
  b[i + 1] = (v >>> 8) & 0xff
  b[i + 2] = (v >>> 16) & 0xff
  b[i + 3] = (v >>> 24) & 0xff
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
