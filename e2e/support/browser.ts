import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

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
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    ],
  })
}

/** A phone-sized page (the H5 app is the mini-program's pages in a browser). */
export async function phone(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', ...opts,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return { context, page }
}

/** Calls the local host directly (for setting up or checking state a journey does not show). */
export async function api<T = any>(path: string, body?: unknown, token?: string): Promise<{ status: number; json: T }> {
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
export async function fn<T = any>(token: string, name: string, action: string, data: unknown = {}, rid?: string): Promise<T> {
  const { json } = await api<{ ok: boolean; data: T; message?: string }>(`/api/fn/${name}`, { action, data, requestId: rid ?? requestId(action) }, token)
  if (!json.ok) throw new Error(`${name}.${action}: ${json.message}`)
  return json.data
}
