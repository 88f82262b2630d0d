import type { BrowserContext, Page } from 'playwright-core'
import { launch } from '../e2e/support/browser'

/**
 * The app on a village line, in Chromium with the network throttled through the DevTools protocol (the presets of
 * Chrome's DevTools): first load on the wire, first text and a usable home page on Regular 3G and 2G, a report
 * with one phone photo on Regular 3G, and the outbox's drain once the signal returns. Goals from issue #19.
 */
export const PROFILES = {
  'Regular 3G': { latency: 100, downKbit: 750, upKbit: 250 },
  'Regular 2G': { latency: 300, downKbit: 250, upKbit: 50 },
} as const
type Profile = keyof typeof PROFILES

export const GOALS = {
  firstLoadKB: 200,
  firstText3gMs: 1_500,
  homeUsable3gMs: 3_000,
  homeUsable2gMs: 8_000,
  report3gMs: 10_000,
  drainMs: 5_000,
}

async function throttle(context: BrowserContext, page: Page, profile: Profile | null, offline = false) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const p = profile ? PROFILES[profile] : null
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: p?.latency ?? 0,
    downloadThroughput: p ? (p.downKbit * 1000) / 8 : -1,
    uploadThroughput: p ? (p.upKbit * 1000) / 8 : -1,
  })
  return cdp
}

async function signedIn(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript((t) => {
    window.localStorage.setItem('linli.token', JSON.stringify({ data: t }))
    window.localStorage.setItem('linli.lang', JSON.stringify({ data: 'zh' }))
  }, token)
}

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

/** A fresh phone (nothing cached) opening the home page: bytes, requests, first text, home usable. */
async function coldLoad(url: string, token: string, profile: Profile | null) {
  const browser = await launch()
  try {
    const context = await browser.newContext(phone)
    await signedIn(context, token)
    const page = await context.newPage()
    await throttle(context, page, profile)
    let bytes = 0
    let requests = 0
    const sizes: Promise<void>[] = []
    const paths: string[] = []
    page.on('requestfinished', (req) => {
      requests += 1
      // the same path with the same body twice (a function's path alone is shared by its actions)
      paths.push(`${new URL(req.url()).pathname} ${req.postData() ?? ''}`)
      sizes.push(
        req.sizes().then(
          (s) => {
            bytes += s.responseHeadersSize + s.responseBodySize
          },
          () => undefined,
        ),
      )
    })
    const t0 = Date.now()
    await page.goto(`${url}/#/pages/home/index`, { waitUntil: 'commit' })
    await page
      .getByText(/您好，/)
      .first()
      .waitFor({ timeout: 120_000 })
    const homeUsableMs = Date.now() - t0
    const firstTextMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    )
    await page.waitForLoadState('networkidle')
    await Promise.all(sizes)
    const duplicates = paths.filter((p, i) => paths.indexOf(p) !== i).map((p) => p.slice(0, 80))
    return {
      bytes,
      requests,
      firstTextMs: firstTextMs === null ? null : Math.round(firstTextMs),
      homeUsableMs,
      duplicates,
    }
  } finally {
    await browser.close()
  }
}

