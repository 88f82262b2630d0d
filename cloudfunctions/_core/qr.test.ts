import fc from 'fast-check'
import { PNG } from 'pngjs'
import { readQrDataUrl } from '../../tests/support/qr'
import { qrModulesPng, qrPng } from './qr'

describe('QR images drawn by the function', () => {
  it('read back as the text they carry, as a scanner reads them', async () => {
    for (const text of ['LINLI:pickup:ABCD-1234', 'https://linli.example/v?c=42', '旭日岭社区·取货码 0042'])
      expect(readQrDataUrl(await qrPng(text, 360))).toBe(text)
  })

  it('any short text survives the round trip, at any asked width', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), fc.integer({ min: 120, max: 600 }), async (t, w) => {
        expect(readQrDataUrl(await qrPng(t, w))).toBe(t)
      }),
      { numRuns: 40 },
    )
  })

  it('is a square PNG of whole-pixel modules, as close to the width asked as they allow', async () => {
    const png = PNG.sync.read(Buffer.from((await qrPng('LINLI:pickup:ABCD-1234', 480)).split(',')[1]!, 'base64'))
    expect(png.width).toBe(png.height)
    expect(png.width).toBeLessThanOrEqual(480)
    expect(png.width).toBeGreaterThan(480 * 0.85)
  })

  it('draws each module as a block of the scale, with two white modules around', () => {
    // a 1-module "code": dark at (0, 0); 5 cells across at 3 px each
    const png = PNG.sync.read(qrModulesPng(1, () => true, 15))
    expect([png.width, png.height]).toEqual([15, 15])
    const black = (x: number, y: number) => png.data[(y * png.width + x) * 4] === 0
    for (let y = 0; y < 15; y++)
      for (let x = 0; x < 15; x++) expect(black(x, y)).toBe(x >= 6 && x < 9 && y >= 6 && y < 9)
  })
})
