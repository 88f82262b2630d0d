/**
 * Renders pages of the real dist/weapp build with WeChat's WXML compiler (wcc, via miniprogram-simulate)
 * and checks what a person would see. Needs `npm run build:weapp` first.
 */
import { join } from 'node:path'
import type * as Simulate from 'miniprogram-simulate'
import { DIST, assertBuilt, installWeappEnv, textOf, waitFor } from './support/weapp-env'
import { DEFAULT_CATEGORIES, SEVERITIES, SEVERITY_LABELS } from '@shared/incident/incident.schema'

assertBuilt()

const ME = {
  user: {
    id: 'u_demo_resident',
    name: '卓玛',
    phoneMasked: '138****5678',
    householdId: 'hh_001',
    residence: { id: 'grid_01', name: '一组', level: 'grid', fullName: '甘孜县 › 呷拉乡 › 旭日岭村 › 一组' },
  },
  roles: [
    {
      role: 'resident',
      roleLabel: '居民',
      unit: { id: 'grid_01', name: '一组', level: 'grid', fullName: '甘孜县 › 呷拉乡 › 旭日岭村 › 一组' },
    },
    {
      role: 'patrol_volunteer',
      roleLabel: '巡逻队员',
      unit: { id: 'v_01', name: '旭日岭村', level: 'village', fullName: '甘孜县 › 呷拉乡 › 旭日岭村' },
    },
  ],
  permissions: ['incident_create', 'checkin_create'],
  isNew: false,
}

const CONFIG = {
  categories: DEFAULT_CATEGORIES,
  severities: SEVERITIES.map((key) => ({ key, label: SEVERITY_LABELS[key] })),
  defaultGrid: ME.user.residence,
}

const calls = installWeappEnv((name, body) => {
  if (name === 'account' && body.action === 'getMe') return { ok: true, data: ME }
  if (name === 'incident' && body.action === 'getConfig') return { ok: true, data: CONFIG }
  return { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '没有这个操作' }
})

// Loaded after the globals above are in place (static imports would run first).
let simulate: typeof Simulate
beforeAll(async () => {
  simulate = await import('miniprogram-simulate')
  // app.js pulls in the runtime, Taro and vendors chunks and calls App(), which mounts the React root.
  await import(join(DIST, 'app.js'))
})

function mountPage(route: string) {
  const id = simulate.load(join(DIST, route), { rootPath: DIST, compiler: 'official' })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

test('me page renders the user, residence and roles returned by the account function', async () => {
  const page = mountPage('pages/me/index')
  await waitFor(() => textOf(page.dom!).includes('卓玛'), 'the me page to show the user')
  const text = textOf(page.dom!)
  expect(text).toContain('手机 138****5678')
  expect(text).toContain('甘孜县 › 呷拉乡 › 旭日岭村 › 一组')
  expect(text).toContain('巡逻队员')
  expect(text).toContain('村（社区）：甘孜县 › 呷拉乡 › 旭日岭村')
  // inside WeChat there is no demo login, so no 退出登录
  expect(text).not.toContain('退出登录')
  expect(calls.callFunction).toContainEqual({ name: 'account', data: { action: 'getMe', data: {}, lang: 'zh' } })
  expect(calls.reLaunch).toEqual([])
})

test('report tab shows the report form with the categories the incident function returns', async () => {
  const page = mountPage('pages/report/index')
  await waitFor(() => textOf(page.dom!).includes('矛盾纠纷'), 'the report form with its categories')
  const text = textOf(page.dom!)
  for (const c of DEFAULT_CATEGORIES) expect(text).toContain(c.label)
  expect(text).toContain('紧急程度')
  expect(text).toContain('拍照 / 选照片')
  expect(calls.callFunction).toContainEqual({ name: 'incident', data: { action: 'getConfig', data: {}, lang: 'zh' } })
})

test('home page lists only the entries my permissions allow', async () => {
  const page = mountPage('pages/home/index')
  await waitFor(() => textOf(page.dom!).includes('您好，卓玛'), 'the home page greeting')
  const text = textOf(page.dom!)
  expect(text).toContain('随手拍上报')
  expect(text).toContain('巡逻打卡')
  expect(text).toContain('使用邀请码')
  expect(text).not.toContain('发放邀请码')
  expect(text).not.toContain('人员名单')
  expect(text).not.toContain('积分评定')
  expect(text).not.toContain('待我处理')
})
