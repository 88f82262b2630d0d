import type { Browser } from 'playwright-core'
import { confirmDialog, launch, loginAs, phone, see, tab, tap } from './support/browser'

/**
 * Consent before personal information (issue #18 item 1), in a browser: precise location asks its own consent
 * before the browser's prompt; refusing leaves the typed address; agreeing once is kept for this person.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

it('a resident refuses precise location and types the address; agreeing later is remembered', async () => {
  const { context, page } = await phone(
    browser,
    { geolocation: { latitude: 31.6232, longitude: 99.9905 }, permissions: ['geolocation'] },
    { consented: false },
  )
  await loginAs(page, '卓玛')
  await tab(page, '上报')
  await see(page, '上报问题').waitFor()
  await tap(page, '获取位置')
  const dialog = page.locator('[data-testid="privacy-consent"]').filter({ visible: true })
  // first the privacy agreement (once), then precise location on its own
  await dialog.getByText(/用户隐私保护指引/).waitFor()
  await dialog.getByText('同意', { exact: true }).click()
  await dialog.getByText(/精确位置是敏感个人信息/).waitFor()
  await dialog.getByText('不同意', { exact: true }).click()
  await see(page, '地址（没有定位时必填）').waitFor()
  await page
    .locator('.l-dialog')
    .getByText(/手写地址或扫码代替/)
    .filter({ visible: true })
    .waitFor()
  await confirmDialog(page, '知道了')
  expect(await page.locator('[data-testid="privacy-consent"]').filter({ visible: true }).count()).toBe(0)

  // asked again on the next tap (the agreement is not); agreed, the browser's position is taken, and it is kept
  await tap(page, '获取位置')
  await dialog.getByText(/精确位置是敏感个人信息/).waitFor()
  await dialog.getByText('同意', { exact: true }).click()
  await see(page, /^已定位/, false).waitFor()
  await tap(page, '重新定位')
  await see(page, /^已定位/, false).waitFor()
  expect(await page.locator('[data-testid="privacy-consent"]').filter({ visible: true }).count()).toBe(0)
  await context.close()
})

it("a report's first photo waits for the privacy agreement: refused, no picker opens; agreed, it does", async () => {
  const { context, page } = await phone(browser, {}, { consented: false })
  await loginAs(page, '卓玛')
  await tab(page, '上报')
  await see(page, '上报问题').waitFor()
  let pickers = 0
  page.on('filechooser', () => void (pickers += 1))
  const dialog = page.locator('[data-testid="privacy-consent"]').filter({ visible: true })
  await tap(page, '拍照 / 选照片')
  await dialog.getByText(/用户隐私保护指引/).waitFor()
  expect(pickers).toBe(0)
  await dialog.getByText('不同意', { exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  expect(pickers).toBe(0)
  // asked again on the next tap; agreed, the picker opens
  await tap(page, '拍照 / 选照片')
  const [picker] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByText('同意', { exact: true }).click(),
  ])
  expect(picker.isMultiple()).toBe(true)
  expect(pickers).toBe(1)
  await context.close()
})
