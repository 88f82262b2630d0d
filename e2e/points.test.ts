import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { OutputOf } from '@shared/contract'
import type { pointsContract } from '@shared/points/points.contract'
import { app, confirmDialog, launch, phone, requestId, see, tap } from './support/browser'

/**
 * Issue #5, the whole points journey in the browser: an official proposes points for several
 * households → a second official approves → a resident sees them in publicity and objects → the
 * official withdraws that award → after the publicity period the rest are credited → the resident
 * redeems goods in the store → the store keeper fulfils the redemption by its 6-digit code.
 *
 * Why this journey starts its own host: points only count after the village's publicity period, which
 * is at least one day (publicityDays is 1–30 in the contract: a period residents cannot object in would
 * defeat publicity), and the host runs on the real clock. No action of the product credits an award
 * before its period is over (settlePublicity and the publicity list both check publicUntil ≤ now), so
 * this journey runs its own host with `support/clock-shift.ts` preloaded and moves that host's clock
 * forward by a day, as the action tests move `env.clock`. The product code is the same as in
 * production; the global host (and the other journeys) are untouched.
 */

const ROOT = resolve(__dirname, '..')
const VILLAGE = '513328100001'
const DAY = 86_400_000
type PointsActions = typeof pointsContract.actions
const HH = { zhuoma: 'hh-513328100001-G01-01', luorong: 'hh-513328100001-G01-02', wangdeming: 'hh-513328100001-G01-03' }

let host: ChildProcess
let base = ''
let shiftFile = ''
let browser: Browser

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-points-'))
  shiftFile = join(dataDir, 'clock-shift')
  writeFileSync(shiftFile, '0')
  host = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(ROOT, 'e2e/support/clock-shift.ts'), join(ROOT, 'server/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        LINLI_DATA_DIR: dataDir,
        LINLI_H5_DIR: join(ROOT, 'dist/h5'),
        LINLI_CLOCK_SHIFT_FILE: shiftFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  host.stdout?.on('data', (d) => (output += d))
  host.stderr?.on('data', (d) => (output += d))
  base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (host.exitCode !== null) throw new Error(`points host exited early:\n${output}`)
    try {
      if ((await fetch(`${base}/api/dev/users`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`points host did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
  if (host && host.exitCode === null) {
    host.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    if (host.exitCode === null) host.kill('SIGKILL')
  }
})

/** Moves this journey's host clock: real time + `ms`. */
function shiftClock(ms: number): void {
  writeFileSync(shiftFile, String(ms))
}

async function token(userId: string): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  return ((await res.json()) as { data: { token: string } }).data.token
}

async function call<K extends keyof PointsActions>(
  userId: string,
  action: K,
  data: unknown = {},
): Promise<OutputOf<typeof pointsContract, K>> {
  const res = await fetch(`${base}/api/fn/points`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(userId)}` },
    body: JSON.stringify({ action, data, requestId: requestId(action) }),
  })
  const json = (await res.json()) as { ok: boolean; data: OutputOf<typeof pointsContract, K>; message?: string }
  if (!json.ok) throw new Error(`points.${action}: ${json.message}`)
  return json.data
}

/** The language the app is read in on this phone, as Taro's storage keeps it (services/i18n.ts). */
const LANG_KEY = 'linli.lang'
const storedLang = (lang: 'zh' | 'bo') => JSON.stringify({ data: lang })

async function as(name: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const { page, context } = await phone(browser)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // this journey reads the app in Chinese (chosen already, so no first-launch language question)
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!)
    },
    [LANG_KEY, storedLang('zh')],
  )
  await page.goto(`${base}/#/pages/login/index`)
  await app(page).getByText('选择演示账号').waitFor()
  await app(page).getByText(name, { exact: true }).first().click()
  await app(page).getByText(`您好，${name}`).waitFor()
  return { page, close: () => context.close(), errors }
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${base}/#/packages/points/pages/${path}`)
}

/** The visible block with this test id that contains `text`. */
function item(page: Page, testId: string, text: string | RegExp) {
  return app(page).locator(`[data-testid="${testId}"]`).filter({ visible: true }).filter({ hasText: text }).first()
}

