import { parseConsoleLoginQr } from '@shared/account/console-login'
import type { Browser } from 'playwright-core'
import { readQrDataUrl } from '../tests/support/qr'
import { app, confirmDialog, hostUrl, launch, loginAs, phone, see, tab, tap } from './support/browser'

/**
 * 扫码登录 (issue #18 item 5): a dispatcher at a PC opens the console, which shows a one-time QR; on the phone,
 * already signed in, she scans it, sees which browser asks and confirms; the PC is then signed in as her. Signing
 * out everywhere from the phone ends the PC's session. The "phone" is a signed-in official in H5, standing in for
 * the mini-program's scan page (the same page).
 */
const PC_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

it('a dispatcher signs the PC in by scanning, and signs it out from the phone', async () => {
  const pc = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    userAgent: PC_UA,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  await pc.addInitScript(() => localStorage.setItem('linli.lang', JSON.stringify({ data: 'zh' })))
  const desk = await pc.newPage()
  desk.setDefaultTimeout(20_000)
  await desk.goto(`${hostUrl()}/#/pages/login/index`)
  await see(desk, '扫码登录工作台').waitFor()
  const qr = app(desk).locator('[data-testid="console-qr"] img, img[data-testid="console-qr"]').first()
  await qr.waitFor()
  const scanned = readQrDataUrl((await qr.getAttribute('src')) ?? '')
  const ticketId = parseConsoleLoginQr(scanned ?? '')
  expect(ticketId).toBeTruthy()

  // the phone: 周敏 is signed in there; she scans the code and sees the PC's browser
  const hand = await phone(browser)
  await loginAs(hand.page, '周敏')
  await hand.page.goto(`${hostUrl()}/#/packages/account/pages/console-login/index?ticket=${ticketId}`)
  await see(hand.page, 'Chrome 120 · Windows').waitFor()
  await tap(hand.page, '确认登录')
  await see(hand.page, '已确认，电脑上马上就能用了').waitFor()

  // the PC is in, as her
  await app(desk).getByText('您好，周敏').waitFor()

  // the same QR does not sign a second browser in: the page asked for it once and it is used
  await hand.page.goto(`${hostUrl()}/#/packages/account/pages/console-login/index?ticket=${ticketId}`)
  await see(hand.page, '这个二维码已经用过了').waitFor()

  // from the phone: sign out on every computer; the PC's next call finds its session ended
  await hand.page.goto(`${hostUrl()}/#/pages/home/index`)
  await tab(hand.page, '我的')
  await tap(hand.page, '扫码登录电脑')
  await tap(hand.page, '在所有电脑上退出')
  await confirmDialog(hand.page, '确定')
  await see(hand.page, '扫码登录工作台').waitFor()
  await desk.reload()
  await see(desk, '扫码登录工作台').waitFor()

  await hand.context.close()
  await pc.close()
})
