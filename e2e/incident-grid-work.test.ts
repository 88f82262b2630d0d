import type { Browser, Page } from 'playwright-core'
import { app, confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tap, tokenFor } from './support/browser'

/**
 * Grid work as the documents describe it (issue #22), in a browser: a grid worker does a round with two visits and
 * files a report from one in one tap; the case goes up to the township, which whistles two departments at once; one
 * hands it back as not theirs, the other reports back; the township rates the department; the county's appraisal
 * table shows it.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function openIncident(page: Page, id: string) {
  await page.goto(`${hostUrl()}/#/packages/incident/pages/detail/index?id=${id}`)
  await see(page, '处理经过').waitFor()
}

it('a round with two visits becomes a report; the township whistles two departments; the county appraises them', async () => {
  const errors: string[] = []
  // ---- the grid worker's round ----
  const worker = await phone(browser)
  worker.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(worker.page, '扎西')
  await worker.page.goto(`${hostUrl()}/#/packages/incident/pages/rounds/index`)
  await see(worker.page, '网格巡查').waitFor()
  await tap(worker.page, '开始巡查')
  await see(worker.page, '走访哪一户').waitFor()
  const zhaxi = await tokenFor('u-zhaxi')
  const mine = await fn(zhaxi, 'incident', 'myRounds', {})
  const round = mine.grids[0].rounds[0]
  const [a, b] = round.households as Array<{ name: string }>
  for (const [h, note] of [
    [a!, '老人身体好，家里安全'],
    [b!, '楼道电线老化裸露，有触电危险'],
  ] as const) {
    await tap(worker.page, new RegExp(`^${escape(h.name)} · `), false)
    await app(worker.page).locator('input').filter({ visible: true }).first().fill(note)
    await tap(worker.page, '记下这户')
    await see(worker.page, note, false).waitFor()
  }
  await see(worker.page, '本次走访（2 户）').waitFor()
  // the second visit is the hazard: one tap (after choosing what it is)
  const choices = app(worker.page).getByText('安全隐患', { exact: true }).filter({ visible: true })
  await choices.last().click()
  await app(worker.page).getByText('一键上报', { exact: true }).filter({ visible: true }).last().click()
  await see(worker.page, '已上报').waitFor()
  await tap(worker.page, '结束巡查')
  await confirmDialog(worker.page, '结束巡查')
  await see(worker.page, /已完成，走访 2 户/).waitFor()
  const after = await fn(zhaxi, 'incident', 'myRounds', {})
  const walked = after.grids[0].rounds[0]
  expect(walked.finishedAt).not.toBeNull()
  expect(walked.visits.map((v: { incidentId: string | null }) => v.incidentId === null)).toEqual([true, false])
  const id: string = walked.visits[1].incidentId
  const filed = await fn(zhaxi, 'incident', 'get', { incidentId: id })
  expect(filed).toMatchObject({ description: '楼道电线老化裸露，有触电危险', categoryLabel: '安全隐患' })
  await worker.context.close()

  // the grid and the village pass it up (covered in the main journey): straight through the API
  await fn(zhaxi, 'incident', 'escalate', { incidentId: id, note: '需要村里协调' })
  await fn(await tokenFor('u-lixiuying'), 'incident', 'escalate', { incidentId: id, note: '请镇综治中心协调' })

  // ---- 街道吹哨：the township whistles two departments at once ----
  const centre = await phone(browser)
  centre.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(centre.page, '周敏')
  await openIncident(centre.page, id)
  await app(centre.page).locator('input').filter({ visible: true }).first().fill('危房电线，两个部门一起处理')
  await tap(centre.page, '甘孜县住房和城乡建设局')
  await tap(centre.page, '甘孜县公安局甘孜镇派出所')
  await tap(centre.page, '吹哨派单（2 个部门）')
  await confirmDialog(centre.page, '定责派单')
  await see(centre.page, '部门任务（街道吹哨、部门报到）').waitFor()
  await centre.context.close()

  // ---- the police station: not ours ----
  const police = await phone(browser)
  await loginAs(police.page, '拉姆')
  await openIncident(police.page, id)
  await app(police.page).locator('input').filter({ visible: true }).first().fill('是电线问题，不属派出所')
  await tap(police.page, '不属本部门，退回')
  await confirmDialog(police.page, '不属本部门，退回')
  await see(police.page, /已退回/).waitFor()
  await police.context.close()

  // ---- the housing bureau reports back ----
  const housing = await phone(browser)
  await loginAs(housing.page, '刘洋')
  await openIncident(housing.page, id)
  await app(housing.page).locator('input').filter({ visible: true }).first().fill('已更换楼道电线')
  await tap(housing.page, '反馈处置结果')
  await see(housing.page, '部门已反馈').waitFor()
  await housing.context.close()

  // ---- 一哨一考核: the township rates the department ----
  const rating = await phone(browser)
  await loginAs(rating.page, '周敏')
  await openIncident(rating.page, id)
  await tap(rating.page, '4 分')
  await tap(rating.page, '评价部门 · 甘孜县住房和城乡建设局')
  await see(rating.page, /评分 4/).waitFor()
  await rating.context.close()
  const v = await fn(await tokenFor('u-zhoumin'), 'incident', 'get', { incidentId: id })
  expect(v.status).toBe('reported_back')
  expect(v.tasks.map((t: { status: string; score: number | null }) => [t.status, t.score])).toEqual([
    ['reported_back', 4],
    ['returned', null],
  ])

  // ---- the county's appraisal table shows it ----
  const county = await phone(browser)
  county.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(county.page, '罗布')
  await county.page.goto(`${hostUrl()}/#/packages/incident/pages/appraisal/index`)
  await see(county.page, /住房和城乡建设局/, false).waitFor()
  await see(county.page, /派出所/, false).waitFor()
  const table = await fn(await tokenFor('u-luobu'), 'incident', 'getAppraisal', {
    countyId: '513328',
    quarter: v.code.slice(2, 6) + '-Q' + String(Math.ceil(Number(v.code.slice(6, 8)) / 3)),
  })
  const zj = table.rows.find((r: { department: { id: string } }) => r.department.id === '513328-D-ZJ')
  expect(zj.cases).toBeGreaterThanOrEqual(1)
  expect(zj.rated).toBeGreaterThanOrEqual(1)
  const [req] = await Promise.all([
    county.context.waitForEvent('request', (r) => r.url().includes('/api/files/')),
    tap(county.page, '导出 Excel 考核表'),
  ])
  const file = await fetch(req.url())
  expect(file.status).toBe(200)
  expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  await county.context.close()
  expect(errors).toEqual([])
})
