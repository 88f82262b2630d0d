/**
 * The mini-program's own tab bar for someone who chose Tibetan: its labels are the catalogue's Tibetan
 * (miniprogram/pages/home/home.strings.ts), not app.json's Chinese. Needs `npm run build:weapp` first.
 */
import { join } from 'node:path'
import type * as Simulate from 'miniprogram-simulate'
import { HOME } from '../../miniprogram/pages/home/home.strings'
import { DIST, assertBuilt, installWeappEnv, textOf, waitFor } from './support/weapp-env'

assertBuilt()

installWeappEnv(() => ({ ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '没有这个操作' }), { 'linli.lang': 'bo' })

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

test('the tab bar is labelled in Tibetan', async () => {
  const id = simulate.load(join(DIST, 'custom-tab-bar/index'), { rootPath: DIST, compiler: 'official' })
  const bar = simulate.render(id)
  bar.attach(document.createElement('parent-wrapper'))
  const bo = [HOME['tab.home'].bo, HOME['tab.report'].bo, HOME['tab.me'].bo]
  await waitFor(() => textOf(bar.dom!).includes(bo[2]!), 'the Tibetan labels')
  const items = Array.from(bar.dom!.querySelectorAll('.main--l-tabbar__item'))
  expect(items.map((i) => textOf(i))).toEqual(bo.map((s) => s.trim()))
  expect(textOf(bar.dom!)).not.toContain('首页')
})
