import type { Browser, Page } from 'playwright-core'
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
 * The heart of the product in a browser: a resident reports with a photo → the grid worker blows the
 * whistle → the village passes it up → the dispatcher assigns a department with a deadline → the
 * department reports back → the dispatcher closes → the resident rates; then the ledger is exported.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

/** A real photo drawn by the browser, with an EXIF segment carrying a fake GPS position spliced in. */
async function photoWithGps(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    const g = c.getContext('2d')!
    g.fillStyle = '#6a8'
    g.fillRect(0, 0, 64, 48)
    return c.toDataURL('image/jpeg', 0.8)
  })
  const jpeg = Buffer.from(dataUrl.split(',')[1]!, 'base64')
  const exif = Buffer.from('Exif\0\0GPS:31.62N,99.98E')
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif])
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
}

async function openIncident(page: Page, id: string) {
  await page.goto(`${hostUrl()}/#/packages/incident/pages/detail/index?id=${id}`)
  await see(page, '处理经过').waitFor()
}

const CONFIRMED = new Set(['办结', '定责派单', '依责销号', '退回'])

async function transition(
  who: string,
  id: string,
  note: string,
  button: string,
  before?: (page: Page) => Promise<void>,
) {
  const { page, context } = await phone(browser)
  const said: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') said.push(m.text())
  })
  page.on('response', (r) => {
    if (r.status() >= 400)
      void r.text().then(
        (body) =>
          said.push(
            `${r.status()} ${r.url().replace(/^https?:\/\/[^/]+/, '')} ${r.request().postData()?.slice(0, 120) ?? ''} → ${body.slice(0, 200)}`,
          ),
        () => undefined,
      )
  })
  await loginAs(page, who)
  await openIncident(page, id)
  await before?.(page)
  await app(page).locator('input').filter({ visible: true }).first().fill(note)
  await tap(page, button)
  // the steps that cannot be taken back ask first, in our own dialog
  if (CONFIRMED.has(button)) await confirmDialog(page, button)
  // done when the step's note is on the case's timeline (the button may stay: the centre can still add 协办)
  await app(page)
    .locator('.incident-event')
    .getByText(note)
    .first()
    .waitFor()
    .catch(async (e: Error) => {
      // say what the screen says (an error dialog, a warning in the console) rather than only "still visible"
      const shown = await dialog(page).allInnerTexts()
      throw new Error(
        `${who}: 「${button}」 did not land; dialog: ${shown.join(' / ') || '(none)'}; console: ${said.join(' / ') || '(nothing)'}\n${e.message}`,
      )
    })
  await context.close()
}

