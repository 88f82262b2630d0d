import type { Browser, Page } from 'playwright-core'
import { SHIFTS } from '../miniprogram/packages/patrol/patrol.strings'
import { app, hostUrl, launch, loginAs, phone } from './support/browser'

/**
 * Going back at once: a person who opens a page and taps 返回 straight away is back on the page they came from, on
 * screen, never a blank screen (Taro's slide once hid it again after it was shown: app.config.ts). A back pressed
 * before the next page has even appeared (its code still loading) is Taro's router's own race, not tried here.
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

it.each([40, 100, 400])('back %i ms after opening a page: the page before is on screen', async (wait) => {
  const v = await phone(browser)
  await loginAs(v.page, '多吉')
  await v.page.goto(`${hostUrl()}/#/packages/patrol/pages/shifts/index`)
  const tool = app(v.page).getByText(SHIFTS.tool_manage.zh, { exact: true })
  await tool.waitFor()
  expect(await pages(v.page)).toEqual([true])
  await tool.click()
  if (wait) await v.page.waitForTimeout(wait)
  await v.page.goBack()
  // the shifts page again, the only page kept, and it shows (state, not speed: it stays so)
  await tool.waitFor()
  await v.page.waitForTimeout(1000)
  expect(await pages(v.page)).toEqual([true])
  expect(await tool.isVisible()).toBe(true)
  await v.context.close()
})
