/**
 * The photo size rule on the mini-program's side: WeChat's compressor is asked for at most 1280 px on the long
 * edge (compressedWidth for a landscape photo, compressedHeight for a portrait one) and asked again at a lower
 * quality when the first result is still well over ~200 KB. (The browser's side is checked on the real pixels in
 * e2e/offline.test.ts.)
 */
import fc from 'fast-check'

const calls: Array<Record<string, unknown>> = []
let image = { width: 4000, height: 3000 }
let sizes: number[] = []

// the mini-program build (photo.ts decides by the build's platform)
process.env.TARO_ENV = 'weapp'
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getImageInfo: async () => image,
    compressImage: async (o: Record<string, unknown>) => {
      calls.push(o)
      return { tempFilePath: `wxfile://tmp/c${calls.length}.jpg` }
    },
    getFileInfo: async () => ({ size: sizes.shift() ?? 100_000 }),
    saveFile: async ({ tempFilePath }: { tempFilePath: string }) => ({
      savedFilePath: tempFilePath.replace('tmp', 'store'),
    }),
  },
}))

import { compressedPhoto, fitWithin, keepPhoto, MAX_EDGE_PX } from '../miniprogram/services/photo'

beforeEach(() => {
  calls.length = 0
  sizes = []
})

test('a landscape phone photo is asked for at 1280 px wide, a portrait one at 1280 px high', async () => {
  image = { width: 4000, height: 3000 }
  await compressedPhoto('wxfile://tmp/a.jpg')
  expect(calls[0]).toMatchObject({ src: 'wxfile://tmp/a.jpg', compressedWidth: 1280, quality: 80 })
  expect(calls[0]).not.toHaveProperty('compressedHeight')
  calls.length = 0
  image = { width: 3000, height: 4000 }
  await compressedPhoto('wxfile://tmp/b.jpg')
  expect(calls[0]).toMatchObject({ compressedHeight: 1280 })
  expect(calls[0]).not.toHaveProperty('compressedWidth')
})

test('a small photo is never enlarged; one still heavy is compressed again at a lower quality', async () => {
  image = { width: 800, height: 600 }
  await compressedPhoto('wxfile://tmp/s.jpg')
  expect(calls).toEqual([expect.objectContaining({ compressedWidth: 800 })])
  calls.length = 0
  image = { width: 4000, height: 3000 }
  sizes = [600_000, 180_000]
  const out = await compressedPhoto('wxfile://tmp/h.jpg')
  expect(calls.map((c) => c.quality)).toEqual([80, 60])
  expect(out).toBe('wxfile://tmp/c2.jpg')
})

test('a kept photo is a saved file (it survives the app being closed)', async () => {
  image = { width: 4000, height: 3000 }
  const kept = await keepPhoto('wxfile://tmp/k.jpg')
  expect(kept.key).toMatch(/^wxfile:\/\/store\//)
  expect(kept.url).toBe(kept.key)
})

test('fitWithin keeps the long edge at most 1280 px and the proportions', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (w, h) => {
      const fit = fitWithin(w, h)
      expect(Math.max(fit.width, fit.height)).toBeLessThanOrEqual(Math.max(MAX_EDGE_PX, 1))
      if (Math.max(w, h) <= MAX_EDGE_PX) expect(fit).toEqual({ width: w, height: h })
      else expect(Math.max(fit.width, fit.height)).toBe(MAX_EDGE_PX)
      const scale = Math.min(1, MAX_EDGE_PX / Math.max(w, h))
      expect(Math.abs(fit.width - w * scale)).toBeLessThanOrEqual(1)
      expect(Math.abs(fit.height - h * scale)).toBeLessThanOrEqual(1)
    }),
  )
})