it("from a resident's photo to a closed, rated case and a ledger line", async () => {
  const resident = await phone(browser, {
    geolocation: { latitude: 31.6249, longitude: 99.9872 },
    permissions: ['geolocation'],
  })
  const errors: string[] = []
  resident.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(resident.page, '卓玛')
  await tab(resident.page, '上报')
  await see(resident.page, '上报问题').waitFor()
  await tap(resident.page, '环境卫生')
  await app(resident.page)
    .locator('textarea')
    .filter({ visible: true })
    .first()
    .fill('三号楼后面的垃圾站满了，三天没人清运')
  const [chooser] = await Promise.all([resident.page.waitForEvent('filechooser'), tap(resident.page, '拍照 / 选照片')])
  await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(resident.page) })
  await see(resident.page, '照片（1/9）').waitFor()
  await tap(resident.page, '获取位置')
  await see(resident.page, /已定位/).waitFor()
  await tap(resident.page, '提交上报')
  await see(resident.page, '处理经过').waitFor()
  await see(resident.page, '待受理').waitFor()
  const id = new URL(resident.page.url().replace('#', '')).searchParams.get('id')!
  expect(id).toMatch(/^inc_/)
  // the stored photo carries no GPS
  const view = await fn(await tokenFor('u-zhuoma'), 'incident', 'get', { incidentId: id })
  const photo = Buffer.from(await (await fetch(`${hostUrl()}${view.photos[0].url}`)).arrayBuffer())
  expect(photo.includes(Buffer.from('GPS:'))).toBe(false)

  // the grid worker hears of it in his messages (within the minute: the host's minute timer finds the grid's
  // holders and tells them, as CloudBase's does) and opens it from there
  const zhaxi = await tokenFor('u-zhaxi')
  for (let waited = 0; ; waited += 1_000) {
    const inbox = await fn(zhaxi, 'incident', 'myInbox', {})
    if (inbox.items.some((m: { title: string; incidentId: string }) => m.incidentId === id)) break
    if (waited > 75_000) throw new Error('the grid worker was not told within the minute')
    await new Promise((r) => setTimeout(r, 1_000))
  }
  const worker = await phone(browser)
  await loginAs(worker.page, '扎西')
  await worker.page.goto(`${hostUrl()}/#/packages/incident/pages/list/index?view=inbox`)
  await tap(worker.page, '新上报待受理')
  await see(worker.page, '处理经过').waitFor()
  await see(worker.page, '三号楼后面的垃圾站满了，三天没人清运').waitFor()
  await worker.context.close()

  await transition('扎西', id, '垃圾站满了，需要村里协调清运车', '上报上级（吹哨）')
  await transition('李秀英', id, '村里没有清运车，请镇综治中心协调', '上报上级（吹哨）')
  await transition('周敏', id, '请住建局三天内清运', '定责派单', async (page) => {
    await tap(page, '甘孜县住房和城乡建设局')
  })
  await transition('刘洋', id, '已派清运车清理完毕', '反馈处置结果', async (page) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '拍照 / 选照片')])
    await chooser.setFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(page) })
    await see(page, '现场照片（可不拍）（1/9）').waitFor()
  })
  await transition('周敏', id, '核实已清理，销号', '依责销号')

  await openIncident(resident.page, id)
  await tap(resident.page, '满意')
  await see(resident.page, '已结案').waitFor()
  const done = await fn(await tokenFor('u-zhuoma'), 'incident', 'get', { incidentId: id })
  expect(done.timeline.map((t: { action: string }) => t.action)).toEqual([
    'report',
    'escalate',
    'escalate',
    'dispatch',
    'feedback',
    'close',
    'rate_ok',
  ])
  expect(done).toMatchObject({ status: 'confirmed', rating: 'satisfied' })
  // the department's photo of the cleared site is on its timeline entry
  expect(done.timeline.find((t: { action: string }) => t.action === 'feedback').photos).toHaveLength(1)
  // the resident heard about every transition
  const inbox = await fn(await tokenFor('u-zhuoma'), 'incident', 'myInbox', {})
  expect(inbox.items.length).toBeGreaterThanOrEqual(6)
  expect(errors).toEqual([])
  await resident.context.close()

  // the dispatcher's ledger: the case is a line of it, reporter masked
  const official = await phone(browser)
  await loginAs(official.page, '周敏')
  await official.page.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  await see(official.page, '本月台账').waitFor()
  await see(official.page, '群众满意办结').waitFor()
  // the figures are pictures: F2 has drawn the trend's columns on a canvas (pixels of the bars' blue), and the
  // figures are written out under each chart as a list a screen reader reads
  const handle = await official.page.waitForFunction(() => {
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('#app .l-chart canvas'))
    for (const c of canvases) {
      if (!c.width || !c.height || c.getBoundingClientRect().width === 0) continue
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let blue = 0
      for (let i = 0; i < px.length; i += 4)
        if (
          px[i + 3]! > 200 &&
          Math.abs(px[i]! - 0x0a) < 24 &&
          Math.abs(px[i + 1]! - 0x5f) < 24 &&
          Math.abs(px[i + 2]! - 0xb4) < 24
        )
          blue++
      if (blue > 0) return blue
    }
    return false
  })
  expect(await handle.jsonValue()).toBeGreaterThan(100)
  const figures = app(official.page).locator('.l-chart__figures[role="list"]').filter({ visible: true }).first()
  expect(await figures.getAttribute('aria-label')).toMatch(/各项数字/)
  expect(await figures.locator('[role="listitem"]').count()).toBeGreaterThan(0)
  const [req] = await Promise.all([
    official.context.waitForEvent('request', (r) => r.url().includes('/api/files/')),
    tap(official.page, '导出 CSV 台账'),
  ])
  const csv = await (await fetch(req.url())).text()
  expect(csv).toContain('编号,上报时间,上报人,网格,类别,描述,处置单位,处置结果,办结时间,满意度')
  expect(csv).toContain(done.code)
  expect(csv).toContain('卓*')
  expect(csv).not.toContain('卓玛')
  expect(csv).toContain('甘孜县住房和城乡建设局')
  // the case's line ends with its rating and the level that handled it (处置层级)
  expect(csv).toMatch(/,满意,乡镇综治中心\r\n/)
  await official.context.close()
})

