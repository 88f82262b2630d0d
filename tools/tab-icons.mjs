// Draws the tab bar's icons (home, report, me; grey and selected blue) as PNG files in miniprogram/assets/tab/.
// Plain shapes, antialiased by supersampling, written with node's zlib: no image tool needed. Run it after
// changing a shape: `node tools/tab-icons.mjs` (the PNGs are committed; the build only copies them).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'miniprogram', 'assets', 'tab')
const SIZE = 81 // WeChat's recommended 81×81 px
const COLOURS = { '': [0x4a, 0x4a, 0x4a], '-on': [0x0a, 0x5f, 0xb4] }

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
// a triangle by the signs of its edges
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by)
  const d2 = s(bx, by, cx, cy)
  const d3 = s(cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}

/** Each shape on a 0–1 square. */
const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.1], [0.06, 0.5], [0.94, 0.5]) || inRect(x, y, 0.18, 0.45, 0.82, 0.9)) &&
    !inRect(x, y, 0.42, 0.62, 0.58, 0.9),
  report: (x, y) =>
    (inRect(x, y, 0.08, 0.3, 0.92, 0.84) || inRect(x, y, 0.34, 0.18, 0.66, 0.32)) &&
    !(inCircle(x, y, 0.5, 0.57, 0.2) && !inCircle(x, y, 0.5, 0.57, 0.12)),
  me: (x, y) => inCircle(x, y, 0.5, 0.3, 0.19) || (inCircle(x, y, 0.5, 0.95, 0.4) && y <= 0.9),
}

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png(shape, [r, g, b]) {
  const N = 4
  const rows = []
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < N; sy++)
        for (let sx = 0; sx < N; sx++) if (shape((px + (sx + 0.5) / N) / SIZE, (py + (sy + 0.5) / N) / SIZE)) hits++
      row.set([r, g, b, Math.round((255 * hits) / (N * N))], 1 + px * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES))
  for (const [suffix, colour] of Object.entries(COLOURS))
    writeFileSync(join(OUT, `${name}${suffix}.png`), png(shape, colour))
console.log(`tab icons written to ${OUT}`)
