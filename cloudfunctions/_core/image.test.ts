import { sniffImage, stripMetadata } from './image'
import { cleanPhoto } from './files'
import { GPS_MARK, jpegWithExif, pngWithText, webpWithExif } from '../incident/fixtures'
import { MAX_PHOTO_BYTES } from '../../shared/files'

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