it('a county adds a category; a resident whose browser refuses location reports under it with a typed address', async () => {
  const admin = await phone(browser)
  await loginAs(admin.page, '张伟')
  await admin.page.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  await tap(admin.page, '事件类别设置')
  await see(admin.page, /甘孜县的事件类别/).waitFor()
  await tap(admin.page, '添加类别')
  await app(admin.page)
    .getByLabel('第 8 个类别的名称')
    .filter({ visible: true })
    .locator('input')
    .or(app(admin.page).locator('input[aria-label="第 8 个类别的名称"]').filter({ visible: true }))
    .first()
    .fill('草场纠纷')
  await tap(admin.page, '保存')
  await confirmDialog(admin.page, '保存')
  await see(admin.page, /上次修改：张伟/).waitFor()
  const saved = await fn(await tokenFor('u-zhangwei'), 'incident', 'listCategories', { countyId: '513328' })
  expect(saved.categories.map((c: { label: string }) => c.label).at(-1)).toBe('草场纠纷')
  await admin.context.close()

  // the browser refuses to give a position
  const resident = await phone(browser)
  await resident.context.addInitScript(() => {
    navigator.geolocation.getCurrentPosition = (_ok, fail) =>
      fail?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError)
  })
  await loginAs(resident.page, '卓玛')
  await tab(resident.page, '上报')
  await tap(resident.page, '草场纠纷')
  await app(resident.page)
    .locator('textarea')
    .filter({ visible: true })
    .first()
    .fill('两户牧民为草场边界争执，快要动手了')
  const [chooser] = await Promise.all([resident.page.waitForEvent('filechooser'), tap(resident.page, '拍照 / 选照片')])
  await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(resident.page) })
  await see(resident.page, '照片（1/9）').waitFor()
  await tap(resident.page, '获取位置')
  await confirmDialog(resident.page, '知道了')
  await see(resident.page, '没有定位也能上报：请在下面写清地址').waitFor()
  // without an address it says what is missing, and nothing is filed
  await tap(resident.page, '提交上报')
  await dialog(resident.page)
    .getByText(/写清在哪里/)
    .waitFor()
  await confirmDialog(resident.page, '知道了')
  await see(resident.page, '地址（没有定位时必填）').waitFor()
  await app(resident.page)
    .locator('input[placeholder*="老桥"]')
    .filter({ visible: true })
    .first()
    .fill('然乌村 3 组 老桥东头草场')
  await tap(resident.page, '提交上报')
  await see(resident.page, '处理经过').waitFor()
  const id = new URL(resident.page.url().replace('#', '')).searchParams.get('id')!
  const v = await fn(await tokenFor('u-zhaxi'), 'incident', 'get', { incidentId: id })
  expect(v).toMatchObject({ categoryLabel: '草场纠纷', location: null, address: '然乌村 3 组 老桥东头草场' })
  await see(resident.page, '然乌村 3 组 老桥东头草场（未定位，按地址找）').waitFor()
  await resident.context.close()
})

