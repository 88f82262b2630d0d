import { inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { exifOrientation, imageSize, orientationApp1, sniffImage, stripMetadata } from './image'
import { cleanPhoto } from './files'
import {
  GPS_MARK,
  JPEG_GPS_VARIANTS,
  PLAIN_JPEG,
  PLAIN_JPEG_SIZE,
  PLAIN_PNG_SIZE,
  PLAIN_WEBP_SIZE,
  PNG_GPS_VARIANTS,
  WEBP_GPS_VARIANTS,
  exifPayload,
  jpegScan,
  jpegSegment,
  jpegWith,
  jpegWithExif,
  pngWith,
  pngWithText,
  webpWithExif,
} from '../../tests/support/fixtures'
import { MAX_PHOTO_BYTES } from '@shared/files'

const has = (b: Uint8Array, s: string) => Buffer.from(b).includes(Buffer.from(s))

describe('photos: type by content, metadata stripped', () => {
  it.each([
    ['jpeg', jpegWithExif(), 'image/jpeg'],
    ['png', pngWithText(), 'image/png'],
    ['webp', webpWithExif(), 'image/webp'],
  ] as const)('%s: sniffed and stripped of GPS/device data, image data kept', (_n, bytes, type) => {
    expect(has(bytes, GPS_MARK)).toBe(true)
    expect(sniffImage(bytes)).toBe(type)
    const clean = stripMetadata(bytes, type)!
    expect(clean).not.toBeNull()
    expect(has(clean, GPS_MARK)).toBe(false)
    expect(sniffImage(clean)).toBe(type)
    expect(clean.length).toBeLessThan(bytes.length)
  })

  it('keeps JPEG structure: SOI first, EOI last, scan data intact', () => {
    const clean = stripMetadata(jpegWithExif(), 'image/jpeg')!
    expect([...clean.slice(0, 2)]).toEqual([0xff, 0xd8])
    expect([...clean.slice(-2)]).toEqual([0xff, 0xd9])
    expect(has(clean, 'JFIF')).toBe(true)
    expect(Buffer.from(clean).includes(jpegScan())).toBe(true)
    // a clean JPEG is already as small as it gets: stripping it changes nothing
    expect(Buffer.from(stripMetadata(PLAIN_JPEG, 'image/jpeg')!)).toEqual(PLAIN_JPEG)
  })

  it('a sideways phone photo keeps its Orientation (and nothing else of its EXIF)', () => {
    const bytes = jpegWithExif(6)
    expect(exifOrientation(exifPayload(6))).toBe(6)
    const clean = stripMetadata(bytes, 'image/jpeg')!
    expect(has(clean, GPS_MARK)).toBe(false)
    // SOI, APP0 (JFIF), then the minimal APP1
    const app0Len = Buffer.from(clean).readUInt16BE(4)
    const app1At = 4 + app0Len
    expect([...clean.slice(app1At, app1At + 2)]).toEqual([0xff, 0xe1])
    const app1 = clean.slice(app1At, app1At + 2 + Buffer.from(clean).readUInt16BE(app1At + 2))
    expect(Buffer.from(app1)).toEqual(Buffer.from(orientationApp1(6)))
    expect(exifOrientation(app1.slice(4))).toBe(6)
    // and stripping again is stable
    expect(Buffer.from(stripMetadata(clean, 'image/jpeg')!)).toEqual(Buffer.from(clean))
  })

  it.each([1, 2, 3, 4, 5, 7, 8])('orientation %i is read and written back in both byte orders', (o) => {
    expect(exifOrientation(exifPayload(o))).toBe(o)
    expect(exifOrientation(orientationApp1(o).slice(4))).toBe(o)
    const clean = stripMetadata(jpegWithExif(o), 'image/jpeg')!
    expect(has(clean, 'Exif')).toBe(o !== 1)
  })

  it('upright or unreadable EXIF leaves no APP1 at all', () => {
    expect(has(stripMetadata(jpegWithExif(), 'image/jpeg')!, 'Exif')).toBe(false)
    expect(exifOrientation(new TextEncoder().encode('Exif\0\0garbage-not-tiff'))).toBe(1)
    expect(exifOrientation(new Uint8Array(3))).toBe(1)
  })

  it('webp: the RIFF size is rewritten and the EXIF flag cleared', () => {
    expect(imageSize(webpWithExif())).toEqual({ type: 'image/webp', ...PLAIN_WEBP_SIZE })
    const clean = stripMetadata(webpWithExif(), 'image/webp')!
    expect(Buffer.from(clean).readUInt32LE(4)).toBe(clean.length - 8)
    expect(clean[20]! & 0x08).toBe(0)
  })

  it('refuses what is not an image, is empty, too large or truncated', () => {
    expect(() => cleanPhoto(new TextEncoder().encode('<html>not a photo</html>'))).toThrow('只能上传照片')
    expect(() => cleanPhoto(new Uint8Array(0))).toThrow('照片是空的')
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1)
    big.set([0xff, 0xd8, 0xff])
    expect(() => cleanPhoto(big)).toThrow('照片太大了')
    const truncated = jpegWithExif().slice(0, 12)
    expect(() => cleanPhoto(truncated)).toThrow('照片文件已损坏')
    // a GIF renamed .jpg is still a GIF
    expect(() => cleanPhoto(new TextEncoder().encode('GIF89a....'))).toThrow('只能上传照片')
  })
})

