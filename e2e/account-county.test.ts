import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { api, app, confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tap, tokenFor } from './support/browser'

/** Issue #17: a county sets itself up — its tree, its roster, invites for its grids, and people who verify phones. */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

const HEADER = ['网格编码', '网格', '户号', '户主姓名', '电话', '地址/门牌号', '人口数', '户内成员']
const TOWN = '来马乡'
const VILLAGE = '仁达村'

function field(page: Page, label: string) {
  return app(page).locator('.l-field', { hasText: label }).filter({ visible: true }).first().locator('input')
}

async function sheet(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('住户名册')
  for (const r of [HEADER, ...rows]) ws.addRow(r)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

/** 200 households of 仁达村's two grids; household i's head has phone 1580000xxxx. */
function roster(): Array<Array<string | number>> {
  return Array.from({ length: 200 }, (_, i) => [
    '',
    i % 2 ? '仁达村二组' : '仁达村一组',
    `RD-${i + 1}`,
    `户主${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10) % 10]}${i >= 100 ? '二' : ''}`,
    `1580000${String(i + 1).padStart(4, '0')}`,
    `仁达村 ${i + 1} 号`,
    4,
    '',
  ])
}

async function chooseFile(page: Page, file: Buffer) {
  const chooser = page.waitForEvent('filechooser')
  await tap(page, '选择文件并检查')
  await (await chooser).setFiles({ name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: file })
}

/**
 * A choice of a picker field (the same words may stand on a row's tag); a chosen one reads "✓ <text>". The last
 * one: a page opened from a page with the same field sits above it in the DOM's order.
 */
async function choose(page: Page, text: string) {
  await app(page)
    .locator('.l-choice')
    .filter({ visible: true, hasText: new RegExp(`^(✓ )?${text.replace(/[()（）]/g, '.')}$`) })
    .last()
    .click()
}

async function addUnit(page: Page, level: string, name: string, code?: string) {
  await choose(page, level)
  await field(page, '名称').fill(name)
  if (code) await field(page, '区划代码').fill(code)
  await tap(page, '新建')
  try {
    await see(page, name).waitFor({ timeout: 8000 })
  } catch (err) {
    await page.screenshot({ path: `/tmp/i17-unit-${name}.png`, fullPage: true })
    throw err
  }
}

it('a county admin adds a township and a village with two grids, imports a roster with 5 bad rows, fixes it and re-imports', async () => {
  const { page, context } = await phone(browser)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(page, '洛绒')
  await tap(page, '组织架构')
  await tap(page, '甘孜县')
  await addUnit(page, '乡镇（街道）', TOWN, '513328205')
  await tap(page, TOWN)
  await addUnit(page, '村（社区）', VILLAGE, '513328205201')
  await tap(page, VILLAGE)
  await addUnit(page, '网格', '仁达村一组')
  await addUnit(page, '网格', '仁达村二组')
  await see(page, '0 户 · 0 人').waitFor()

  await tap(page, '导入名册')
  const rows = roster()
  const bad = rows.map((r) => [...r])
  bad[9]![4] = '1580' // row 11: phone
  bad[49]![1] = '仁达村三组' // row 51: no such grid
  bad[99]![3] = '' // row 101: no head
  bad[149]![6] = '很多' // row 151: 人口数
  bad[199]![2] = bad[197]![2]! // row 201: the same household (grid and 户号) as row 199
  await chooseFile(page, await sheet(bad))
  await see(page, '有 5 处问题，改好后重新选择文件')
    .waitFor()
    .catch(async (err: unknown) => {
      await page.screenshot({ path: '/tmp/i17-import.png', fullPage: true })
      throw err
    })
  await see(page, '第 11 行 · 电话').waitFor()
  await see(page, '第 51 行 · 网格').waitFor()
  await see(page, '第 101 行 · 户主姓名').waitFor()
  await see(page, '第 151 行 · 人口数').waitFor()
  await see(page, '第 201 行 · 户号').waitFor()
  await see(page, '和第 199 行是同一户（网格和户号都相同）').waitFor()

  await chooseFile(page, await sheet(rows))
  await see(page, '没有问题，可以导入').waitFor()
  await tap(page, '开始导入')
  await confirmDialog(page, '确定')
  await see(page, '导入完成：新增 200，更新 0，没变 0').waitFor()

  // the same file again changes nothing
  await chooseFile(page, await sheet(rows))
  await tap(page, '开始导入')
  await confirmDialog(page, '确定')
  await see(page, '导入完成：新增 0，更新 0，没变 200').waitFor()

  const admin = await tokenFor('u-luorong')
  const tree = await fn(admin, 'account', 'getOrgTree', { unitId: '513328205201' })
  expect(tree.unit.households).toBe(200)
  expect(tree.children.map((c: { households: number }) => c.households)).toEqual([100, 100])
  const log = await fn(admin, 'account', 'listAudit', { unitId: '513328205', what: 'roster.' })
  expect(log.total).toBe(2)
  expect(errors).toEqual([])
  await context.close()
})

it('the county admin prints a sheet of grid-worker invites for the township: one code and QR per grid', async () => {
  const { page, context } = await phone(browser)
  await loginAs(page, '洛绒')
  await tap(page, '发放邀请码')
  await tap(page, '打印一批邀请码')
  await choose(page, '网格员')
  await tap(page, '甘孜县')
  await tap(page, TOWN)
  await tap(page, `就选「${TOWN}」`)
  const download = page.waitForEvent('download')
  await tap(page, '生成并下载')
  await confirmDialog(page, '确定')
  const file = await download
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile((await file.path())!)
  const ws = wb.worksheets[0]!
  expect(ws.getImages()).toHaveLength(2)
  expect(ws.getRow(2).getCell(1).text).toContain(VILLAGE)
  expect(ws.getRow(2).getCell(3).text).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  await context.close()
})

/** A first-time WeChat user, by an OPENID (the local host's stand-in for WeChat), on a phone. */
async function newcomer(openid: string) {
  const { json } = await api<{ data: { token: string } }>('/api/dev/login', { openid })
  const p = await phone(browser)
  await p.context.addInitScript((token) => {
    try {
      localStorage.setItem('linli.token', JSON.stringify({ data: token }))
    } catch {
      /* nothing to preset here */
    }
  }, json.data.token)
  return { ...p, token: json.data.token }
}

it('a new user verifies a phone that is in the roster and sees her household and its points', async () => {
  const { page, context, token } = await newcomer('o-e2e-roster-head')
  await page.goto(`${hostUrl()}/#/pages/me/index`)
  await see(page, '微信用户').waitFor()
  await tap(page, '去填写')
  await field(page, '手机号').fill('15800000007')
  await tap(page, '验证手机号')
  await see(page, '名册上有您，已加入您家').waitFor()
  const me = await fn(token, 'account', 'getMe')
  expect(me.user.name).toBe('户主庚子')
  expect(me.household).toMatchObject({ address: '仁达村 7 号', head: true })
  await page.goto(`${hostUrl()}/#/packages/points/pages/mine/index`)
  await see(page, /户主庚子/, false).waitFor()
  await context.close()
})

it('a user whose phone is not in the roster asks to join a household, and the grid worker approves', async () => {
  const { page, context, token } = await newcomer('o-e2e-not-in-roster')
  await page.goto(`${hostUrl()}/#/packages/account/pages/identity/index`)
  await field(page, '真实姓名').fill('白玛')
  await tap(page, '保存姓名')
  await field(page, '手机号').fill('13712345678')
  await tap(page, '验证手机号')
  await see(page, '名册上没有这个号码。请去"我家住在哪"申请加入自家。').waitFor()
  await tap(page, '去申请加入自家')
  await tap(page, '甘孜藏族自治州')
  await tap(page, '甘孜县')
  await tap(page, '甘孜镇')
  await tap(page, '旭日岭社区')
  await tap(page, '旭日岭社区第一网格')
  await tap(page, '确认保存')
  await tap(page, '户主 王*明')
  await tap(page, '提交申请')
  await see(page, '申请已提交').waitFor()
  await context.close()

  const worker = await phone(browser)
  await loginAs(worker.page, '扎西')
  await tap(worker.page, /待审核的入户申请 \d+ 条/, false)
  await see(worker.page, /白玛 137\*{4}5678 申请加入/, false).waitFor()
  await tap(worker.page, '同意')
  await confirmDialog(worker.page, '同意')
  await see(worker.page, '没有待审核的入户申请').waitFor()
  await worker.context.close()
  const me = await fn(token, 'account', 'getMe')
  expect(me.household?.id).toBe('hh-513328100001-G01-03')
})
