import type { Browser, Page, Route } from 'playwright-core'
import { SHIFTS } from '../miniprogram/packages/patrol/patrol.strings'
import { hostUrl, launch, loginAs, phone } from './support/browser'

/**
 * Going back at once: a person who opens a page and taps 返回 straight away is back on the page they came from, on
 * screen, never a blank screen. Two ways it once went blank: Taro's slide hid the page again after it was shown
 * (app.config.ts: no slide on H5), and a back pressed while the next page's code was still loading let that late
 * page cover the one gone back to (Taro's router locked per path: patches/@tarojs+router+*.patch, one lock).
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

/** The pages the router keeps, and which of them show. */
const pages = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page')).map(
      (e) => getComputedStyle(e).display !== 'none',
    ),
  )

async function onShifts(browser: Browser) {
  // no service worker: the page's own requests are the ones held below
  const v = await phone(browser, { serviceWorkers: 'block' })
  await loginAs(v.page, '多吉')
  // opened afresh, so the shifts page is the only page (home shows the same row: only this page's counts)
  await v.page.goto(`${hostUrl()}/#/packages/patrol/pages/shifts/index`)
  await v.page.reload()
  const tool = v.page
    .locator('.taro_page[id^="/packages/patrol/pages/shifts/"]')
    .getByText(SHIFTS.tool_manage.zh, { exact: true })
  await tool.waitFor()
  expect(await pages(v.page)).toEqual([true])
  return { ...v, tool }
}

/** Back on the shifts page, the only page kept, and it shows — and stays so (state, not speed). */
async function expectBackOnShifts(v: Awaited<ReturnType<typeof onShifts>>) {
  await v.tool.waitFor()
  await v.page.waitForTimeout(1000)
  expect(await pages(v.page)).toEqual([true])
  expect(await v.tool.isVisible()).toBe(true)
}

it.each([0, 100, 400])('back %i ms after the next page appeared: the page before is on screen', async (wait) => {
  const v = await onShifts(browser)
  await v.tool.click()
  // the next page is there (two pages kept, the new one showing)
  await v.page.waitForFunction(() => document.querySelectorAll('.taro_router > .taro_page').length === 2)
  if (wait) await v.page.waitForTimeout(wait)
  await v.page.goBack()
  await expectBackOnShifts(v)
  await v.context.close()
})

it('back while the next page is still loading: the page before is on screen, the late page never covers it', async () => {
  const v = await onShifts(browser)
  // hold the next page's code until the back is done (a slow network, made certain)
  const held: Route[] = []
  let release: () => void = () => undefined
  const released = new Promise<void>((r) => (release = r))
  let holding: () => void = () => undefined
  const heldOne = new Promise<void>((r) => (holding = r))
  await v.page.route(/\.js(\?|$)/, async (route) => {
    held.push(route)
    holding()
    await released
    await route.continue()
  })
  await v.tool.click()
  await Promise.race([
    heldOne,
    v.page.waitForTimeout(15_000).then(() => Promise.reject(new Error('no page code was requested'))),
  ])
  expect(held.length).toBeGreaterThan(0)
  await v.page.goBack()
  await v.page.waitForTimeout(300)
  release()
  await expectBackOnShifts(v)
  await v.context.close()
})
