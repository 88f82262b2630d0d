import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { launch } from '../e2e/support/browser'

function dirSize(dir: string, skip: (rel: string) => boolean = () => false, root = dir): number {
  if (!existsSync(dir)) return 0
  let total = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const rel = relative(root, p)
    if (skip(rel)) continue
    total += statSync(p).isDirectory() ? dirSize(p, skip, root) : statSync(p).size
  }
  return total
}

/** Sizes of the built mini-program: the main package and each subpackage (packages/<domain>). */
export function weappSizes(root: string): Record<string, number> {
  const dist = join(root, 'dist/weapp')
  const out: Record<string, number> = {
    main: dirSize(dist, (rel) => rel === 'packages' || rel.startsWith('packages/')),
  }
  const pk = join(dist, 'packages')
  if (existsSync(pk)) for (const d of readdirSync(pk)) out[`packages/${d}`] = dirSize(join(pk, d))
  return out
}

/** First load of the H5 app in Chromium: bytes transferred and time until the home page is interactive. */
export async function h5FirstLoad(
  url: string,
  token: string,
): Promise<{ bytes: number; requests: number; interactiveMs: number }> {
  const browser = await launch()
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    await context.addInitScript((t) => {
      // Taro's H5 storage wraps values as { data } (miniprogram/services/session.ts uses Taro.setStorageSync('linli.token')),
      // so a signed-in user who chose a language on first launch (services/i18n.ts) lands on the home page directly.
      window.localStorage.setItem('linli.token', JSON.stringify({ data: t }))
      window.localStorage.setItem('linli.lang', JSON.stringify({ data: 'zh' }))
    }, token)
    const page = await context.newPage()
    // bytes on the wire (headers + body as sent) of every finished request, read once each has finished; the
    // reads are awaited before returning (reading bodies in the response handler raced the browser's close and
    // undercounted by 100–300 KB from run to run)
    let bytes = 0
    let requests = 0
    const sizes: Promise<void>[] = []
    page.on('requestfinished', (req) => {
      requests += 1
      sizes.push(
        req.sizes().then(
          (s) => {
            bytes += s.responseHeadersSize + s.responseBodySize
          },
          () => undefined,
        ),
      )
    })
    const t = Date.now()
    await page.goto(`${url}/#/pages/home/index`)
    // the greeting renders once `account.getMe` has answered: the home page is then usable (the tab bar alone is not)
    await page
      .getByText(/您好，/)
      .first()
      .waitFor({ timeout: 60_000 })
    const interactiveMs = Date.now() - t
    await page.waitForLoadState('networkidle')
    await Promise.all(sizes)
    return { bytes, requests, interactiveMs }
  } finally {
    await browser.close()
  }
}
