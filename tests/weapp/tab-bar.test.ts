/**
 * The mini-program's own tab bar (miniprogram/custom-tab-bar, `tabBar.custom` in app.json), rendered from the real
 * dist/weapp build with WeChat's WXML compiler: its icons and labels, the tab of the page shown marked, labels of
 * at least 14 px. Needs `npm run build:weapp` first.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as Simulate from 'miniprogram-simulate'
import { DIST, assertBuilt, installWeappEnv, textOf, waitFor } from './support/weapp-env'

assertBuilt()

installWeappEnv(() => ({ ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '没有这个操作' }))

let simulate: typeof Simulate
beforeAll(async () => {
  simulate = await import('miniprogram-simulate')
  // Taro gives a component `behaviors: {}` when it has none; WeChat takes that, j-component (under simulate) wants a list
  const g = globalThis as unknown as { Component: (options: { behaviors?: unknown }) => void }
  const register = g.Component
  g.Component = (options) =>
    register({ ...options, behaviors: Array.isArray(options.behaviors) ? options.behaviors : [] })
  await import(join(DIST, 'app.js'))
})

function mount(path: string) {
  const id = simulate.load(join(DIST, path), { rootPath: DIST, compiler: 'official' })
  const node = simulate.render(id)
  node.attach(document.createElement('parent-wrapper'))
  return node
}

test('app.json asks WeChat for our own tab bar, and keeps the three tab pages', () => {
  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'))
  expect(app.tabBar.custom).toBe(true)
  expect(app.tabBar.list.map((t: { pagePath: string }) => t.pagePath)).toEqual([
    'pages/home/index',
    'pages/report/index',
    'pages/me/index',
  ])
})

test('the tab bar shows an icon and a label for each tab, the shown page marked', async () => {
  const bar = mount('custom-tab-bar/index')
  await waitFor(() => textOf(bar.dom!).includes('我的'), 'the tab bar to render its labels')
  // classes carry the component's prefix under simulate
  const items = () => Array.from(bar.dom!.querySelectorAll('.main--l-tabbar__item'))
  expect(items().map((i) => textOf(i))).toEqual(['首页', '上报', '我的'])
  expect(items().map((i) => i.querySelectorAll('wx-image.main--l-tabbar__icon').length)).toEqual([1, 1, 1])
  const on = () => items().filter((i) => i.classList.contains('main--l-tabbar__item--on'))

  // the me page is shown: its tab is the selected one, its icon the selected icon
  const me = mount('pages/me/index')
  await waitFor(() => on().length === 1 && textOf(on()[0]!) === '我的', 'the me tab to be marked')
  me.detach()
})

test('the labels are at least 14 px: 30 design px (15 px on a 375 px phone), times the text size', () => {
  const css = readFileSync(join(DIST, 'custom-tab-bar/index.wxss'), 'utf8')
  const label = /\.l-tabbar__label\s*{[^}]*font-size:\s*calc\((\d+)rpx\s*\*\s*var\(--l-s,\s*1\)\)/.exec(css)
  expect(label).not.toBeNull()
  expect((Number(label![1]) * 375) / 750).toBeGreaterThanOrEqual(14)
})
