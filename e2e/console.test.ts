import type { Browser, Page } from 'playwright-core'
import { bjMonth } from '@shared/time/beijing'
import { TABLE } from '../miniprogram/packages/incident/incident.strings'
import { app, confirmDialog, fn, hostUrl, launch, loginAs, see, tap, tokenFor } from './support/browser'

/**
 * The console on a PC (issue #20 item 6): a dispatcher at 1440×900 works the queue as a table — filters it by
 * category and overdue, sorts it by a column, and dispatches a case from its row, with a confirmation.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

async function desk(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('linli.lang')) localStorage.setItem('linli.lang', JSON.stringify({ data: 'zh' }))
    } catch {
      /* nothing to preset here */
    }
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return { page, close: () => context.close() }
}

/** A resident's report passed up by the grid and the village, so it waits at the township's dispatch centre. */
async function escalatedCase(page: Page, category: string, description: string): Promise<{ id: string; code: string }> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    c.getContext('2d')!.fillRect(0, 0, 64, 48)
    return c.toDataURL('image/jpeg', 0.8)
  })
  const resident = await tokenFor('u-zhuoma')
  const res = await fetch(`${hostUrl()}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${resident}`, 'content-type': 'image/jpeg' },
    body: Buffer.from(dataUrl.split(',')[1]!, 'base64'),
  })
  const file = ((await res.json()) as { data: { fileId: string } }).data
  const r = await fn(resident, 'incident', 'report', {
    category,
    description,
    photos: [file.fileId],
    location: { lat: 31.6249, lng: 99.9872 },
  })
  await fn(await tokenFor('u-zhaxi'), 'incident', 'escalate', { incidentId: r.id, note: '网格解决不了', photos: [] })
  await fn(await tokenFor('u-lixiuying'), 'incident', 'escalate', { incidentId: r.id, note: '请镇里派单', photos: [] })
  return { id: r.id, code: r.code }
}

it('a dispatcher at 1440×900 filters the queue, sorts it and dispatches from the table', async () => {
  const { page, close } = await desk()
  await loginAs(page, '周敏')
  // desktop text: the rem does not grow with the window; nothing only a resident needs
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
  const title = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('.l-page__title')!).fontSize),
  )
  expect(title).toBeLessThanOrEqual(26)
  expect(await see(page, '还没有设置居住地').count()).toBe(0)
  const width = await page.evaluate(() => document.querySelector<HTMLElement>('.l-page')!.getBoundingClientRect().width)
  expect(width).toBeLessThanOrEqual(1100)

  const hazard = await escalatedCase(page, 'hazard', '桥头护栏断了一截，孩子放学经过很危险')
  const litter = await escalatedCase(page, 'sanitation', '河边有人倒建筑垃圾，堵了水沟')
  await page.goto(`${hostUrl()}/#/packages/incident/pages/list/index?view=todo`)
  const table = app(page).locator('.incident-table').filter({ visible: true })
  const row = (code: string) => table.locator('.incident-table__tr').filter({ hasText: code })
  await row(hazard.code).first().waitFor()
  await row(litter.code).first().waitFor()

  // filter by category: only the hazard stays
  const filter = (label: string) =>
    app(page).locator('.incident-filter').filter({ visible: true }).filter({ hasText: label })
  await filter(TABLE.category.zh).getByText('安全隐患', { exact: true }).click()
  await row(litter.code).first().waitFor({ state: 'detached' })
  expect(await row(hazard.code).count()).toBe(1)
  const cats = await table
    .locator('.incident-table__tr:not(.incident-table__tr--head) > .incident-table__td:nth-child(2)')
    .allInnerTexts()
  expect(new Set(cats)).toEqual(new Set(['安全隐患']))
  // only overdue: neither new case is
  await tap(page, TABLE.overdue_only.zh)
  expect(await row(hazard.code).count()).toBe(0)
  await tap(page, TABLE.overdue_only.zh)
  await filter(TABLE.category.zh).getByText(TABLE.all.zh, { exact: true }).click()
  await row(litter.code).first().waitFor()

  // sorted by 上报时间, newest first; a tap on the header turns it round
  const codes = () =>
    table.locator('.incident-table__tr:not(.incident-table__tr--head) > .incident-table__code').allInnerTexts()
  const first = await codes()
  expect(first.indexOf(litter.code)).toBeLessThan(first.indexOf(hazard.code))
  await table.locator('.incident-table__th', { hasText: TABLE.reported_at.zh }).click()
  await table.locator('.incident-table__th', { hasText: `${TABLE.reported_at.zh} ▲` }).waitFor()
  const turned = await codes()
  expect(turned.indexOf(litter.code)).toBeGreaterThan(turned.indexOf(hazard.code))

  // dispatch from the row: department, days, and a confirmation naming both
  await row(hazard.code).getByText(TABLE.dispatch.zh, { exact: true }).click()
  const form = table.locator('.incident-table__form')
  await form.getByText('甘孜县住房和城乡建设局', { exact: true }).click()
  await form.locator('input').fill('5')
  await form.locator('.l-btn', { hasText: TABLE.dispatch.zh }).click()
  await page
    .locator('.l-dialog')
    .getByText(new RegExp(`把 ${hazard.code} 派给甘孜县住房和城乡建设局，5天内办完`))
    .waitFor()
  await confirmDialog(page, TABLE.dispatch.zh)
  await row(hazard.code).first().waitFor({ state: 'detached' })
  const v = await fn(await tokenFor('u-zhoumin'), 'incident', 'get', { incidentId: hazard.id })
  expect(v.status).toBe('dispatched')
  expect(v.department.name).toBe('甘孜县住房和城乡建设局')
  expect(await row(litter.code).count()).toBe(1)
  await close()
})