/** A toast or a dialog (both are drawn outside #app). */
function anywhere(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first()
}

/** A real JPEG drawn by the page's canvas, as a phone camera would hand one over. */
async function jpeg(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((fill) => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    const g = c.getContext('2d')!
    g.fillStyle = fill
    g.fillRect(0, 0, 64, 48)
    return c.toDataURL('image/jpeg', 0.8)
  }, colour)
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

async function balances(): Promise<Record<string, number>> {
  const hh = await call('u-lixiuying', 'listHouseholds', {
    villageId: VILLAGE,
    pageSize: 200,
  })
  return Object.fromEntries(hh.items.map((h) => [h.id, h.balance]))
}

it('points are proposed, approved, objected to, withdrawn, credited, redeemed and handed over — all through the pages', async () => {
  const before = await balances()
  const soap = (
    await call('u-zhuoma', 'listGoods', {
      villageId: VILLAGE,
    })
  ).items.find((g) => g.name === '洗衣粉（1 公斤）')!
  expect(soap.price).toBe(30)

  // 1. 李秀英 sets the publicity period to the shortest the village code allows, through the settings page
  const li = await as('李秀英')
  await open(li.page, 'review/index')
  await tap(li.page, '公示天数和领取期限')
  await see(li.page, '积分公示几天').waitFor()
  await tap(li.page, '1 天')
  await tap(li.page, '保存')
  await anywhere(li.page, /以后评定的积分公示 1 天/).waitFor()
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已保存').waitFor()
  expect(await call('u-lixiuying', 'getSettings', { villageId: VILLAGE })).toMatchObject({
    publicityDays: 1,
    pickupDays: 7,
  })

  // 2. she proposes 孝敬老人 +10 for three households in one batch, with a photo: she picks two, both upload,
  //    and she takes one off again
  await open(li.page, 'review/index')
  await tap(li.page, '孝敬老人、照顾病残家人（+10）')
  await app(li.page).locator('input').filter({ visible: true }).first().fill('11 月孝老爱亲评议')
  await see(li.page, '照片（0/9）').waitFor()
  const [chooser] = await Promise.all([li.page.waitForEvent('filechooser'), tap(li.page, '拍照 / 选照片')])
  await chooser.setFiles([
    { name: 'visit.jpg', mimeType: 'image/jpeg', buffer: await jpeg(li.page, '#6a8') },
    { name: 'blurred.jpg', mimeType: 'image/jpeg', buffer: await jpeg(li.page, '#a86') },
  ])
  await see(li.page, '照片（2/9）').waitFor()
  const thumbs = app(li.page).locator('[data-testid="photo"]').filter({ visible: true })
  expect(await thumbs.count()).toBe(2)
  await thumbs.last().getByText('删除', { exact: true }).click()
  await see(li.page, '照片（1/9）').waitFor()
  expect(await thumbs.count()).toBe(1)
  const kept = await thumbs.first().locator('img').getAttribute('src')
  expect(kept).toMatch(/\/api\/files\/f_[0-9a-f]{32}\?exp=\d+&sig=\w{22}$/)
  for (const name of ['卓玛', '罗绒', '王德明']) await tap(li.page, `☐ ${name}`)
  await see(li.page, '选择户（已选 3 户）').waitFor()
  await tap(li.page, '提交审核')
  await anywhere(li.page, /给 3 户评定“孝敬老人、照顾病残家人”，每户 \+10 分/).waitFor()
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已提交审核').waitFor()
  await see(li.page, '选择户（已选 0 户）').waitFor()
  await see(li.page, '照片（0/9）').waitFor()
  // nobody approves their own proposal: she is told to ask another official
  await tap(li.page, '待审核')
  await item(li.page, 'batch', '孝敬老人、照顾病残家人 · 3 户 · 共 +30 分')
    .getByText('自己提的，请另一位干部审核')
    .waitFor()
  const pending = await call('u-wangjianguo', 'listBatches', { villageId: VILLAGE, status: 'pending' })
  expect(pending.items).toHaveLength(1)
  const batchId = pending.items[0]!.id
  // the photo she kept is on the proposal, adopted as hers, with a URL the host serves
  const keptId = /f_[0-9a-f]{32}/.exec(kept!)![0]
  expect(
    (
      await call('u-wangjianguo', 'getBatch', {
        batchId,
      })
    ).batch.evidence,
  ).toEqual([
    { fileId: keptId, url: expect.stringMatching(new RegExp(`^/api/files/${keptId}\\?exp=\\d+&sig=\\w{22}$`)) },
  ])

  // 3. 王建国 approves it
  const wang = await as('王建国')
  await open(wang.page, 'review/index')
  await tap(wang.page, '待审核')
  const batch = item(wang.page, 'batch', '孝敬老人、照顾病残家人 · 3 户 · 共 +30 分')
  await batch.getByText('李秀英 提出', { exact: false }).waitFor()
  // he sees her photo in the batch before deciding: the image is on screen and has loaded
  const evidence = batch.locator('[data-testid="evidence"] img').filter({ visible: true })
  await evidence.first().waitFor()
  expect(await evidence.count()).toBe(1)
  expect(await evidence.first().getAttribute('src')).toMatch(new RegExp(`/api/files/${keptId}\\?exp=\\d+&sig=\\w{22}$`))
  await wang.page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await evidence.first().elementHandle(),
  )
  await batch.getByText('通过', { exact: true }).click()
  await anywhere(wang.page, /这 3 户的积分进入公示/).waitFor()
  await confirmDialog(wang.page, '确定')
  await anywhere(wang.page, '已通过，开始公示').waitFor()
  await see(wang.page, '没有待审核的评定').waitFor()
  const approved = await call('u-lixiuying', 'getBatch', { batchId })
  expect(approved.batch).toMatchObject({ status: 'approved', decidedByName: '王建国' })
  expect(approved.awards.map((a) => a.status)).toEqual(['publicity', 'publicity', 'publicity'])

  // 4. 卓玛 sees it in publicity (names masked, her own marked) and objects to 王德明's
  const zm = await as('卓玛')
  await open(zm.page, 'mine/index')
  await see(zm.page, /公示中 1 条，共 \+10 分/).waitFor()
  await tap(zm.page, '看公示和积分榜')
  await see(zm.page, '卓*家（我家） · 孝敬老人、照顾病残家人').waitFor()
  await see(zm.page, '罗*家 · 孝敬老人、照顾病残家人').waitFor()
  const wdm = item(zm.page, 'publicity-item', '王*明家 · 孝敬老人、照顾病残家人')
  await wdm.getByText('公示中', { exact: true }).waitFor()
  expect(await app(zm.page).getByText('王德明').filter({ visible: true }).count()).toBe(0)
  await wdm.getByText('提异议', { exact: true }).click()
  await wdm.locator('input').fill('他家老人住在女儿家，不是他家照顾的')
  await wdm.getByText('提交异议', { exact: true }).click()
  await confirmDialog(zm.page, '确定')
  await anywhere(zm.page, '已提交异议').waitFor()
  await wdm.getByText('我已提异议').waitFor()
  await wdm.getByText('有异议，待处理').waitFor()

  // 5. 李秀英 proposed it, so she does not decide the objection (issue #16): 王建国 finds it true and withdraws
  //    that award (撤回积分)
  await open(li.page, 'review/index')
  await tap(li.page, '异议')
  const hers = item(li.page, 'objection', '王德明家 · 孝敬老人、照顾病残家人 +10')
  await hers.getByText(/卓玛：他家老人住在女儿家/).waitFor()
  await hers.getByText(/^请另一位干部处理/).waitFor()
  expect(await hers.getByText('撤回积分', { exact: true }).count()).toBe(0)
  await open(wang.page, 'review/index')
  await tap(wang.page, '异议')
  const objection = item(wang.page, 'objection', '王德明家 · 孝敬老人、照顾病残家人 +10')
  await objection.getByText('撤回积分', { exact: true }).click()
  await anywhere(wang.page, /异议成立，撤回这条积分？/).waitFor()
  await confirmDialog(wang.page, '确定')
  await anywhere(wang.page, '已撤回').waitFor()
  await see(wang.page, '没有待处理的异议').waitFor()
  await open(li.page, 'review/index')

  // 6. before the day is over nothing is credited; a day later the two other awards are (by the button here: the
  //    host's hourly settle timer last ran when it started, minutes ago)
  await tap(li.page, '待审核')
  await tap(li.page, '计入公示期满的积分')
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已计入 0 条').waitFor()
  expect((await balances())[HH.zhuoma]).toBe(before[HH.zhuoma])
  shiftClock(DAY + 5 * 60_000)
  await li.page.waitForTimeout(1_500) // toast gone, clock file re-read
  await tap(li.page, '计入公示期满的积分')
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已计入 2 条').waitFor()
  const after = await balances()
  expect(after[HH.zhuoma]).toBe(before[HH.zhuoma]! + 10)
  expect(after[HH.luorong]).toBe(before[HH.luorong]! + 10)
  expect(after[HH.wangdeming]).toBe(before[HH.wangdeming])
  const settled = await call('u-lixiuying', 'getBatch', {
    batchId,
  })
  expect(Object.fromEntries(settled.awards.map((a) => [a.householdId, a.status]))).toEqual({
    [HH.zhuoma]: 'credited',
    [HH.luorong]: 'credited',
    [HH.wangdeming]: 'withdrawn',
  })

  // 7. 卓玛 sees the points counted and redeems 洗衣粉 (with a confirmation)
  const credited = before[HH.zhuoma]! + 10
  await open(zm.page, 'mine/index')
  await app(zm.page)
    .locator('[data-testid="balance"]')
    .filter({ visible: true })
    .getByText(String(credited), { exact: true })
    .waitFor()
  await see(zm.page, '评定加分：孝敬老人、照顾病残家人').waitFor()
  await tap(zm.page, '去积分超市')
  await see(zm.page, `我家现有 ${credited} 分。兑换后凭取货码到超市领取。`).waitFor()
  const goods = item(zm.page, 'goods', '洗衣粉（1 公斤）')
  await goods.getByText(`库存 ${soap.stock}`, { exact: false }).waitFor()
  await goods.getByText('兑换', { exact: true }).click()
  await anywhere(zm.page, /用 30 分兑换“洗衣粉（1 公斤）”？/).waitFor()
  await confirmDialog(zm.page, '确定')
  await anywhere(zm.page, /兑换成功，取货码 \d{6}/).waitFor()
  const redemption = item(zm.page, 'redemption', '洗衣粉（1 公斤） ×1（30 分）')
  await redemption.getByText('待领取', { exact: true }).waitFor()
  const code = /(\d{6})/.exec(await redemption.locator('[data-testid="pickup-code"]').innerText())![1]!
  await see(zm.page, `我家现有 ${credited - 30} 分。兑换后凭取货码到超市领取。`).waitFor()

  // 8. 陈桂兰 types the code, checks the redemption and hands the goods over
  const keeper = await as('陈桂兰')
  await open(keeper.page, 'keeper/index')
  await app(keeper.page).locator('input').filter({ visible: true }).first().fill(code)
  await tap(keeper.page, '查找兑换单')
  await see(keeper.page, '洗衣粉（1 公斤） ×1').waitFor()
  await see(keeper.page, '卓玛家 · 卓玛 · 30 分').waitFor()
  await tap(keeper.page, '确认发放')
  await anywhere(keeper.page, /把“洗衣粉（1 公斤）”×1 交给卓玛家？/).waitFor()
  await confirmDialog(keeper.page, '确定')
  await anywhere(keeper.page, '已核销，请交付商品').waitFor()
  await see(keeper.page, '这个兑换单已领取，不能再发放。').waitFor()

  // 9. balance and stock are right, on the pages and on the server
  await open(zm.page, 'store/index')
  await item(zm.page, 'redemption', '洗衣粉（1 公斤） ×1（30 分）').getByText('已领取', { exact: true }).waitFor()
  await item(zm.page, 'goods', '洗衣粉（1 公斤）')
    .getByText(`库存 ${soap.stock - 1}`, { exact: false })
    .waitFor()
  await see(zm.page, `我家现有 ${credited - 30} 分。兑换后凭取货码到超市领取。`).waitFor()
  const mine = await call('u-zhuoma', 'myPoints', {
    page: 1,
    pageSize: 5,
  })
  expect(mine).toMatchObject({ balance: credited - 30, pending: { count: 0 } })
  const stock = (await call('u-zhuoma', 'listGoods', { villageId: VILLAGE })).items.find((g) => g.id === soap.id)!
  expect(stock.stock).toBe(soap.stock - 1)
  const redemptions = await call('u-zhuoma', 'myRedemptions', {
    page: 1,
    pageSize: 5,
  })
  expect(redemptions.items[0]).toMatchObject({ status: 'fulfilled' })

  // 10. the same pages in Tibetan (issue #20): 卓玛 switches the phone to བོད་ཡིག; labels the server renders come
  //     in Tibetan too, what people typed (names of goods and rules) stays as written
  await zm.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [LANG_KEY, storedLang('bo')])
  await open(zm.page, 'store/index')
  await zm.page.reload() // the app reads the phone's language when it starts (setLang relaunches it)
  await see(zm.page, `ངའི་ཁྱིམ་ཚང་ལ་ད་ལྟ་སྐར་གྲངས་ ${credited - 30} ཡོད། བརྗེ་རེས་བྱས་རྗེས་ལེན་ཨང་བསྟན་ནས་ཚོང་ཁང་དུ་ལེན་རོགས།`).waitFor()
  await item(zm.page, 'redemption', '洗衣粉（1 公斤） ×1 (སྐར་གྲངས་ 30)').getByText('བླངས་ཟིན།', { exact: true }).waitFor()
  await open(zm.page, 'mine/index')
  await see(zm.page, 'ངའི་ཁྱིམ་ཚང་གི་སྐར་གྲངས།').waitFor()
  await see(zm.page, 'ཅ་དངོས་བརྗེ་རེས།: ཅ་དངོས་བརྗེ་རེས། 洗衣粉（1 公斤） ×1').waitFor()
  await see(zm.page, 'སྐར་གྲངས་སྣོན་པ།: 孝敬老人、照顾病残家人').waitFor()

  for (const who of [li, wang, zm, keeper]) {
    expect(who.errors).toEqual([])
    await who.close()
  }
})