/** Issue #16 item 6: only the pixels and the orientation are kept, wherever else a position hides. */
describe('photos: no position survives cleaning', () => {
  const decodes = (clean: Uint8Array, type: string, size: { width: number; height: number }) => {
    expect(sniffImage(clean)).toBe(type)
    expect(imageSize(clean)).toEqual({ type, ...size })
  }

  it.each(JPEG_GPS_VARIANTS)('JPEG with GPS in %s', (_where, bytes) => {
    expect(has(bytes, GPS_MARK)).toBe(true)
    const clean = cleanPhoto(bytes)
    expect(clean.type).toBe('image/jpeg')
    expect(has(clean.bytes, GPS_MARK)).toBe(false)
    decodes(clean.bytes, 'image/jpeg', PLAIN_JPEG_SIZE)
    expect(Buffer.from(clean.bytes).includes(jpegScan())).toBe(true)
    // the picture ends at its EOI: nothing follows it
    expect(Buffer.from(clean.bytes).indexOf(Buffer.from([0xff, 0xd9]))).toBe(clean.bytes.length - 2)
  })

  it('a sideways photo keeps its orientation, and only that, whatever else it carries', () => {
    const bytes = jpegWith(
      [
        jpegSegment(0xe1, exifPayload(6)),
        jpegSegment(0xfe, Buffer.from(GPS_MARK)),
        jpegSegment(0xed, Buffer.from(GPS_MARK)),
      ],
      Buffer.from(GPS_MARK),
    )
    const clean = cleanPhoto(bytes).bytes
    expect(has(clean, GPS_MARK)).toBe(false)
    expect(Buffer.from(clean)).toEqual(Buffer.from(stripMetadata(jpegWithExif(6), 'image/jpeg')!))
    expect(has(clean, 'Exif')).toBe(true)
  })

  it.each(PNG_GPS_VARIANTS)('PNG with GPS in %s', (_where, bytes) => {
    expect(has(bytes, GPS_MARK)).toBe(true)
    const clean = cleanPhoto(bytes)
    expect(has(clean.bytes, GPS_MARK)).toBe(false)
    decodes(clean.bytes, 'image/png', PLAIN_PNG_SIZE)
    // the pixels are intact: the image data inflates to one filter byte and 3 × 3 bytes per row
    expect(Buffer.from(clean.bytes)).toEqual(Buffer.from(pngWith()))
    const b = Buffer.from(clean.bytes)
    const idat = b.indexOf('IDAT')
    expect(inflateSync(b.subarray(idat + 4, idat + 4 + b.readUInt32BE(idat - 4))).length).toBe(2 * (1 + 3 * 3))
  })

  it.each(WEBP_GPS_VARIANTS)('WebP with GPS in %s', (_where, bytes) => {
    expect(has(bytes, GPS_MARK)).toBe(true)
    const clean = cleanPhoto(bytes)
    expect(has(clean.bytes, GPS_MARK)).toBe(false)
    decodes(clean.bytes, 'image/webp', PLAIN_WEBP_SIZE)
    expect(Buffer.from(clean.bytes).readUInt32LE(4)).toBe(clean.bytes.length - 8)
    expect(clean.bytes[20]! & 0x2c).toBe(0) // no ICC, EXIF or XMP announced
    expect(has(clean.bytes, 'VP8L')).toBe(true)
  })

  it('a PNG without IEND, or not starting with IHDR, is refused', () => {
    const png = Buffer.from(pngWith())
    expect(stripMetadata(new Uint8Array(png.subarray(0, png.length - 12)), 'image/png')).toBeNull()
    expect(stripMetadata(new Uint8Array(Buffer.concat([png.subarray(0, 8), png.subarray(33)])), 'image/png')).toBeNull()
  })

  it('a JPEG with no frame or no scan is refused', () => {
    expect(stripMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toBeNull()
  })

  it('random bytes appended after EOI, IEND or the RIFF never survive (property)', () => {
    const plain = { jpeg: PLAIN_JPEG, png: Buffer.from(pngWith()), webp: Buffer.from(webpWithExif()) }
    const cleanOf = {
      jpeg: Buffer.from(stripMetadata(PLAIN_JPEG, 'image/jpeg')!),
      png: Buffer.from(stripMetadata(plain.png, 'image/png')!),
      webp: Buffer.from(stripMetadata(plain.webp, 'image/webp')!),
    }
    fc.assert(
      fc.property(
        fc.constantFrom('jpeg', 'png', 'webp' as const),
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        (kind, tail) => {
          const bytes = new Uint8Array(Buffer.concat([plain[kind], Buffer.from(tail)]))
          const clean = stripMetadata(bytes, sniffImage(bytes)!)
          // exactly the clean picture, whatever followed it
          expect(Buffer.from(clean!)).toEqual(cleanOf[kind])
        },
      ),
      { numRuns: 300 },
    )
  })
})