it("the dispatcher's overview draws the six-month trend and the ranking from the figures", async () => {
  const { page, close } = await desk()
  await loginAs(page, '周敏')
  await page.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  const charts = app(page).locator('.l-chart').filter({ visible: true })
  const found = charts.filter({ has: page.locator('.l-chart__title', { hasText: /^排查量$/ }) })
  // the trend (按时办结率 is only there) and the ranking are both on screen
  await charts
    .filter({ has: page.locator('.l-chart__title', { hasText: /^按时办结率$/ }) })
    .locator('.l-chart__figures')
    .first()
    .waitFor()
  await found.nth(1).locator('.l-chart__figures').waitFor()
  // three trends of six months each, each drawn on a canvas with its figures listed under it
  for (const title of [/^排查量$/, /^化解率$/, /^按时办结率$/]) {
    const trend = charts.filter({ has: page.locator('.l-chart__title', { hasText: title }) }).first()
    expect(await trend.locator('.l-chart__figure').count()).toBe(6)
    expect(await trend.locator('canvas').count()).toBe(1)
  }
  const month = bjMonth(Date.now())
  const f = await fn<{
    figures: { found: number }
    children: Array<{ unit: { name: string }; figures: { found: number } }>
  }>(await tokenFor('u-zhoumin'), 'incident', 'getFigures', { unitId: '513328100', period: month })
  // this month is the last column, and says what the figures say
  const last = found.first().locator('.l-chart__figure').last()
  expect(await last.locator('.l-chart__figure-text').innerText()).toBe(String(f.figures.found))
  expect(await last.locator('.l-chart__figure-label').innerText()).toBe(`${Number(month.slice(5))}月`)
  // the ranking: one bar per child unit, the most found first
  const ranked = f.children
    .map((c, i) => ({ name: c.unit.name, found: c.figures.found, i }))
    .sort((x, y) => y.found - x.found || x.i - y.i)
    .map((c) => c.name)
  expect(await found.nth(1).locator('.l-chart__figure-label').allInnerTexts()).toEqual(ranked)
  await close()
})