it('an official adds a rule to the village code, changes it (a new version) and it can be used for scoring', async () => {
  const li = await as('李秀英')
  await open(li.page, 'review/index')
  await tap(li.page, '积分规则（村规民约）')
  await tap(li.page, '新增规则')
  const input = (label: string) =>
    app(li.page).locator('.l-field').filter({ visible: true }).filter({ hasText: label }).locator('input')
  await input('规则名称').fill('清理河道垃圾')
  await tap(li.page, '环境卫生')
  await input('每次加几分').fill('3')
  await input('每户每月最多几分').fill('9')
  await input('出自村规民约哪一条').fill('第三条 爱护河道')
  await tap(li.page, '保存')
  await anywhere(li.page, /新增规则：“清理河道垃圾”，每次 \+3 分，每户每月最多 9 分/).waitFor()
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已保存').waitFor()
  const row = item(li.page, 'rule', '清理河道垃圾')
  await row.getByText('环境卫生 · 干部评定 · 每户每月最多 9 分 · 第 1 版 · 第三条 爱护河道').waitFor()

  // a change is a new version; the first one is kept
  await row.getByText('修改', { exact: true }).click()
  await see(li.page, '修改积分规则').waitFor()
  await input('每次加几分').fill('4')
  await tap(li.page, '保存')
  await confirmDialog(li.page, '确定')
  await anywhere(li.page, '已保存').waitFor()
  await row.getByText(/第 2 版/).waitFor()
  await row.getByText('+4', { exact: true }).waitFor()
  await row.getByText('看历次版本', { exact: true }).click()
  await row.getByText('第 2 版：清理河道垃圾（+4）').waitFor()
  await row.getByText('第 1 版：清理河道垃圾（+3）').waitFor()

  // the new rule is offered when proposing
  await open(li.page, 'review/index')
  await see(li.page, '清理河道垃圾（+4）').waitFor()
  const rules = await call('u-zhuoma', 'listRules', { villageId: VILLAGE })
  expect(rules.items.find((r) => r.name === '清理河道垃圾')).toMatchObject({ version: 2, points: 4 })
  expect(li.errors).toEqual([])
  await li.close()
})
