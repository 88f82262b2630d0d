import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { textOf } from '@shared/i18n/i18n'
import { HOME } from '../miniprogram/pages/home/home.strings'
import { fn, hostUrl, launch, phone, tokenFor } from './support/browser'

/**
 * Every page, for each role, in Tibetan and in 特大 text (issue #20 item 7). A page fails on text the installed
 * fonts cannot draw (tofu: every character shown must be covered by a font fontconfig knows, which is where
 * Chromium falls back to), on text running out of its box (scrollWidth > clientWidth), on running off the screen
 * sideways, and on a spinner that never ends. Screenshots go to .e2e-artifacts/walk/.
 */
const SHOTS = resolve(__dirname, '..', '.e2e-artifacts', 'walk')

let browser: Browser
beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(() => browser.close())

type Resolve = (token: string, page: Page) => Promise<string>

/** A page by its path; query parameters that need an id are looked up as the person. */
interface Stop {
  path: string
  query?: Resolve
}

const P = (path: string, query?: Resolve): Stop => ({ path, query })
const first = <T>(items: T[] | undefined): T => {
  if (!items?.length) throw new Error('nothing to open')
  return items[0]!
}

const WALKS: Array<{ userId: string; name: string; stops: Stop[] }> = [
  {
    userId: 'u-zhuoma',
    name: '卓玛',
    stops: [
      P('pages/home/index'),
      P('pages/report/index'),
      P('pages/me/index'),
      P('packages/incident/pages/list/index', async () => 'view=mine'),
      P('packages/incident/pages/list/index', async () => 'view=inbox'),
      P('packages/incident/pages/detail/index', async (t, page) => {
        const mine = await fn<{ items: Array<{ id: string }> }>(t, 'incident', 'myReports', {})
        return `id=${mine.items[0]?.id ?? (await fileReport(t, page))}`
      }),
      P('packages/points/pages/mine/index'),
      P('packages/points/pages/publicity/index'),
      P('packages/points/pages/store/index'),
      P('packages/volunteer/pages/tasks/index'),
      P('packages/volunteer/pages/task/index', async (t) => {
        const tasks = await fn<{ items: Array<{ id: string }> }>(t, 'volunteer', 'listTasks', {})
        return `id=${first(tasks.items).id}`
      }),
      P('packages/volunteer/pages/hours/index'),
      P('packages/volunteer/pages/need/index'),
      P('packages/volunteer/pages/needs/index'),
      P('packages/account/pages/residence/index'),
      P('packages/account/pages/join/index'),
      P('packages/account/pages/household/index', async (t) => {
        const me = await fn<{ household: { id: string } | null }>(t, 'account', 'getMe')
        return `id=${me.household!.id}`
      }),
    ],
  },
  {
    userId: 'u-zhaxi',
    name: '扎西',
    stops: [
      P('pages/home/index'),
      P('packages/incident/pages/list/index', async () => 'view=todo'),
      P('packages/incident/pages/list/index', async () => 'view=all'),
      P('packages/incident/pages/overview/index'),
      P('packages/account/pages/requests/index'),
    ],
  },
  {
    userId: 'u-lixiuying',
    name: '李秀英',
    stops: [
      P('pages/home/index'),
      P('packages/points/pages/review/index'),
      P('packages/points/pages/rules/index'),
      P('packages/points/pages/settings/index'),
      P('packages/points/pages/goods/index'),
      P('packages/points/pages/publicity/index'),
      P('packages/volunteer/pages/village/index'),
      P('packages/account/pages/invite/index'),
      P('packages/account/pages/members/index'),
      P('packages/incident/pages/overview/index'),
    ],
  },
  { userId: 'u-chenguilan', name: '陈桂兰', stops: [P('pages/home/index'), P('packages/points/pages/keeper/index')] },
  {
    userId: 'u-duoji',
    name: '多吉',
    stops: [
      P('pages/home/index'),
      P('packages/patrol/pages/shifts/index'),
      P('packages/patrol/pages/manage/index'),
      P('packages/patrol/pages/poster/index', async (t) => {
        // 多吉's village, 旭日岭社区
        const setup = await fn<{ routes: Array<{ checkpoints: Array<{ id: string }> }> }>(t, 'patrol', 'getSetup', {
          villageId: '513328100001',
        })
        return `id=${first(first(setup.routes).checkpoints).id}`
      }),
      P('packages/patrol/pages/review/index'),
      P('packages/patrol/pages/figures/index'),
    ],
  },
  { userId: 'u-gesang', name: '格桑', stops: [P('pages/home/index'), P('packages/patrol/pages/shifts/index')] },
  {
    userId: 'u-zhaozhiqiang',
    name: '赵志强',
    stops: [
      P('pages/home/index'),
      P('packages/volunteer/pages/org/index'),
      P('packages/volunteer/pages/post-task/index', async (t) => {
        const orgs = await fn<{ items: Array<{ id: string }> }>(t, 'volunteer', 'myOrgs', {})
        return `orgId=${first(orgs.items).id}`
      }),
      P('packages/volunteer/pages/signups/index', async (t) => {
        const orgs = await fn<{ items: Array<{ id: string }> }>(t, 'volunteer', 'myOrgs', {})
        const tasks = await fn<{ items: Array<{ id: string }> }>(t, 'volunteer', 'listOrgTasks', {
          orgId: first(orgs.items).id,
        })
        return `taskId=${first(tasks.items).id}`
      }),
    ],
  },
  {
    userId: 'u-zhoumin',
    name: '周敏',
    stops: [
      P('pages/home/index'),
      P('packages/incident/pages/list/index', async () => 'view=todo'),
      P('packages/incident/pages/overview/index'),
    ],
  },
  {
    userId: 'u-liuyang',
    name: '刘洋',
    stops: [P('pages/home/index'), P('packages/incident/pages/list/index', async () => 'view=todo')],
  },
  {
    userId: 'u-zhangwei',
    name: '张伟',
    stops: [P('pages/home/index'), P('packages/incident/pages/categories/index')],
  },
  {
    userId: 'u-yangjin',
    name: '央金',
    stops: [P('pages/home/index'), P('pages/me/index'), P('packages/points/pages/store/index')],
  },
]

