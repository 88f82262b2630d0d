import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { app, confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tap, tokenFor } from './support/browser'

/**
 * Issue #22 in a browser, beside the grid-work journey: a county admin sets a deadline for one category × severity
 * and the appraisal weight on the settings page, and finds them saved after a reload; a grid worker records a
 * mediation session on a dispute (kind, body and mediator, parties, the session's note, the outcome) and the village's
 * dispute ledger (矛盾纠纷排查调处台账) has the row, with the parties masked.
 *
 * Shared data: the settings journey changes only 其他 · 重大 (no other journey reports at that severity) and the
 * appraisal weight (no journey reads the weighted score); the dispute is a new report of its own.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

/** The visible field (text input) under its label. */
function field(page: Page, label: string) {
  return app(page)
    .locator('.l-field')
    .filter({ visible: true, has: page.locator('.l-field__label', { hasText: label }) })
    .first()
    .locator('input')
}

/** A choice of the picker field labelled exactly `label` (a chosen one reads "✓ <text>"). */
async function choose(page: Page, label: string, text: string) {
  await app(page)
    .locator('.l-field')
    .filter({ visible: true, has: page.locator('.l-field__label', { hasText: new RegExp(`^${label}$`) }) })
    .first()
    .locator('.l-choice', { hasText: new RegExp(`^(✓ )?${text}$`) })
    .click()
}

/** A small JPEG uploaded as `token`'s photo (drawn in the page, as a phone's camera would hand it over). */
async function photo(page: Page, token: string): Promise<string> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    c.getContext('2d')!.fillRect(0, 0, 64, 48)
    return c.toDataURL('image/jpeg', 0.8)
  })
  const res = await fetch(`${hostUrl()}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: Buffer.from(dataUrl.split(',')[1]!, 'base64'),
  })
  return ((await res.json()) as { data: { fileId: string } }).data.fileId
}

const WEIGHT = '一哨一考核占部门考核的百分比（30–100）'
const ACCEPT = '其他 · 重大 · 受理（小时）'
const RESOLVE = '其他 · 重大 · 办结（天）'

it('a county admin sets a category × severity deadline and the appraisal weight; both are there after a reload', async () => {
  const errors: string[] = []
  const { page, context } = await phone(browser)
  page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(page, '洛绒')
  await page.goto(`${hostUrl()}/#/packages/incident/pages/settings/index`)
  await field(page, ACCEPT).waitFor()
  await field(page, WEIGHT).fill('45')
  await field(page, ACCEPT).fill('6')
  await field(page, RESOLVE).fill('2')
  await tap(page, '保存')
  await confirmDialog(page, '保存')
  await see(page, /上次修改：洛绒/).waitFor()

  await page.reload()
  await field(page, ACCEPT).waitFor()
  await see(page, /上次修改：洛绒/).waitFor()
  expect(await field(page, WEIGHT).inputValue()).toBe('45')
  expect(await field(page, ACCEPT).inputValue()).toBe('6')
  expect(await field(page, RESOLVE).inputValue()).toBe('2')
  const saved = await fn(await tokenFor('u-luorong'), 'incident', 'getSettings', { countyId: '513328' })
  expect(saved.appraisalWeight).toBe(0.45)
  expect(
    saved.deadlines.find(
      (d: { category: string; severity: string }) => d.category === 'other' && d.severity === 'serious',
    ),
  ).toEqual({
    category: 'other',
    severity: 'serious',
    acceptHours: 6,
    resolveDays: 2,
  })
  // the other cells are as they were
  expect(
    saved.deadlines.find(
      (d: { category: string; severity: string }) => d.category === 'sanitation' && d.severity === 'normal',
    ),
  ).toMatchObject({
    acceptHours: 24,
    resolveDays: 7,
  })
  await context.close()
  expect(errors).toEqual([])
})

it('a grid worker records a mediation; the dispute ledger has the row with the parties masked', async () => {
  const errors: string[] = []
  const worker = await phone(browser)
  worker.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(worker.page, '扎西')
  // a resident's new report of a dispute (its own record)
  const resident = await tokenFor('u-zhuoma')
  const filed = await fn(resident, 'incident', 'report', {
    category: 'dispute',
    gridId: '513328100001-G01',
    description: `两户为院墙滴水起争执 ${Date.now().toString(36)}`,
    photos: [await photo(worker.page, resident)],
    address: '旭日岭社区 3 号院',
  })
  await worker.page.goto(`${hostUrl()}/#/packages/incident/pages/detail/index?id=${filed.id}`)
  await see(worker.page, '调解记录').waitFor()
  await choose(worker.page, '纠纷类型', '邻里纠纷')
  await choose(worker.page, '调解组织', '人民调解委员会')
  await field(worker.page, '调解员姓名').fill('泽仁卓玛')
  await field(worker.page, '当事人').fill('格桑拉姆、尼玛次仁')
  await field(worker.page, '这次调解的经过').fill('双方到场，查看院墙，各自说明情况')
  await choose(worker.page, '结果', '调解成功')
  await field(worker.page, '调解协议').fill('滴水改由东侧排出，费用两家平摊')
  await tap(worker.page, '记下这次调解')
  await see(worker.page, /调解成功/, false).waitFor()
  const v = await fn(await tokenFor('u-zhaxi'), 'incident', 'get', { incidentId: filed.id })
  expect(v.status).toBe('resolved')
  expect(v.dispute).toMatchObject({
    kind: 'neighbour',
    outcome: 'success',
    agreement: '滴水改由东侧排出，费用两家平摊',
  })
  expect(v.dispute.parties.map((p: { name: string }) => p.name)).toEqual(['格桑拉姆', '尼玛次仁'])
  expect(v.dispute.mediations[0]).toMatchObject({ body: 'committee', mediatorName: '泽仁卓玛' })
  await worker.context.close()

  // the village exports the month's dispute ledger from its overview
  const official = await phone(browser)
  official.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(official.page, '李秀英')
  await official.page.goto(`${hostUrl()}/#/packages/incident/pages/overview/index`)
  await see(official.page, '导出矛盾纠纷排查调处台账').waitFor()
  const [req] = await Promise.all([
    official.context.waitForEvent('request', (r) => r.url().includes('/api/files/')),
    tap(official.page, '导出矛盾纠纷排查调处台账'),
  ])
  const res = await fetch(req.url())
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await res.arrayBuffer()) as never)
  const ws = wb.worksheets[0]!
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows = [...Array(ws.rowCount - 1).keys()].map((i) =>
    (ws.getRow(i + 2).values as unknown[]).slice(1).map(String),
  )
  const row = rows.find((r) => r[0] === v.code)!
  expect(row).toBeDefined()
  const cell = (header: string) => row[head.indexOf(header)]
  expect(cell('当事人')).toBe('格**姆、尼**仁')
  expect(cell('纠纷类型')).toBe('邻里纠纷')
  expect(cell('调处结果')).toBe('调解成功')
  expect(cell('调解组织')).toBe('人民调解委员会')
  expect(cell('调解员')).toBe('泽**玛')
  expect(row.join(' ')).toContain('滴水改由东侧排出')
  expect(row.join(' ')).not.toContain('格桑拉姆')
  expect(row.join(' ')).not.toContain('尼玛次仁')
  await official.context.close()
  expect(errors).toEqual([])
})
