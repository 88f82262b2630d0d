import type QRCode from 'qrcode'
import { deflateSync } from 'node:zlib'

/**
 * QR images drawn by the function, so every phone shows the same PNG (the `qrcode` browser build needs a real
 * canvas, which WeChat's renderer does not give it: there the code failed silently). `qrcode` gives the modules;
 * the PNG is written here as one bit per pixel, black or white, each module a whole number of pixels: a QR code's
 * rows repeat, so every repeated row is filtered "Up" (all zeros) and the image deflates to about 500 bytes.
 * This costs a small fraction of the library's own PNG renderer (RGBA, 4 bytes a pixel, every row filtered and
 * deflated), which took ~10 ms of a redemption's 12 in the 0.1× bench; now ~0.5 ms, most of it the library choosing the mask.
 */
export async function qrPng(text: string, width = 480): Promise<string> {
  const { modules } = (await qrLibrary()).create(text, { errorCorrectionLevel: 'M' })
  const png = qrModulesPng(modules.size, (row, col) => modules.get(row, col) !== 0, width)
  return `data:image/png;base64,${png.toString('base64')}`
}

// the library loads when a code is first drawn, not when the function starts (issue #21); once (an `import()` per
// call goes through the module loader each time)
let library: Promise<typeof QRCode> | null = null
function qrLibrary(): Promise<typeof QRCode> {
  library ??= import('qrcode').then((m) => m.default ?? m)
  return library
}

/** The quiet zone around the code, in modules (scanners want some white; the library's default margin was 2). */
const MARGIN = 2

/**
 * A 1-bit greyscale PNG of a square of `size` modules (`dark(row, col)`), with the quiet zone, as close to `width`
 * pixels as whole-pixel modules allow (never under the code's own size).
 */
export function qrModulesPng(size: number, dark: (row: number, col: number) => boolean, width: number): Buffer {
  const cells = size + 2 * MARGIN
  const scale = Math.max(1, Math.floor(width / cells))
  const px = cells * scale
  const rowBytes = Math.ceil(px / 8)
  const raw = Buffer.alloc((rowBytes + 1) * px)
  for (let cellRow = 0; cellRow < cells; cellRow++) {
    const first = cellRow * scale * (rowBytes + 1)
    // filter 0 (none) on the first pixel row of a module row: white is 1, dark is 0
    raw[first] = 0
    const line = raw.subarray(first + 1, first + 1 + rowBytes)
    line.fill(0xff)
    const r = cellRow - MARGIN
    if (r >= 0 && r < size)
      for (let c = 0; c < size; c++) {
        if (!dark(r, c)) continue
        for (let x = (c + MARGIN) * scale; x < (c + MARGIN + 1) * scale; x++) line[x >> 3]! &= ~(0x80 >> (x & 7))
      }
    // bits past the image's right edge are padding; the rest of the module row repeats it: filter 2 (Up), zeros
    for (let k = 1; k < scale; k++) raw[first + k * (rowBytes + 1)] = 2
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(px, 0)
  header.writeUInt32BE(px, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    // zlib's default level: level 9's long match chains on these repeated rows cost 7× the time for 8 % fewer bytes
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

let table: Uint32Array | null = null
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