/** A report of her own to open, when the walk runs before any other journey filed one. */
async function fileReport(token: string, page: Page): Promise<string> {
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
  const file = ((await res.json()) as { data: { fileId: string } }).data
  const r = await fn<{ id: string }>(token, 'incident', 'report', {
    category: 'facility',
    description: 'ལམ་སྒྲོན་ཆག་འདུག 路灯坏了',
    photos: [file.fileId],
    location: { lat: 31.6249, lng: 99.9872 },
  })
  return r.id
}

/** Whether some installed font draws the character (fontconfig, as Chromium's fallback sees them). */
const covered = new Map<string, boolean>()
function fontFor(chars: string[]): string[] {
  const missing = chars.filter((c) => !covered.has(c))
  const ask = (list: string[]) =>
    execFileSync('fc-list', [`:charset=${list.map((c) => c.codePointAt(0)!.toString(16)).join(' ')}`, 'family'], {
      encoding: 'utf8',
    }).trim().length > 0
  // one question per script first (a font covers all of them, as a rule), one per character if not
  const scripts = [missing.filter((c) => /[\u0f00-\u0fff]/.test(c)), missing.filter((c) => !/[\u0f00-\u0fff]/.test(c))]
  for (const group of scripts) {
    if (!group.length) continue
    if (ask(group)) group.forEach((c) => covered.set(c, true))
    else group.forEach((c) => covered.set(c, ask([c])))
  }
  return chars.filter((c) => covered.get(c) === false)
}

/** What is wrong on the page now: overflowing text boxes, a sideways scroll, the text shown. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY'
    const roots = [document.getElementById('app'), document.querySelector('.weui-tabbar')].filter(Boolean)
    const overflow: string[] = []
    let text = ''
    for (const root of roots) {
      text += (root as HTMLElement).innerText
      for (const el of Array.from(root!.querySelectorAll<HTMLElement>('*'))) {
        if (!visible(el)) continue
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())
        if (!own || getComputedStyle(el).display === 'inline') continue
        if (el.scrollWidth > el.clientWidth + 1)
          overflow.push(
            `${el.className || el.tagName}: "${el.innerText.slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`,
          )
      }
    }
    const sideways = document.documentElement.scrollWidth > window.innerWidth + 1
    return { overflow, sideways, text }
  })
}

async function settle(page: Page): Promise<boolean> {
  const loading = page.locator('.l-loading').filter({ visible: true })
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(100)
    if ((await page.locator('.l-page').filter({ visible: true }).count()) && !(await loading.count())) return true
  }
  return false
}

for (const walk of WALKS) {
  it(`${walk.name}: every page in Tibetan and 特大 draws every character and keeps its text in its boxes`, async () => {
    const { page, context } = await phone(browser, {}, { lang: 'bo' })
    await context.addInitScript(() => {
      try {
        localStorage.setItem('linli.textSize', JSON.stringify({ data: 'xlarge' }))
      } catch {
        /* nothing to preset here */
      }
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${hostUrl()}/#/pages/login/index`)
    await page.locator('#app').getByText(walk.name, { exact: true }).first().click()
    await page
      .locator('#app')
      .getByText(textOf(HOME.greeting, 'bo', { name: walk.name }), { exact: true })
      .filter({ visible: true })
      .waitFor()
    const token = await tokenFor(walk.userId)
    const problems: string[] = []
    for (const stop of walk.stops) {
      const query = stop.query ? await stop.query(token, page) : ''
      const url = `${hostUrl()}/#/${stop.path}${query ? `?${query}` : ''}`
      await page.goto(url)
      const name = `${stop.path}${query ? `?${query}` : ''}`
      if (!(await settle(page))) problems.push(`${name}: still loading`)
      const found = await inspect(page)
      const shot = `${walk.userId}-${name.replace(/[^a-z0-9]+/gi, '_')}.png`
      await page.screenshot({ path: join(SHOTS, shot), fullPage: true })
      const chars = [...new Set([...found.text].filter((c) => c.codePointAt(0)! > 0x7f && !/\s/.test(c)))]
      const tofu = fontFor(chars)
      if (tofu.length) problems.push(`${name}: no font for ${tofu.join('')}`)
      for (const o of found.overflow) problems.push(`${name}: overflows ${o}`)
      if (found.sideways) problems.push(`${name}: wider than the screen`)
      // 央金 lives in 色西底村: nobody asks her to say where she lives
      if (walk.userId === 'u-yangjin' && found.text.includes(textOf(HOME.no_residence, 'bo')))
        problems.push(`${name}: asks 央金 to set her residence`)
    }
    expect(problems).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
}