/** A phone photo's weight (4000 × 3000 with texture), drawn by the browser. */
async function phonePhoto(page: Page): Promise<Buffer> {
  // a string, not a function: tsx's helpers (`__name`) do not exist in the page
  const dataUrl = await page.evaluate<string>(`(() => {
    const c = document.createElement('canvas')
    c.width = 4000
    c.height = 3000
    const g = c.getContext('2d')
    const grad = g.createLinearGradient(0, 0, 4000, 3000)
    grad.addColorStop(0, '#5a7d3a')
    grad.addColorStop(1, '#3b5f8a')
    g.fillStyle = grad
    g.fillRect(0, 0, 4000, 3000)
    let seed = 7
    for (let i = 0; i < 60000; i += 1) {
      const r = []
      for (let k = 0; k < 7; k += 1) r.push((seed = (seed * 16807) % 2147483647) / 2147483647)
      g.fillStyle = 'rgba(' + Math.floor(r[0] * 255) + ',' + Math.floor(r[1] * 255) + ',' + Math.floor(r[2] * 255) + ',0.35)'
      g.fillRect(r[3] * 4000, r[4] * 3000, 4 + r[5] * 30, 4 + r[6] * 30)
    }
    return c.toDataURL('image/jpeg', 0.92)
  })()`)
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

const visible = (page: Page, text: string | RegExp) =>
  page.locator('#app').getByText(text).filter({ visible: true }).first()

/** A resident on Regular 3G files a report with one phone photo: from 提交上报 to the case's page. */
async function reportOn3g(url: string, token: string) {
  const browser = await launch()
  try {
    const context = await browser.newContext(phone)
    await signedIn(context, token)
    const page = await context.newPage()
    await page.goto(`${url}/#/pages/report/index`)
    await visible(page, '环境卫生').waitFor({ timeout: 60_000 })
    const photo = await phonePhoto(page)
    await throttle(context, page, 'Regular 3G')
    await visible(page, '环境卫生').click()
    await page.locator('#app textarea').filter({ visible: true }).first().fill('水渠边堆了很多垃圾，请来清理')
    await page
      .locator('#app input[placeholder*="老桥"]')
      .filter({ visible: true })
      .first()
      .fill('然乌村 3 组 老桥东头水渠边')
    const tPick = Date.now()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '拍照 / 选照片').click()])
    await chooser.setFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo })
    await visible(page, '照片（1/9）').waitFor()
    const keepMs = Date.now() - tPick
    const t0 = Date.now()
    await visible(page, '提交上报').click()
    await visible(page, '处理经过').waitFor({ timeout: 120_000 })
    const submitMs = Date.now() - t0
    // the photo as the host stored it, read back from the case's page (the upload's Blob body is not visible to
    // Playwright: its request reports no body)
    const src = await page.locator('#app .incident-photo img, #app img.incident-photo').first().getAttribute('src')
    const uploaded = src
      ? await page.evaluate((u) => fetch(u).then(async (r) => (await r.arrayBuffer()).byteLength), src)
      : 0
    return { originalBytes: photo.length, uploadedBytes: uploaded, compressMs: keepMs, submitMs }
  } finally {
    await browser.close()
  }
}

/**
 * Ten writes kept while offline (a grid worker's all-safe reports, each its own request), the app opened again
 * with no signal, then the signal returns on Regular 3G: time until the outbox is empty.
 */
async function drain(url: string, token: string, gridId: string) {
  const browser = await launch()
  try {
    const context = await browser.newContext(phone)
    await signedIn(context, token)
    const page = await context.newPage()
    await page.goto(`${url}/#/pages/home/index`)
    await page
      .getByText(/您好，/)
      .first()
      .waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 })
    // The signal is cut and given back through one CDP session, in one call each way. With two (Playwright's
    // setOffline and ours for the throttle), Chromium told the page one session's state (navigator.onLine, the
    // online event) and let requests through by the other's: measured, a fetch failing 12 ms after navigator.onLine
    // turned true, and requests going through while navigator.onLine was false; the drain then depended on which
    // call came last (1.5 s in one run, 16 s in two). The service worker is not under this session: the reload
    // below gets index.html from the host and the rest from the worker's cache; the app's calls have no signal.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const line = (offline: boolean) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline,
        latency: PROFILES['Regular 3G'].latency,
        downloadThroughput: (PROFILES['Regular 3G'].downKbit * 1000) / 8,
        uploadThroughput: (PROFILES['Regular 3G'].upKbit * 1000) / 8,
      })
    await line(true)
    await page.evaluate((grid) => {
      const now = Date.now()
      const items = Array.from({ length: 10 }, (_, i) => ({
        id: `bench-drain-${now.toString(36)}-${i}`,
        kind: 'incident.safeReport',
        summary: '',
        fn: 'incident',
        action: 'safeReport',
        input: { gridId: grid, note: '' },
        photos: [],
        createdAt: now,
        state: 'waiting',
        attempts: 0,
        nextAt: 0,
        reason: null,
      }))
      localStorage.setItem('linli.outbox', JSON.stringify({ data: { items, results: {} } }))
    }, gridId)
    await page.reload()
    await page.getByText('待发送 10 条').first().waitFor({ timeout: 30_000 })
    const t0 = Date.now()
    await line(false)
    await page.waitForFunction(
      () =>
        (JSON.parse(localStorage.getItem('linli.outbox') ?? '{}') as { data?: { items: unknown[] } }).data?.items
          .length === 0,
      undefined,
      { timeout: 120_000, polling: 50 },
    )
    return { items: 10, drainMs: Date.now() - t0 }
  } finally {
    await browser.close()
  }
}

