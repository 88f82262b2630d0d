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

export function jpegWithExif(orientation?: number): Uint8Array {
  const exif = exifPayload(orientation)
  const seg = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'binary')),
      seg(0xe1, exif),
      seg(0xdb, Buffer.from([0, 1, 2, 3])),
      seg(0xda, Buffer.from([1, 2, 3, 4])),
      Buffer.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]),
      Buffer.from([0xff, 0xd9]),
    ]),
  )
}

export function pngWithText(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)])
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`)),
      chunk('IDAT', Buffer.from([1, 2, 3])),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

export function webpWithExif(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32LE(data.length)
    return Buffer.concat([Buffer.from(type, 'ascii'), len, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
  }
  const vp8x = Buffer.alloc(10)
  vp8x[0] = 0x08
  const body = Buffer.concat([
    chunk('VP8X', vp8x),
    chunk('VP8 ', Buffer.from([9, 9, 9, 9])),
    chunk('EXIF', Buffer.from(GPS_MARK)),
  ])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(body.length + 4)
  return new Uint8Array(Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), body]))
}