it('a neighbour at a reported problem is offered 我也遇到 in coarse steps, in Tibetan too; the reporter chooses 可以联系我', async () => {
  const here = { geolocation: { latitude: 31.6249, longitude: 99.9872 }, permissions: ['geolocation'] }
  const resident = await phone(browser, here)
  await loginAs(resident.page, '卓玛')
  await tab(resident.page, '上报')
  await tap(resident.page, '设施损坏')
  await app(resident.page).locator('textarea').filter({ visible: true }).first().fill('三号楼门口的路灯坏了好几天')
  const [chooser] = await Promise.all([resident.page.waitForEvent('filechooser'), tap(resident.page, '拍照 / 选照片')])
  await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps(resident.page) })
  await see(resident.page, '照片（1/9）').waitFor()
  await tap(resident.page, '获取位置')
  await see(resident.page, /已定位/).waitFor()
  // anonymous to neighbours, but the grid worker may know who it is
  await app(resident.page)
    .locator('.l-row')
    .filter({ hasText: '对其他居民匿名' })
    .locator('taro-switch-core, input')
    .first()
    .click()
  await tap(resident.page, '可以联系我')
  await tap(resident.page, '提交上报')
  await see(resident.page, '处理经过').waitFor()
  const id = new URL(resident.page.url().replace('#', '')).searchParams.get('id')!
  const handled = await fn(await tokenFor('u-zhaxi'), 'incident', 'get', { incidentId: id })
  expect(handled).toMatchObject({
    anonymous: true,
    contactable: true,
    reporterName: '卓玛',
    reporterPhone: '139****1201',
  })
  await resident.context.close()

  // 王德明 lives in the same grid and stands at the same place: the case is offered, in a coarse step
  const neighbour = await phone(browser, here)
  await loginAs(neighbour.page, '王德明')
  await tab(neighbour.page, '上报')
  await tap(neighbour.page, '设施损坏')
  await tap(neighbour.page, '获取位置')
  await see(neighbour.page, '附近已有人报过').waitFor()
  await see(neighbour.page, /设施损坏 · 约 200 米内/).waitFor()
  expect(
    await app(neighbour.page)
      .getByText(/\d+ 米$/)
      .count(),
  ).toBe(0)

  // the same page in Tibetan
  await neighbour.page.evaluate(() => localStorage.setItem('linli.lang', JSON.stringify({ data: 'bo' })))
  // the language is read when the app starts: start it again on this page
  await neighbour.page.reload()
  await see(neighbour.page, 'དཀའ་ངལ་སྙན་ཞུ།').waitFor()
  // the draft kept the category and the place
  await see(neighbour.page, 'སྒྲིག་ཆས་གཏོར་བ།').waitFor()
  await see(neighbour.page, 'གནས་ཡུལ་ཡང་བསྐྱར་འཚོལ།').waitFor()
  await see(neighbour.page, /སྒྲིག་ཆས་གཏོར་བ། · སྨི་ 200 ཙམ་གྱི་ནང་།/).waitFor()
  await tap(neighbour.page, 'ང་ལའང་ཐུག་བྱུང་།')
  await see(neighbour.page, 'ཐག་གཅོད་ཀྱི་བརྒྱུད་རིམ།').waitFor()
  await see(neighbour.page, /ང་ལའང་ཐུག་བྱུང་། · ལེན་རྒྱུ་སྒུག་བཞིན།/).waitFor()
  const joined = await fn(await tokenFor('u-wangdeming'), 'incident', 'get', { incidentId: id })
  expect(joined).toMatchObject({ joinCount: 1, reporterName: '匿名群众', location: null })
  await neighbour.context.close()

  // 央金 lives in another village: standing on the same spot she is offered nothing
  const far = await fn(await tokenFor('u-yangjin'), 'incident', 'listNearbyOpen', {
    category: 'facility',
    location: handled.location,
  })
  expect(far.items).toEqual([])
})
