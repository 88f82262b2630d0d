import { deflateSync } from 'node:zlib'

/** Test images: a tiny JPEG carrying an EXIF APP1 segment with a fake GPS marker, and friends. */
export const GPS_MARK = 'GPS:31.6249N,99.9872E;iPhone'

/**
 * EXIF as a phone writes it: a little-endian TIFF whose IFD0 has Make (an ASCII value pointing at the
 * GPS/device marker) and, when given, Orientation (6 = stored sideways, turn 90° clockwise to view).
 */
export function exifPayload(orientation?: number): Buffer {
  const mark = Buffer.from(GPS_MARK + '\0')
  const entries = orientation ? 2 : 1
  const ifdSize = 2 + entries * 12 + 4
  const head = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00])
  const ifd = Buffer.alloc(ifdSize)
  ifd.writeUInt16LE(entries, 0)
  ifd.writeUInt16LE(0x010f, 2) // Make
  ifd.writeUInt16LE(2, 4) // ASCII
  ifd.writeUInt32LE(mark.length, 6)
  ifd.writeUInt32LE(8 + ifdSize, 10)
  if (orientation) {
    ifd.writeUInt16LE(0x0112, 14)
    ifd.writeUInt16LE(3, 16) // SHORT
    ifd.writeUInt32LE(1, 18)
    ifd.writeUInt16LE(orientation, 22)
  }
  return Buffer.concat([Buffer.from('Exif\0\0'), head, ifd, mark])
}

/** A real 8×6 baseline JPEG (JFIF APP0, DQT, SOF0, DHT, SOS, EOI), as a JPEG encoder writes it. */
export const PLAIN_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2MBERISGBUYLxoaL2NCOEJjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY//AABEIAAYACAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AI7DQ4uOlVVxcjLAY2Wh/9k=',
  'base64',
)
export const PLAIN_JPEG_SIZE = { width: 8, height: 6 }

/** A JPEG segment: marker, 16-bit length, body. */
export function jpegSegment(marker: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
}

/** The scan of PLAIN_JPEG: from its SOS marker to just before EOI (what must survive cleaning untouched). */
export function jpegScan(jpeg: Uint8Array = PLAIN_JPEG): Buffer {
  const b = Buffer.from(jpeg)
  const sos = b.indexOf(Buffer.from([0xff, 0xda]))
  return b.subarray(sos, b.lastIndexOf(Buffer.from([0xff, 0xd9])))
}

/** PLAIN_JPEG with `segments` after its JFIF APP0 (where phones write EXIF), and `trailer` after its EOI. */
export function jpegWith(segments: readonly Buffer[], trailer: Buffer = Buffer.alloc(0)): Uint8Array {
  const app0End = 4 + PLAIN_JPEG.readUInt16BE(4)
  return new Uint8Array(
    Buffer.concat([PLAIN_JPEG.subarray(0, app0End), ...segments, PLAIN_JPEG.subarray(app0End), trailer]),
  )
}

export function jpegWithExif(orientation?: number): Uint8Array {
  return jpegWith([jpegSegment(0xe1, exifPayload(orientation))])
}

/** Where else a JPEG carries a position: each variant has GPS_MARK once, somewhere a viewer never draws. */
export const JPEG_GPS_VARIANTS: ReadonlyArray<readonly [string, Uint8Array]> = [
  ['EXIF in APP1', jpegWithExif(6)],
  [
    'XMP in APP1',
    jpegWith([
      jpegSegment(
        0xe1,
        Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="${GPS_MARK}"/>`),
      ),
    ]),
  ],
  ['a comment (COM)', jpegWith([jpegSegment(0xfe, Buffer.from(`taken at ${GPS_MARK}`))])],
  [
    'Photoshop IRB in APP13',
    jpegWith([
      jpegSegment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0' + '8BIM\x04\x04\0\0'), Buffer.from(GPS_MARK)])),
    ]),
  ],
  ['a vendor APP2 (ICC/MPF)', jpegWith([jpegSegment(0xe2, Buffer.from(`MPF\0${GPS_MARK}`))])],
  ['a vendor APP11', jpegWith([jpegSegment(0xeb, Buffer.from(GPS_MARK))])],
  ['a vendor APP15', jpegWith([jpegSegment(0xef, Buffer.from(GPS_MARK))])],
  ['a JFIF thumbnail', jfifWithThumbnail()],
  ['a second JPEG appended after EOI', jpegWith([], Buffer.from(jpegWithExif()))],
  ['trailing bytes after EOI', jpegWith([], Buffer.from(`\0\0${GPS_MARK}`))],
  ['a ZIP appended after EOI', jpegWith([], Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(GPS_MARK)]))],
]

/** A JFIF APP0 whose (RGB) thumbnail pixels spell the mark: a thumbnail is not the picture. */
function jfifWithThumbnail(): Uint8Array {
  const mark = Buffer.from(GPS_MARK.padEnd(Math.ceil(GPS_MARK.length / 3) * 3, ' '))
  const app0 = Buffer.concat([
    Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01', 'binary'),
    Buffer.from([mark.length / 3, 1]),
    mark,
  ])
  const app0End = 4 + PLAIN_JPEG.readUInt16BE(4)
  return new Uint8Array(
    Buffer.concat([PLAIN_JPEG.subarray(0, 2), jpegSegment(0xe0, app0), PLAIN_JPEG.subarray(app0End)]),
  )
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A PNG chunk with its real CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])))
  return Buffer.concat([len, Buffer.from(type, 'ascii'), data, crc])
}

export const PLAIN_PNG_SIZE = { width: 3, height: 2 }

/** A real 3×2 RGB PNG (IHDR, IDAT deflated, IEND) with `extra` chunks before IDAT and `trailer` after IEND. */
export function pngWith(extra: readonly Buffer[] = [], trailer: Buffer = Buffer.alloc(0)): Uint8Array {
  const { width, height } = PLAIN_PNG_SIZE
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) =>
      Buffer.from([0, ...Array.from({ length: width * 3 }, (_, i) => (y * 97 + i * 31) & 0xff)]),
    ),
  )
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      ...extra,
      pngChunk('IDAT', deflateSync(rows)),
      pngChunk('IEND', Buffer.alloc(0)),
      trailer,
    ]),
  )
}

export function pngWithText(): Uint8Array {
  return pngWith([pngChunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`))])
}

