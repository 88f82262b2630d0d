import type { Browser, Page } from 'playwright-core'
import { app, confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tap, tokenFor } from './support/browser'
import { bjDay, formatBj } from '@shared/time/beijing'

/**
 * Volunteer journeys in the H5 build against the real host (real clock): an organisation posts a task,
 * a resident signs up, checks in and out with the organiser's code, the organiser confirms the hours,
 * and the hours and points show on the resident's record; and a resident's need from posting to the
 * village's verification.
 */
jest.setTimeout(300_000)

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

const V = '#/packages/volunteer/pages'

/** Opens a page by URL with a fresh load (a hash change alone does not move Taro's H5 router). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${hostUrl()}/${V}/${path}`)
}

/** The input of the visible field labelled `label`. */
function field(page: Page, label: string) {
  return app(page)
    .locator('.l-field')
    .filter({ visible: true })
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('input')
    .first()
}

/** The visible list item containing `text`. */
function item(page: Page, text: string) {
  return app(page).locator('.l-list__item').filter({ visible: true }).filter({ hasText: text }).first()
}

it('task: post → sign up → check in and out → confirm → hours and points on the record', async () => {
  const title = `清扫 ${Date.now().toString(36)}`
  // start about a minute from now (Beijing wall clock, whole minutes)
  const startAt = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000
  const org = await phone(browser)
  const errors: string[] = []
  org.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(org.page, '赵志强')
  await open(org.page, 'org/index')
  await see(org.page, '旭日岭社区志愿服务队').waitFor()
  await tap(org.page, '发布任务')
  await field(org.page, '标题').fill(title)
  await field(org.page, '内容').fill('清扫广场，自带手套')
  await field(org.page, '地点').fill('社区广场')
  await field(org.page, '日期').fill(bjDay(startAt))
  await field(org.page, '开始时间').fill(formatBj(startAt, 'HH:mm'))
  await field(org.page, '持续几小时').fill('2')
  await field(org.page, '名额').fill('5')
  await field(org.page, '开始前几小时截止报名').fill('0')
  await tap(org.page, '发布')
  // the organiser's page shows this minute's code (it changes every minute), typed here as a volunteer would
  const codeBox = app(org.page).locator('.vt-code').filter({ visible: true })
  await codeBox.waitFor()
  const code = (await codeBox.innerText()).trim()
  expect(code).toMatch(/^[0-9A-Za-z]{4} [0-9A-Za-z]{4}$/)

  const res = await phone(browser)
  res.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(res.page, '卓玛')
  await open(res.page, 'tasks/index')
  await tap(res.page, title)
  await tap(res.page, '我要报名')
  await see(res.page, '已报名').waitFor()
  await field(res.page, '签到码').fill(code)
  await tap(res.page, '扫码签到')
  await see(res.page, '签到时间').waitFor()
  // the task must have started before the organiser can confirm
  while (Date.now() < startAt + 2_000) await res.page.waitForTimeout(1_000)
  // a minute or more has passed: the code checked in with is no longer good; the organiser's page shows the new one
  await org.page.reload()
  await codeBox.waitFor()
  const later = (await codeBox.innerText()).trim()
  await field(res.page, '签到码').fill(later)
  await tap(res.page, '扫码签退')
  await see(res.page, '签退时间').waitFor()

  // the organiser confirms two hours (the clock measured less, so a reason is given)
  await org.page.reload()
  const row = item(org.page, '卓玛')
  await row.waitFor().catch(async (e) => {
    await org.page.screenshot({ path: '.e2e-artifacts/volunteer-signups.png' })
    throw e
  })
  await row.locator('.l-field').filter({ hasText: '确认时长（小时）' }).locator('input').fill('2')
  await row.locator('.l-field').filter({ hasText: '与实测不同的原因' }).locator('input').fill('提前到场布置')
  await row.getByText('确认时长', { exact: true }).click()
  await item(org.page, '卓玛').getByText('2 小时', { exact: true }).waitFor()

  await open(res.page, 'hours/index')
  await see(res.page, '志愿服务记录').waitFor()
  await see(res.page, /^2(\.\d+)? 小时 · 志愿服务任务$/).waitFor()
  const record = await fn(await tokenFor('u-zhuoma'), 'volunteer', 'myHours', {})
  expect(record.entries.items[0]).toMatchObject({ hours: 2, note: expect.stringContaining(title) })
  // 2 hours under 旭日岭's VOLUNTEER_HOUR rule (2 points an hour, monthly cap 40) → points on the task page
  const tasks = await fn(await tokenFor('u-zhuoma'), 'volunteer', 'listTasks', { includePast: true, pageSize: 50 })
  const mine = tasks.items.find((t: { title: string }) => t.title === title)
  expect(mine.mySignup).toMatchObject({ attendance: 'attended', confirmedHours: 2 })
  if (mine.mySignup.points > 0) {
    await open(res.page, `task/index?id=${mine.id}`)
    await see(res.page, new RegExp(`积分 \\+${mine.mySignup.points}`), false).waitFor()
  }
  expect(errors).toEqual([])
  await org.context.close()
  await res.context.close()
})

