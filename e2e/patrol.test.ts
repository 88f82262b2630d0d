import type { Browser, BrowserContext, Page } from 'playwright-core'
import { gcj02ToWgs84 } from '@shared/geo/gcj02'
import { bj } from '@shared/time/beijing'
import { app, fn, hostUrl, launch, loginAs, phone, tokenFor } from './support/browser'

/**
 * Patrol journeys in Chromium with an emulated GPS. The host runs on the real clock, so the captain
 * creates a shift whose window contains "now" (Beijing time).
 */
const VILLAGE = '513328100001'
// unique per run: the e2e host's database may outlive one run
const RUN = Date.now().toString(36).slice(-4)
const ROUTE = `大院线${RUN}`
const DRILL = `演练巡${RUN}`
const OFFLINE = `离线巡${RUN}`
// a compound patrol: checkpoints a few metres apart, so check-ins seconds apart are still a walk
const BASE = { lat: 31.6262, lng: 99.9912 }
const SPOTS = [
  { name: '大院正门', lat: BASE.lat, lng: BASE.lng },
  { name: '车棚', lat: BASE.lat + 0.00002, lng: BASE.lng },
  { name: '后门', lat: BASE.lat + 0.00004, lng: BASE.lng },
]

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

const field = (page: Page, label: string) =>
  app(page)
    .locator('.l-field', { has: page.locator('.l-field__label', { hasText: label }) })
    .locator('input')

async function at(context: BrowserContext, p: { lat: number; lng: number }, accuracy = 8): Promise<void> {
  const w = gcj02ToWgs84(p.lat, p.lng)
  await context.setGeolocation({ latitude: w.lat, longitude: w.lng, accuracy })
}

function shiftStart(): string {
  return bj(Date.now() - 30 * 60_000).format('HH:mm')
}

async function codes(
  captain: string,
  routeName: string,
): Promise<Array<{ name: string; code: string; lat: number; lng: number }>> {
  const setup = await fn(captain, 'patrol', 'getSetup', { villageId: VILLAGE })
  const route = setup.routes.find((r: { name: string }) => r.name === routeName)
  const out = []
  for (const c of route.checkpoints) {
    const poster = await fn(captain, 'patrol', 'getPoster', { checkpointId: c.id })
    out.push({
      name: c.name as string,
      code: poster.code as string,
      lat: c.location.lat as number,
      lng: c.location.lng as number,
    })
  }
  return out
}

async function volunteerStarts(shiftName: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const v = await phone(browser, { geolocation: { latitude: 0, longitude: 0 }, permissions: ['geolocation'] })
  const errors: string[] = []
  v.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(v.page, '格桑')
  await v.page.goto(`${hostUrl()}/#/packages/patrol/pages/shifts/index`)
  const card = app(v.page).locator('.l-list__item', { hasText: shiftName })
  await card.getByText('开始巡逻').click()
  await app(v.page).getByText('进度').waitFor()
  return { ...v, errors }
}

async function checkIn(page: Page, code: string): Promise<void> {
  // a couple of seconds' walk from the last checkpoint (faster is flagged as not on foot)
  await page.waitForTimeout(1500)
  await field(page, '点位码').fill(code)
  await app(page).getByRole('button', { name: '打卡', exact: true }).click()
}

