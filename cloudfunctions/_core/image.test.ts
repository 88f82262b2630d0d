import { exifOrientation, orientationApp1, sniffImage, stripMetadata } from './image'
import { cleanPhoto } from './files'
import { GPS_MARK, exifPayload, jpegWithExif, pngWithText, webpWithExif } from '../../tests/support/fixtures'
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
    expect(Buffer.from(clean).includes(Buffer.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]))).toBe(true)
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