it('need: resident posts a need → village publishes → organisation takes and completes → resident confirms → village verifies', async () => {
  const title = `修门锁 ${Date.now().toString(36)}`
  const resident = await phone(browser)
  await loginAs(resident.page, '卓玛')
  await open(resident.page, 'need/index')
  await field(resident.page, '需要什么帮助').fill(title)
  await field(resident.page, '具体说明').fill('家里门锁坏了，老人打不开')
  await field(resident.page, '地点').fill('第一网格 1 栋')
  await tap(resident.page, '提交需求')
  await item(resident.page, title).getByText('待村里审核').waitFor()

  const official = await phone(browser)
  await loginAs(official.page, '李秀英')
  await open(official.page, 'village/index')
  await item(official.page, title).getByText('公开', { exact: true }).click()
  await see(official.page, '已公开')
    .waitFor()
    .catch(() => undefined)

  const org = await phone(browser)
  await loginAs(org.page, '赵志强')
  await open(org.page, 'org/index')
  await item(org.page, title).getByText('接单', { exact: true }).click()
  await tap(org.page, '我们接的')
  const taken = item(org.page, title)
  await taken.locator('.l-field').filter({ hasText: '完成情况' }).locator('input').fill('已换新门锁')
  await taken.locator('.l-field').filter({ hasText: '用了几小时' }).locator('input').fill('1.5')
  await taken.getByText('报告完成', { exact: true }).click()
  // reported done: it leaves the organisation's "taken" list
  await item(org.page, title).waitFor({ state: 'hidden' })

  await open(resident.page, 'needs/index')
  await item(resident.page, title).getByText('确认已办好').click()
  await confirmDialog(resident.page, '属实')
  await item(resident.page, title).getByText('待村里验单').waitFor()

  await official.page.reload()
  await tap(official.page, '待验单')
  await item(official.page, title).getByText('验单通过', { exact: true }).click()
  await tap(official.page, '已验单')
  await item(official.page, title).waitFor()

  await resident.page.reload()
  await item(resident.page, title).getByText('已验单').waitFor()
  const org1 = await fn(await tokenFor('u-zhaozhiqiang'), 'volunteer', 'myHours', {})
  expect(org1.needHours).toBeGreaterThanOrEqual(1.5)
  for (const c of [resident, official, org]) await c.context.close()
})

it('in Tibetan: a resident reads the tasks, signs up and is answered in Tibetan', async () => {
  const resident = await phone(browser)
  const errors: string[] = []
  resident.page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(resident.page, '多吉')
  await resident.page.evaluate(() => localStorage.setItem('linli.lang', JSON.stringify({ data: 'bo' })))
  await open(resident.page, 'tasks/index')
  await see(resident.page, 'དང་བླངས་ཞབས་ཞུ།').waitFor()
  await see(resident.page, 'ཉེ་འཁོར་གྱི་ལས་འགན།').waitFor()
  await tap(resident.page, '关爱独居老人上门探访')
  await tap(resident.page, 'ངས་མིང་འགོད།')
  // the status label comes from the server, rendered in the language the call carried
  await see(resident.page, 'མིང་འགོད་ཟིན།').waitFor()
  await see(resident.page, 'ངའི་མིང་འགོད།').waitFor()
  expect(errors).toEqual([])
  await resident.context.close()
})
