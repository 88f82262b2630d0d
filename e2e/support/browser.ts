import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { consentKey } from '@shared/privacy/consent'
import { DEMO_USERS } from '../../seeds'
import type { Reply } from '../../tests/support/harness'

const ROOT = resolve(__dirname, '../..')

export function hostUrl(): string {
  const file = join(ROOT, '.e2e-artifacts', 'host.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run tools/ensure-chromium.sh`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  })
}

/**
 * A phone-sized page (the H5 app is the mini-program's pages in a browser). Its person chose a language on first
 * launch before (`lang`, Chinese unless said; null: a phone where none was chosen yet, which asks first).
 */
export async function phone(
  browser: Browser,
  opts: Parameters<Browser['newContext']>[0] = {},
  { lang = 'zh', consented = true }: { lang?: 'zh' | 'bo' | null; consented?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...opts,
  })
  if (lang) {
    // what Taro.setStorageSync('linli.lang', lang) leaves in the browser; a choice made in the test stays
    await context.addInitScript((l) => {
      // about:blank and other opaque documents have no storage to preset
      try {
        if (!localStorage.getItem('linli.lang')) localStorage.setItem('linli.lang', JSON.stringify({ data: l }))
      } catch {
        /* nothing to preset here */
      }
    }, lang)
  }
  if (consented) {
    // the privacy agreement and the location consent answered before (services/privacy.ts), for every demo person
    const keys = DEMO_USERS.flatMap((u) => (['general', 'location'] as const).map((k) => consentKey(u.id, k)))
    await context.addInitScript((list) => {
      try {
        for (const k of list) if (!localStorage.getItem(k)) localStorage.setItem(k, JSON.stringify({ data: 'agreed' }))
      } catch {
        /* nothing to preset here */
      }
    }, keys)
  }
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const log: string[] = []
  logs.set(page, log)
  const keep = (line: string) => log.push(line) > 40 && log.shift()
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && keep(`${m.type()}: ${m.text()}`))
  page.on('pageerror', (e) => keep(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => keep(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`))
  page.on('response', (r) => r.url().includes('/api/fn/') && keep(`${r.status()} ${new URL(r.url()).pathname}`))
  return { context, page }
}

const logs = new WeakMap<Page, string[]>()

/**
 * Waits for a locator; when it never shows, the failure says what the page showed instead and what it logged
 * (errors, warnings, failed requests, function calls), so an intermittent failure in CI can be read from its log.
 */
export async function shows(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor()
  } catch (e) {
    const text = await app(page)
      .innerText({ timeout: 2_000 })
      .catch(() => '(page text not readable)')
    const lines = (logs.get(page) ?? []).join('\n')
    throw new Error(`${(e as Error).message}\n--- the page showed:\n${text.slice(0, 1500)}\n--- it logged:\n${lines}`)
  }
}

/** Calls the local host directly (for setting up or checking state a journey does not show). */
export async function api<T = Reply>(
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${hostUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as T }
}

export async function tokenFor(userId: string): Promise<string> {
  const { json } = await api<{ ok: boolean; data: { token: string } }>('/api/dev/login', { userId })
  return json.data.token
}

let seq = 0
export function requestId(label = 'e2e'): string {
  seq += 1
  return `${label}-${Date.now().toString(36)}-${seq}`
}

/** Calls a function as a user over HTTP, as the H5 app does; throws on an error envelope. */
export async function fn<T = Reply>(
  token: string,
  name: string,
  action: string,
  data: unknown = {},
  rid?: string,
): Promise<T> {
  const { json } = await api<{ ok: boolean; data: T; message?: string }>(
    `/api/fn/${name}`,
    { action, data, requestId: rid ?? requestId(action) },
    token,
  )
  if (!json.ok) throw new Error(`${name}.${action}: ${json.message}`)
  return json.data
}

/** The app's own content (the H5 navigation bar repeats page titles outside it). */
export function app(page: Page) {
  return page.locator('#app')
}

/** Logs in through the demo login page by tapping the person's name, and waits for the home page. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto(`${hostUrl()}/#/pages/login/index`)
  await app(page).getByText('选择演示账号', { exact: true }).waitFor()
  await app(page).getByText(name, { exact: true }).first().click()
  await app(page).getByText(`您好，${name}`).waitFor()
}

/**
 * Visible text in the app. Taro's H5 router keeps earlier pages of the stack in the DOM (hidden), so
 * every lookup is narrowed to what is on screen.
 */
export function see(page: Page, text: string | RegExp, exact = typeof text === 'string') {
  return app(page).getByText(text, { exact }).filter({ visible: true }).first()
}

export async function tap(page: Page, text: string | RegExp, exact = typeof text === 'string'): Promise<void> {
  await see(page, text, exact).click()
}

/** The dialog on screen (our own, components/dialog.tsx: confirmations and errors that must be read). */
export function dialog(page: Page) {
  return page.locator('.l-dialog').filter({ visible: true })
}

/** Answers a confirmation dialog with the given button. */
export async function confirmDialog(page: Page, button: string): Promise<void> {
  await dialog(page).locator('.l-btn').getByText(button, { exact: true }).click()
}

/** Taps a tab of the tab bar (首页 / 上报 / 我的). */
export async function tab(page: Page, label: string): Promise<void> {
  const item = page.locator('.weui-tabbar__label', { hasText: label })
  await shows(page, item)
  await item.click()
}
