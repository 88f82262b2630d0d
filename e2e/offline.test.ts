import type { Browser, Page } from 'playwright-core'
import { app, confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tab, tap, tokenFor } from './support/browser'

/**
 * No signal in the field: a resident photographs a problem and files the report, a grid worker files the day's
 * all-safe report, both with the network cut; the pages are closed and opened again (still offline: the app
 * shell comes from the service worker, the writes from the outbox); the network returns and both reach the
 * server once, without another tap. The photo went up compressed (≤ 1280 px, about 200 KB).
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())
jest.setTimeout(240_000)

/** A phone photo's size and weight: 4000 × 3000, drawn with texture so it does not shrink to nothing. */
async function bigPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 4000
    c.height = 3000
    const g = c.getContext('2d')!
    const grad = g.createLinearGradient(0, 0, 4000, 3000)
    grad.addColorStop(0, '#5a7d3a')
    grad.addColorStop(0.5, '#b8a27a')
    grad.addColorStop(1, '#3b5f8a')
    g.fillStyle = grad
    g.fillRect(0, 0, 4000, 3000)
    // grass and stones: many small shapes, as a photo of a roadside has
    let seed = 7
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 60000; i += 1) {
      g.fillStyle = `rgba(${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)},0.35)`
      g.fillRect(rnd() * 4000, rnd() * 3000, 4 + rnd() * 30, 4 + rnd() * 30)
    }
    return c.toDataURL('image/jpeg', 0.92)
  })
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(buf: Buffer): { width: number; height: number } {
  let i = 2
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error('not a JPEG segment')
    const marker = buf[i + 1]!
    const len = buf.readUInt16BE(i + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) }
    i += 2 + len
  }
  throw new Error('no frame in the JPEG')
}

/** The service worker has taken the page over and kept the shell (it installs on the first visit). */
async function shellKept(page: Page): Promise<void> {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 })
  await page.waitForFunction(
    async () => {
      const keys = await caches.keys()
      if (!keys.includes('linli-shell-v1')) return false
      const assets = await (await caches.open('linli-assets-v1')).keys()
      return assets.length > 0
    },
    undefined,
    { timeout: 30_000 },
  )
}

const DESCRIPTION = '村口水渠边堆了很多垃圾，没有信号时拍的'

it('offline: a report with a photo and a safe report are kept, survive closing, and arrive once when the signal returns', async () => {
  // ---- the resident, in the field ----
  const resident = await phone(browser, {
    geolocation: { latitude: 31.6249, longitude: 99.9872 },
    permissions: ['geolocation'],
  })
  await loginAs(resident.page, '卓玛')
  await tab(resident.page, '上报')
  await see(resident.page, '上报问题').waitFor()
  await see(resident.page, '环境卫生').waitFor()
  await shellKept(resident.page)
  const residentToken = await tokenFor('u-zhuoma')
  const mineBefore = await fn<{ total: number }>(residentToken, 'incident', 'myReports', {})

  await resident.context.setOffline(true)
  await tap(resident.page, '环境卫生')
  await app(resident.page).locator('textarea').filter({ visible: true }).first().fill(DESCRIPTION)
  const original = await bigPhoto(resident.page)
  expect(original.length).toBeGreaterThan(1_500_000)
  const [chooser] = await Promise.all([resident.page.waitForEvent('filechooser'), tap(resident.page, '拍照 / 选照片')])
  await chooser.setFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: original })
  // the photo is kept on the phone (no "photos：请至少拍 1 张照片" with no signal)
  await see(resident.page, '照片（1/9）').waitFor()
  await tap(resident.page, '获取位置')
  await see(resident.page, /已定位/).waitFor()
  await tap(resident.page, '提交上报')
  await see(resident.page, '没有信号，已存好，有信号时自动发送').waitFor()
  await confirmDialog(resident.page, '知道了')
  await see(resident.page, '待发送 1 条').waitFor()
  await see(resident.page, /上报问题 · 环境卫生/).waitFor()
  await see(resident.page, '等信号').waitFor()
  await see(resident.page, /没有信号（离线）/).waitFor()

  // ---- the grid worker, in the same valley ----
  const worker = await phone(browser)
  await loginAs(worker.page, '扎西')
  await worker.page.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  const safeButton = see(worker.page, /今天无事，报平安/)
  await safeButton.waitFor()
  await shellKept(worker.page)
  const workerToken = await tokenFor('u-zhaxi')
  await worker.context.setOffline(true)
  await safeButton.click()
  // 报平安 asks first (issue #20), then says it is kept
  await confirmDialog(worker.page, '报平安')
  await see(worker.page, '没有信号，已存好，有信号时自动发送').waitFor()
  await confirmDialog(worker.page, '知道了')
  await see(worker.page, '待发送 1 条').waitFor()

  // nothing reached the server
  expect((await fn<{ total: number }>(residentToken, 'incident', 'myReports', {})).total).toBe(mineBefore.total)

  // ---- both close the app, and open it again with no signal ----
  await resident.page.close()
  await worker.page.close()
  const residentAgain = await resident.context.newPage()
  await residentAgain.goto(`${hostUrl()}/#/pages/report/index`)
  await see(residentAgain, '待发送 1 条').waitFor()
  await see(residentAgain, /没有信号（离线）/).waitFor()
  const workerAgain = await worker.context.newPage()
  await workerAgain.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  await see(workerAgain, '待发送 1 条').waitFor()

  // ---- the signal returns: both go by themselves, no tap ----
  await resident.context.setOffline(false)
  await worker.context.setOffline(false)
  await see(residentAgain, '待发送 1 条').waitFor({ state: 'detached', timeout: 30_000 })
  await see(workerAgain, '待发送 1 条').waitFor({ state: 'detached', timeout: 30_000 })

  const mine = await fn<{ total: number; items: Array<{ id: string; description: string }> }>(
    residentToken,
    'incident',
    'myReports',
    {},
  )
  expect(mine.total).toBe(mineBefore.total + 1)
  const filed = mine.items.filter((i) => i.description === DESCRIPTION)
  expect(filed).toHaveLength(1)
  const view = await fn<{ photos: Array<{ url: string }>; categoryLabel: string }>(workerToken, 'incident', 'get', {
    incidentId: filed[0]!.id,
  })
  expect(view.categoryLabel).toBe('环境卫生')
  expect(view.photos).toHaveLength(1)
  // the photo that went up fits the line
  const stored = Buffer.from(await (await fetch(`${hostUrl()}${view.photos[0]!.url}`)).arrayBuffer())
  const size = jpegSize(stored)
  expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1280)
  expect(Math.max(size.width, size.height)).toBeGreaterThanOrEqual(1000)
  expect(stored.length).toBeLessThanOrEqual(260 * 1024)

  // the safe report arrived: the outbox kept the server's answer, and the same request again is answered with it
  const kept = await workerAgain.evaluate(() => {
    const raw = JSON.parse(localStorage.getItem('linli.outbox') ?? '{}') as {
      data?: { items: unknown[]; results: Record<string, { gridId?: string; at?: number; kind?: string }> }
    }
    return raw.data
  })
  expect(kept?.items).toEqual([])
  const answers = Object.entries(kept?.results ?? {}).filter(([, r]) => r.gridId !== undefined)
  expect(answers).toHaveLength(1)
  const [requestId, answer] = answers[0]!
  const replay = await fn<{ at: number; gridId: string }>(
    workerToken,
    'incident',
    'safeReport',
    { gridId: answer.gridId, note: '' },
    requestId,
  )
  expect(replay).toMatchObject({ gridId: answer.gridId, at: answer.at })

  await resident.context.close()
  await worker.context.close()
})