it('captain sets up a route and prints a poster; volunteer patrols it, one check-in is flagged; captain reviews; hours recorded', async () => {
  // ---- captain: route, checkpoints, shift, poster ----
  const cap = await phone(browser)
  await loginAs(cap.page, '多吉')
  await cap.page.goto(`${hostUrl()}/#/packages/patrol/pages/manage/index`)
  await app(cap.page).getByText('旭日岭红袖套巡逻队').first().waitFor()
  await field(cap.page, '新路线名称').fill(ROUTE)
  await app(cap.page).getByText('新建路线', { exact: true }).click()
  await app(cap.page).getByText(ROUTE).first().waitFor()
  for (const s of SPOTS) {
    await field(cap.page, '点位名称').fill(s.name)
    await field(cap.page, '纬度').fill(String(s.lat))
    await field(cap.page, '经度').fill(String(s.lng))
    await app(cap.page).getByText('添加点位', { exact: true }).last().click()
    await app(cap.page)
      .locator('.l-list__item', { hasText: ROUTE })
      .locator('.l-row__title', { hasText: s.name })
      .waitFor()
  }
  // the shift form offers the route just made, and the village's team
  await field(cap.page, '班次名称').fill(DRILL)
  await field(cap.page, '开始时间').fill(shiftStart())
  await field(cap.page, '时长').fill('180')
  await app(cap.page).getByText('添加班次', { exact: true }).click()
  await app(cap.page).locator('.l-row__title', { hasText: DRILL }).waitFor()
  // poster of the first checkpoint
  await app(cap.page).locator('.l-list__item', { hasText: ROUTE }).locator('.l-row', { hasText: '大院正门' }).click()
  await app(cap.page).locator('.patrol-poster__name', { hasText: '大院正门' }).waitFor()
  await app(cap.page).getByText(`巡逻路线：${ROUTE}`).waitFor()
  const printed = (await app(cap.page).locator('.patrol-code').innerText()).trim()
  expect(printed).toMatch(/^p1-[0-9A-Za-z]{10}-[0-9A-Za-z]{12}$/)
  const src = await app(cap.page).locator('.patrol-qr img, img.patrol-qr').first().getAttribute('src')
  expect(src).toMatch(/^data:image\/png;base64,/)

  const captainToken = await tokenFor('u-duoji')
  const spots = await codes(captainToken, ROUTE)
  expect(spots[0]!.code).toBe(printed)
  const shift = (await fn(captainToken, 'patrol', 'getSetup', { villageId: VILLAGE })).shifts.find(
    (s: { name: string }) => s.name === DRILL,
  )
  expect(shift.routeName).toBe(ROUTE)

  // ---- volunteer: start, check in at every checkpoint (the last one from 150 m away), finish ----
  const v = await volunteerStarts(DRILL)
  await app(v.page).getByText('0/3').waitFor()
  for (const [i, s] of spots.entries()) {
    const last = i === spots.length - 1
    await at(v.context, last ? { lat: s.lat + 0.00135, lng: s.lng } : s)
    await checkIn(v.page, s.code)
    await app(v.page)
      .getByText(`${i + 1}/3`, { exact: true })
      .waitFor()
    if (!last) expect(await app(v.page).locator('.patrol-last').innerText()).toContain(`${s.name} 打卡成功`)
  }
  await app(v.page).locator('.patrol-last', { hasText: '需队长审核' }).waitFor()
  await app(v.page).getByText('不在点位范围内').first().waitFor()
  // a hazard on the way becomes a grid report
  await field(v.page, '看到了什么').fill('后门路灯不亮，夜里看不清台阶')
  await app(v.page).getByText('上报隐患', { exact: true }).click()
  await app(v.page).getByText('（已转为网格事件）', { exact: false }).waitFor()
  await app(v.page).getByText('结束巡逻', { exact: true }).click()
  await v.page.getByText('所有点位都已打卡。结束后记下巡逻时长。').waitFor()
  await v.page.getByText('结束巡逻', { exact: true }).last().click()
  await app(v.page).getByText('已记入志愿服务时长', { exact: false }).waitFor()
  expect(v.errors).toEqual([])
  await v.context.close()

  // ---- captain reviews the flagged check-in ----
  await cap.page.goto(`${hostUrl()}/#/packages/patrol/pages/review/index`)
  // a review card (the set-up page stays underneath in the page stack)
  const item = app(cap.page)
    .locator('.l-card', { hasText: ROUTE })
    .filter({ hasText: '定位精度' })
    .filter({ hasText: spots[2]!.name })
  await item.getByText('不在点位范围内').waitFor()
  await item.getByText(/手机位置/).waitFor()
  await item.locator('input').fill('后门外修路，绕行打卡，队长确认')
  await item.getByText('通过', { exact: true }).click()
  await item.waitFor({ state: 'detached' })
  await cap.context.close()

  // ---- the record: finished, every checkpoint counted, hours recorded for the volunteer ----
  const mine = await fn(await tokenFor('u-gesang'), 'patrol', 'myShifts', {})
  const done = mine.items.find((s: { shift: { name: string } }) => s.shift.name === DRILL)
  expect(done.patrol).toMatchObject({ status: 'finished', done: 3, total: 3 })
  const view = await fn(captainToken, 'patrol', 'getPatrol', { patrolId: done.patrol.id })
  expect(view.checkins.map((c: { status: string }) => c.status)).toEqual(['ok', 'ok', 'accepted'])
  expect(view.minutes).toEqual(expect.any(Number))
  expect(view.hazards).toEqual([
    expect.objectContaining({ text: '后门路灯不亮，夜里看不清台阶', incidentId: expect.any(String) }),
  ])
  const hours = await fn(await tokenFor('u-gesang'), 'volunteer', 'myHours', {})
  expect(
    hours.entries.items.some((e: { note?: string; sourceKey?: string }) => JSON.stringify(e).includes(DRILL)),
  ).toBe(true)
  const month = bj(Date.now()).format('YYYY-MM')
  const figures = await fn(captainToken, 'patrol', 'getFigures', { unitId: VILLAGE, fromMonth: month, toMonth: month })
  expect(figures.total.done).toBeGreaterThanOrEqual(1)
  // the figures page shows the same month, with the village's teams ranked
  const viewer = await phone(browser)
  await loginAs(viewer.page, '多吉')
  await viewer.page.goto(`${hostUrl()}/#/packages/patrol/pages/figures/index`)
  await app(viewer.page).getByText(`${month} 巡逻统计`).waitFor()
  await app(viewer.page).getByText('各巡逻队排名').waitFor()
  await viewer.context.close()
})

