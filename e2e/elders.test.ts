import type { Browser, Page } from 'playwright-core'
import { COMMON } from '@shared/i18n/common.messages'
import { textOf } from '@shared/i18n/i18n'
import { INCIDENT } from '@shared/incident/incident.messages'
import { DETAIL } from '../miniprogram/packages/incident/incident.strings'
import { HOME } from '../miniprogram/pages/home/home.strings'
import { ME } from '../miniprogram/pages/me/me.strings'
import { REPORT } from '../miniprogram/pages/report/report.strings'
import {
  app,
  confirmDialog,
  dialog,
  fn,
  hostUrl,
  launch,
  loginAs,
  phone,
  see,
  tab,
  tap,
  tokenFor,
} from './support/browser'

/**
 * Issue #20 for the people in the documents: Tibetan from report to handling, our own dialogs (whole Tibetan
 * buttons, large dark text, the irreversible button away from the tap), a double tap that cannot resolve a case,
 * and 特大 text through a redemption.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

const bo = (entry: { zh: string; bo: string }, params?: Record<string, string | number>) => textOf(entry, 'bo', params)
const category = (key: string) => INCIDENT[`incident.category.${key}` as 'incident.category.facility']

async function jpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    const g = c.getContext('2d')!
    g.fillStyle = '#86a'
    g.fillRect(0, 0, 64, 48)
    return c.toDataURL('image/jpeg', 0.8)
  })
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

/** WCAG contrast of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const px = (page: Page, selector: string, prop = 'fontSize') =>
  page.evaluate(
    ([sel, p]) => {
      const el = Array.from(document.querySelectorAll<HTMLElement>(sel!)).find((e) => e.offsetParent !== null)
      return el ? parseFloat(getComputedStyle(el)[p as 'fontSize']) : NaN
    },
    [selector, prop],
  )

it('a resident switches to Tibetan and files a report; the grid worker, in Tibetan, accepts it; a double tap does not resolve it', async () => {
  const resident = await phone(browser, {
    geolocation: { latitude: 31.6249, longitude: 99.9872 },
    permissions: ['geolocation'],
  })
  const errors: string[] = []
  resident.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(resident.page, '卓玛')
  await tab(resident.page, '我的')
  await tap(resident.page, ME.language.zh)
  await tap(resident.page, 'བོད་ཡིག')
  await see(resident.page, bo(HOME.greeting, { name: '卓玛' })).waitFor()
  await tab(resident.page, bo(HOME['tab.report']))
  await tap(resident.page, bo(category('facility')))
  await app(resident.page).locator('textarea').filter({ visible: true }).first().fill('ལམ་ཐོག་གི་གློག་སྒྲོན་ཆག་འདུག 路灯坏了')
  const [chooser] = await Promise.all([
    resident.page.waitForEvent('filechooser'),
    tap(resident.page, bo(COMMON['ui.take_or_choose'])),
  ])
  await chooser.setFiles({ name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: await jpeg(resident.page) })
  await app(resident.page).locator('.l-photo').filter({ visible: true }).first().waitFor()
  await tap(resident.page, bo(REPORT.locate))
  await see(resident.page, /གནས་ཡུལ་རྙེད་ཟིན།/, true).waitFor()
  await tap(resident.page, bo(REPORT.submit))
  await see(resident.page, bo(DETAIL.history)).waitFor()
  const id = new URL(resident.page.url().replace('#', '')).searchParams.get('id')!
  expect(id).toMatch(/^inc_/)
  expect(errors).toEqual([])
  await resident.context.close()

  // 扎西 reads the app in Tibetan
  const worker = await phone(browser, {}, { lang: 'bo' })
  const page = worker.page
  await page.goto(`${hostUrl()}/#/pages/login/index`)
  await app(page).getByText('扎西', { exact: true }).first().click()
  await see(page, bo(HOME.greeting, { name: '扎西' })).waitFor()
  await page.goto(`${hostUrl()}/#/packages/incident/pages/detail/index?id=${id}`)
  await see(page, bo(DETAIL.history)).waitFor()
  await see(page, 'ལམ་ཐོག་གི་གློག་སྒྲོན་ཆག་འདུག 路灯坏了').waitFor()
  // the place by its grid and a map link, not bare coordinates
  await see(page, bo(DETAIL.open_map)).waitFor()
  expect(await see(page, /31\.62/, true).count()).toBe(0)

  // the double tap of a slow link: 受理, and once 办结 has appeared, a second tap on the very same spot
  const accept = see(page, bo(DETAIL.accept))
  await accept.scrollIntoViewIfNeeded()
  const box = (await accept.boundingBox())!
  const spot = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/fn/incident') && r.request().postData()!.includes('"accept"')),
    page.mouse.click(spot.x, spot.y),
  ])
  const resolve = see(page, bo(DETAIL.resolve))
  await resolve.waitFor()
  const under = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.l-btn')?.textContent ?? null,
    spot,
  )
  expect(under).not.toBe(bo(DETAIL.resolve))
  await page.mouse.click(spot.x, spot.y)
  // a frame later nothing has opened, and the toast of 受理 has gone
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  expect(await dialog(page).count()).toBe(0)
  // (Taro's toast lets touches through to the page, but Playwright waits for it: let it go first)
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every(
      (e) => e.offsetParent === null || getComputedStyle(e).opacity === '0',
    ),
  )
  const accepted = await fn(await tokenFor('u-zhaxi'), 'incident', 'get', { incidentId: id })
  expect(accepted.status).toBe('accepted')

  // 办结 asks first, in our dialog: the whole Tibetan words, large dark text, confirm away from the tap
  const rbox = (await resolve.boundingBox())!
  await resolve.click()
  const d = dialog(page)
  await d.getByText(bo(DETAIL.resolve_title), { exact: true }).waitFor()
  const ok = d.locator('.l-btn').filter({ hasText: bo(DETAIL.resolve) })
  const cancel = d.locator('.l-btn').filter({ hasText: bo(COMMON['ui.think_again']) })
  expect(await ok.innerText()).toBe(bo(DETAIL.resolve))
  expect(await cancel.innerText()).toBe(bo(COMMON['ui.think_again']))
  expect(await px(page, '.l-dialog__message')).toBeGreaterThanOrEqual(17)
  expect(await px(page, '.l-dialog__title')).toBeGreaterThanOrEqual(17)
  const colours = await page.evaluate(() => {
    const m = document.querySelector<HTMLElement>('.l-dialog__message')!
    const box = document.querySelector<HTMLElement>('.l-dialog__box')!
    return [getComputedStyle(m).color, getComputedStyle(box).backgroundColor]
  })
  expect(contrast(colours[0]!, colours[1]!)).toBeGreaterThanOrEqual(4.5)
  const okBox = (await ok.boundingBox())!
  const tapY = rbox.y + rbox.height / 2
  expect(tapY < okBox.y || tapY > okBox.y + okBox.height).toBe(true)
  await cancel.click()
  await d.waitFor({ state: 'detached' })
  expect((await fn(await tokenFor('u-zhaxi'), 'incident', 'get', { incidentId: id })).status).toBe('accepted')
  await worker.context.close()
})

it('a resident in 特大 text redeems goods: every page grows, nothing runs off the screen, the dialog too', async () => {
  const { page, context } = await phone(browser)
  await loginAs(page, '卓玛')
  const standard = await px(page, '.l-page__title')
  await tab(page, '我的')
  await tap(page, ME['text_size.xlarge'].zh)
  await see(page, ME['text_size.xlarge'].zh).waitFor()
  await page.goto(`${hostUrl()}/#/packages/points/pages/store/index`)
  const goods = app(page).locator('[data-testid="goods"]').filter({ visible: true }).filter({ hasText: '毛巾' }).first()
  await goods.waitFor()
  // kept on the phone: a new page load is still 特大, 1.45 × the standard title
  expect(await px(page, '.l-page__title')).toBeCloseTo(standard * 1.45, 0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  const token = await tokenFor('u-zhuoma')
  const before = (await fn(token, 'points', 'myPoints', {})).balance as number
  await goods.getByText('兑换', { exact: true }).click()
  await dialog(page)
    .getByText(/用 20 分兑换“毛巾”？/)
    .waitFor()
  expect(await px(page, '.l-dialog__message')).toBeGreaterThanOrEqual(17 * 1.45)
  await confirmDialog(page, '确定')
  await page
    .getByText(/兑换成功，取货码 \d{6}/)
    .filter({ visible: true })
    .first()
    .waitFor()
  expect((await fn(token, 'points', 'myPoints', {})).balance).toBe(before - 20)
  // and back to 标准
  await page.goto(`${hostUrl()}/#/pages/me/index`)
  await tap(page, ME['text_size.normal'].zh)
  expect(await px(page, '.l-page__title')).toBeCloseTo(standard, 0)
  await context.close()
})

it('H5 lets people zoom, sizes text by the browser, not the window, and every input takes a tap anywhere on its box', async () => {
  const { page, context } = await phone(browser)
  await loginAs(page, '卓玛')
  const viewport = await page.evaluate(() => document.querySelector('meta[name="viewport"]')!.getAttribute('content'))
  expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale/)
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
  // tab labels of at least 14 px, with icons
  expect(await px(page, '.weui-tabbar__label')).toBeGreaterThanOrEqual(14)
  expect(await page.locator('.weui-tabbar__icon').filter({ visible: true }).count()).toBe(3)
  await tab(page, '上报')
  const box = app(page).locator('.l-field__input').filter({ visible: true }).first()
  const b = (await box.boundingBox())!
  // near the bottom edge of the box, where only the top part used to answer
  await page.mouse.click(b.x + b.width / 2, b.y + b.height - 6)
  expect(await page.evaluate(() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''))).toBe(true)
  // a sub-page has a way back
  await page.goto(`${hostUrl()}/#/packages/incident/pages/list/index?view=mine`)
  await tap(page, `‹ ${COMMON['ui.home'].zh}`)
  await see(page, '您好，卓玛').waitFor()
  await context.close()
})

it('a browser with speech recognition offers 说话输入 for the description, and what is said is added to it', async () => {
  const { page, context } = await phone(browser)
  // headless Chromium has the API but no recognition service: a stand-in answers as the real one does
  await context.addInitScript(() => {
    class FakeRecognition {
      lang = ''
      interimResults = false
      onresult: ((e: unknown) => void) | null = null
      onend: (() => void) | null = null
      onerror: (() => void) | null = null
      start() {
        ;(window as unknown as { __heard?: string }).__heard = this.lang
        setTimeout(() => {
          this.onresult?.({ results: [[{ transcript: '村口的水管漏水了' }]] })
          this.onend?.()
        }, 0)
      }
      stop() {
        this.onend?.()
      }
    }
    const w = window as unknown as { SpeechRecognition: unknown; webkitSpeechRecognition: unknown }
    w.SpeechRecognition = FakeRecognition
    w.webkitSpeechRecognition = FakeRecognition
  })
  await loginAs(page, '卓玛')
  await tab(page, '上报')
  const box = app(page).locator('textarea').filter({ visible: true }).first()
  await box.fill('我看到')
  await tap(page, COMMON['ui.voice'].zh)
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('textarea')).some((t) => t.value === '我看到村口的水管漏水了'),
  )
  expect(await box.inputValue()).toBe('我看到村口的水管漏水了')
  expect(await page.evaluate(() => (window as unknown as { __heard?: string }).__heard)).toBe('zh-CN')
  await context.close()
})

it('without speech recognition there is no 说话输入 button', async () => {
  const { page, context } = await phone(browser)
  await context.addInitScript(() => {
    const w = window as unknown as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown }
    delete w.SpeechRecognition
    delete w.webkitSpeechRecognition
  })
  await loginAs(page, '卓玛')
  await tab(page, '上报')
  await app(page).locator('textarea').filter({ visible: true }).first().waitFor()
  expect(await see(page, COMMON['ui.voice'].zh).count()).toBe(0)
  await context.close()
})