/** Where a PNG carries a position; zTXt is deflated with no compression (stored), so the mark shows in its bytes. */
export const PNG_GPS_VARIANTS: ReadonlyArray<readonly [string, Uint8Array]> = [
  ['tEXt', pngWithText()],
  [
    'zTXt',
    pngWith([
      pngChunk('zTXt', Buffer.concat([Buffer.from('GPS\0\0'), deflateSync(Buffer.from(GPS_MARK), { level: 0 })])),
    ]),
  ],
  ['iTXt', pngWith([pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${GPS_MARK}`))])],
  ['eXIf', pngWith([pngChunk('eXIf', exifPayload(6).subarray(6))])],
  [
    'an ICC profile (iCCP)',
    pngWith([pngChunk('iCCP', Buffer.concat([Buffer.from(`${GPS_MARK}\0\0`), deflateSync(Buffer.from('icc'))]))]),
  ],
  ['a private chunk', pngWith([pngChunk('gpsX', Buffer.from(GPS_MARK))])],
  ['bytes after IEND', pngWith([], Buffer.from(GPS_MARK))],
  ['a second PNG after IEND', pngWith([], Buffer.from(pngWithText()))],
]

/** A RIFF chunk, padded to an even length. */
export function riffChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32LE(data.length)
  return Buffer.concat([Buffer.from(type, 'ascii'), len, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
}

/** A 1×1 lossless WebP image (VP8L bitstream). */
const VP8L_1X1 = Buffer.from('2f00000010071011118888fe07', 'hex')
export const PLAIN_WEBP_SIZE = { width: 1, height: 1 }

/** An extended WebP (VP8X, flags as given) with `chunks` around the image, and `trailer` after the RIFF. */
export function webpWith(before: readonly Buffer[], after: readonly Buffer[], flags = 0, trailer = Buffer.alloc(0)) {
  const vp8x = Buffer.alloc(10) // flags, reserved, canvas width-1 and height-1 (24-bit each): 1×1
  vp8x[0] = flags
  const body = Buffer.concat([riffChunk('VP8X', vp8x), ...before, riffChunk('VP8L', VP8L_1X1), ...after])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(body.length + 4)
  return new Uint8Array(Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), body, trailer]))
}

export function webpWithExif(): Uint8Array {
  return webpWith([], [riffChunk('EXIF', Buffer.from(GPS_MARK))], 0x08)
}

export const WEBP_GPS_VARIANTS: ReadonlyArray<readonly [string, Uint8Array]> = [
  ['EXIF', webpWithExif()],
  ['XMP', webpWith([], [riffChunk('XMP ', Buffer.from(`<x:xmpmeta>${GPS_MARK}</x:xmpmeta>`))], 0x04)],
  ['an ICC profile', webpWith([riffChunk('ICCP', Buffer.from(GPS_MARK))], [], 0x20)],
  ['an unknown chunk', webpWith([riffChunk('GPS ', Buffer.from(GPS_MARK))], [])],
  ['bytes after the RIFF', webpWith([], [], 0, Buffer.from(GPS_MARK))],
  [
    'a chunk inside an animation frame',
    webpWith(
      [riffChunk('ANIM', Buffer.alloc(6))],
      [
        riffChunk(
          'ANMF',
          Buffer.concat([Buffer.alloc(16), riffChunk('VP8L', VP8L_1X1), riffChunk('EXIF', Buffer.from(GPS_MARK))]),
        ),
      ],
      0x02,
    ),
  ],
]

/**
 * A real grey PNG whose pixels spell `text` (one row, stored without compression): a marker that survives
 * cleaning, as the local media-check stand-in needs (`LOCAL_MEDIA_BLOCKED`, `LOCAL_MEDIA_PENDING`).
 */
export function pngWithPixels(text: string): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(text.length, 0)
  ihdr.writeUInt32BE(1, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(Buffer.concat([Buffer.from([0]), Buffer.from(text)]), { level: 0 })),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  )
}