it('offline: two check-ins queue on the phone, sync by themselves exactly once when the network returns, and survive closing the app', async () => {
  const captainToken = await tokenFor('u-duoji')
  const setup = await fn(captainToken, 'patrol', 'getSetup', { villageId: VILLAGE })
  const route = setup.routes.find((r: { name: string }) => r.name === ROUTE)
  const [hh, mm] = shiftStart().split(':').map(Number) as [number, number]
  await fn(captainToken, 'patrol', 'saveShift', {
    villageId: VILLAGE,
    name: OFFLINE,
    teamId: setup.teams[0].id,
    routeId: route.id,
    startMinute: hh * 60 + mm,
    durationMinutes: 180,
  })
  const spots = await codes(captainToken, ROUTE)

  const v = await volunteerStarts(OFFLINE)
  const url = v.page.url()
  await v.context.setOffline(true)
  for (const s of spots.slice(0, 2)) {
    await at(v.context, s)
    await checkIn(v.page, s.code)
    await app(v.page).locator('.patrol-last', { hasText: '没有信号' }).waitFor()
  }
  await app(v.page).getByText('2 条打卡等待上传').last().waitFor()
  await app(v.page).getByText('另有 2 个等待上传', { exact: false }).waitFor()

  await v.context.setOffline(false)
  await app(v.page).getByText('打卡都已上传').last().waitFor()
  await app(v.page).getByText('2/3', { exact: true }).waitFor()

  // a third check-in made offline, then the app is closed before any signal returns
  await v.context.setOffline(true)
  await at(v.context, spots[2]!)
  await checkIn(v.page, spots[2]!.code)
  await app(v.page).getByText('1 条打卡等待上传').last().waitFor()
  await v.page.close()
  await v.context.setOffline(false)
  const again = await v.context.newPage()
  await again.goto(url)
  await app(again).getByText('3/3', { exact: true }).waitFor()
  await app(again).getByText('打卡都已上传').last().waitFor()

  const mine = await fn(await tokenFor('u-gesang'), 'patrol', 'myShifts', {})
  const patrol = mine.items.find((s: { shift: { name: string } }) => s.shift.name === OFFLINE).patrol
  const view = await fn(captainToken, 'patrol', 'getPatrol', { patrolId: patrol.id })
  expect(view.checkins).toHaveLength(3)
  expect(new Set(view.checkins.map((c: { checkpointId: string }) => c.checkpointId)).size).toBe(3)
  expect(v.errors).toEqual([])
  await v.context.close()
})
