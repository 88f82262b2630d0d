/**
 * Just enough of the WeChat runtime to run Taro's built pages under miniprogram-simulate: a DOM (from
 * jsdom, which exparser renders into), the `wx` object Taro wraps, and App/Page/getApp/getCurrentPages.
 * simulate itself provides `Component` (exparser through j-component) and WeChat's wcc for the WXML.
 * A Taro page is a Page, not a Component, so `Page` re-registers it as a component whose `attached`
 * runs the page lifecycle (onLoad → onShow → onReady) as WeChat would.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

// jsdom comes with jest/miniprogram-simulate; it has no bundled types and @types/jsdom is not installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as {
  JSDOM: new (html: string, options?: object) => { window: Record<string, unknown> }
}

export const DIST = resolve(__dirname, '../../../dist/weapp')

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'app.js'))) {
    throw new Error(`${DIST}/app.js is missing: run \`npm run build:weapp\` before the weapp tests`)
  }
}

export type CloudHandler = (name: string, data: { action: string; data?: unknown; requestId?: string }) => unknown

export interface WxCalls {
  callFunction: Array<{ name: string; data: { action: string; data?: unknown; requestId?: string } }>
  reLaunch: string[]
}

type Fn = (...args: unknown[]) => unknown

/** wx's callback options (`success`, `fail`, `complete`) beside an API's own. */
type WxOptions<O> = O & { success?: Fn; fail?: Fn; complete?: Fn }

/** What App() is given, and Page instances as WeChat's runtime keeps them. */
interface AppConfig {
  onLaunch?: (this: AppConfig, options: object) => void
  onShow?: (this: AppConfig, options: object) => void
}
type PageInstance = Record<string, unknown>

/** The globals of WeChat's runtime that Taro's build calls (simulate provides `Component`). */
interface WeappGlobals {
  [name: string]: unknown
  App(config: AppConfig): void
  getApp(): AppConfig | null
  getCurrentPages(): PageInstance[]
  Page(options: Record<string, unknown>): void
  Component(options: object): void
}

/** Installs the globals once per test file (jest gives each file a fresh module registry and global). */
/**
 * `stored`: what the phone keeps from before (wx storage); by default the language chosen on first launch, so
 * pages open as they do for someone who has used the app.
 */
export function installWeappEnv(
  cloud: CloudHandler,
  stored: Record<string, unknown> = { 'linli.lang': 'zh' },
): WxCalls {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const g = globalThis as unknown as WeappGlobals
  for (const key of [
    'window',
    'document',
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'DocumentFragment',
    'Text',
    'Comment',
  ]) {
    if (g[key] === undefined) g[key] = dom.window[key]
  }

  const calls: WxCalls = { callFunction: [], reLaunch: [] }
  const storage = new Map<string, unknown>(Object.entries(stored))
  /** wx-style async API: callbacks when given, else a promise (what Taro's promisify expects). */
  const asyncApi =
    <O = object>(impl: (opts: WxOptions<O>) => unknown) =>
    (opts: WxOptions<O> = {} as WxOptions<O>) => {
      const p = Promise.resolve().then(() => impl(opts))
      if (opts.success || opts.fail || opts.complete) {
        p.then(
          (r) => {
            opts.success?.(r)
            opts.complete?.(r)
          },
          (e) => {
            opts.fail?.(e)
            opts.complete?.(e)
          },
        )
        return undefined
      }
      return p
    }
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17',
    platform: 'devtools',
    SDKVersion: '3.4.0',
    safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
  }
  g.wx = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getSystemInfo: asyncApi(() => systemInfo),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    nextTick: (fn: Fn) => setTimeout(fn, 0),
    canIUse: () => true,
    showToast: asyncApi(() => ({})),
    showModal: asyncApi(() => ({ confirm: true, cancel: false })),
    reLaunch: asyncApi<{ url: string }>((o) => void calls.reLaunch.push(o.url)),
    navigateTo: asyncApi(() => ({})),
    switchTab: asyncApi(() => ({})),
    setNavigationBarTitle: asyncApi(() => ({})),
    setTabBarItem: asyncApi(() => ({})),
    // the outbox and the offline banner listen to these (services/outbox.ts, services/network.ts)
    onNetworkStatusChange: () => undefined,
    onAppShow: () => undefined,
    getNetworkType: asyncApi(() => ({ networkType: 'wifi' })),
    cloud: {
      init: () => undefined,
      callFunction: asyncApi<WxCalls['callFunction'][number]>((o) => {
        calls.callFunction.push({ name: o.name, data: o.data })
        return { result: cloud(o.name, o.data), errMsg: 'cloud.callFunction:ok' }
      }),
    },
  }

  let app: AppConfig | null = null
  const pages: PageInstance[] = []
  g.App = (config) => {
    app = config
    config.onLaunch?.call(config, { path: 'pages/home/index', query: {}, scene: 1001 })
    config.onShow?.call(config, { path: 'pages/home/index', query: {}, scene: 1001 })
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.Page = (options: Record<string, unknown>) => {
    const route = String(options.route ?? '')
    const methods: Record<string, Fn> = {}
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as Fn
    g.Component({
      data: (options.data as object) ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = this.__route__ = route
          pages.push(this)
          methods.onLoad?.call(this, {})
          methods.onShow?.call(this)
          methods.onReady?.call(this)
        },
        detached(this: PageInstance) {
          methods.onUnload?.call(this)
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }
  return calls
}

/** Text as a person would read it: whitespace collapsed. */
export function textOf(node: { textContent: string | null }): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim()
}

export async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