export async function networkMetrics(url: string, tokens: { resident: string; worker: string }, workerGrid: string) {
  const first = await coldLoad(url, tokens.resident, null)
  const g3 = await coldLoad(url, tokens.resident, 'Regular 3G')
  const g2 = await coldLoad(url, tokens.resident, 'Regular 2G')
  const report = await reportOn3g(url, tokens.resident)
  const outbox = await drain(url, tokens.worker, workerGrid)
  return { firstLoad: first, regular3g: g3, regular2g: g2, report3g: report, outbox }
}

export function printNetwork(m: Awaited<ReturnType<typeof networkMetrics>>): void {
  const ok = (v: number | null, goal: number) => (v !== null && v <= goal ? 'ok' : 'MISSED')
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`
  console.log('\n== network (Chromium, CDP throttling; goals from issue #19)')
  console.log(
    `  first load on the wire        ${kb(m.firstLoad.bytes).padStart(8)} in ${m.firstLoad.requests} requests` +
      `   goal ≤ ${GOALS.firstLoadKB} KB  ${ok(m.firstLoad.bytes / 1024, GOALS.firstLoadKB)}` +
      (m.firstLoad.duplicates.length
        ? `   duplicates: ${m.firstLoad.duplicates.join(' ')}`
        : '   no duplicate requests'),
  )
  console.log(
    `  Regular 3G first text         ${String(m.regular3g.firstTextMs).padStart(6)} ms   goal ≤ ${GOALS.firstText3gMs} ms  ${ok(m.regular3g.firstTextMs, GOALS.firstText3gMs)}`,
  )
  console.log(
    `  Regular 3G home usable        ${String(m.regular3g.homeUsableMs).padStart(6)} ms   goal ≤ ${GOALS.homeUsable3gMs} ms  ${ok(m.regular3g.homeUsableMs, GOALS.homeUsable3gMs)}`,
  )
  console.log(`  Regular 2G first text         ${String(m.regular2g.firstTextMs).padStart(6)} ms`)
  console.log(
    `  Regular 2G home usable        ${String(m.regular2g.homeUsableMs).padStart(6)} ms   goal ≤ ${GOALS.homeUsable2gMs} ms  ${ok(m.regular2g.homeUsableMs, GOALS.homeUsable2gMs)}`,
  )
  console.log(
    `  report + 1 photo, Regular 3G  ${String(m.report3g.submitMs).padStart(6)} ms   goal ≤ ${GOALS.report3gMs} ms  ${ok(m.report3g.submitMs, GOALS.report3gMs)}` +
      `   (photo ${kb(m.report3g.originalBytes)} → ${kb(m.report3g.uploadedBytes)}, compressed in ${m.report3g.compressMs} ms)`,
  )
  console.log(
    `  outbox drain, ${m.outbox.items} items (3G)     ${String(m.outbox.drainMs).padStart(6)} ms   goal ≤ ${GOALS.drainMs} ms  ${ok(m.outbox.drainMs, GOALS.drainMs)}`,
  )
}
