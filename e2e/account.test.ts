import type { Browser } from 'playwright-core'
import { COMMON } from '@shared/i18n/common.messages'
import { HOME } from '../miniprogram/pages/home/home.strings'
import { confirmDialog, fn, hostUrl, launch, loginAs, phone, see, shows, tab, tap, tokenFor } from './support/browser'

/** The foundation journey: demo login by role, who am I, an invite issued and redeemed. */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser.close())

it('a resident logs in and sees the home page and their roles', async () => {
  const { page, context } = await phone(browser)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await loginAs(page, '卓玛')
  await see(page, '居民 · 旭日岭社区第一网格').waitFor()
  await see(page, '随手拍上报').waitFor()
  // a resident is not offered what officials do
  expect(await see(page, '发放邀请码').count()).toBe(0)
  await tab(page, '我的')
  await see(page, /139\*{4}1201/).waitFor()
  await see(page, /旭日岭社区第一网格/).waitFor()
  expect(errors).toEqual([])
  await context.close()
})

it('an official creates an invite and another person redeems it', async () => {
  const official = await phone(browser)
  await loginAs(official.page, '李秀英')
  await tap(official.page, '发放邀请码')
  await tap(official.page, '信息员')
  await tap(official.page, '旭日岭社区')
  await tap(official.page, '就选「旭日岭社区」')
  await tap(official.page, '生成邀请码')
  // confirmation before anything irreversible
  await confirmDialog(official.page, '生成')
  await see(official.page, '邀请码已生成').waitFor()
  const code = (await official.page.locator('.l-page__title').filter({ visible: true }).last().innerText()).trim()
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  await official.context.close()

  const invitee = await phone(browser)
  await loginAs(invitee.page, '王德明')
  await tap(invitee.page, '使用邀请码')
  await invitee.page.locator('#app input').filter({ visible: true }).first().fill(code.toLowerCase())
  await tap(invitee.page, '确定')
  await see(invitee.page, /信息员/).waitFor()

  // the server agrees: 王德明 now holds the role, and the code is spent
  const me = await fn(await tokenFor('u-wangdeming'), 'account', 'getMe')
  expect(me.roles.map((r: { role: string }) => r.role)).toContain('info_collector')
  const again = await fetch(`${hostUrl()}/api/fn/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('u-zhuoma')}` },
    body: JSON.stringify({ action: 'redeemInvite', data: { code }, requestId: 'e2e-redeem-again' }),
  })
  expect(await again.json()).toMatchObject({ ok: false, code: 'ACCOUNT.INVITE_USED' })
  await invitee.context.close()
})

it('a first launch asks for the language; 我的 switches to Tibetan and the home page speaks it', async () => {
  const { page, context } = await phone(browser, {}, { lang: null })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${hostUrl()}/#/pages/login/index`)
  // before anything else, the question in both languages, one big button per language
  await see(page, '请选择语言').waitFor()
  await see(page, 'སྐད་ཡིག་འདེམས་རོགས།').waitFor()
  await tap(page, '简体中文')
  await loginAs(page, '卓玛')
  await tab(page, '我的')
  await tap(page, '语言 / སྐད་ཡིག')
  await tap(page, 'བོད་ཡིག')
  // the app starts again at the home page, in Tibetan: greeting, menu, roles, tab labels
  await see(page, 'བཀྲ་ཤིས་བདེ་ལེགས། 卓玛').waitFor()
  await see(page, 'པར་བཏབ་ནས་སྙན་ཞུ།').waitFor()
  await see(page, 'སྡོད་དམངས། · 旭日岭社区第一网格').waitFor()
  await shows(page, page.locator('.weui-tabbar__label', { hasText: 'ངའི།' }))
  expect(await see(page, '随手拍上报').count()).toBe(0)
  // kept on the phone and on the profile (pushes and messages for her are in Tibetan)
  // on a slow phone Taro's tab bar (a web component) is ready only after the home page is shown
  await context.addInitScript(() => {
    const define = customElements.define.bind(customElements)
    customElements.define = (name, ...rest) => {
      if (name !== 'taro-tabbar') return define(name, ...rest)
      ;(window as unknown as { __barHeld: boolean }).__barHeld = true
      setTimeout(() => {
        // what the router gave the bar before it was a component, given again once it is one
        type Bar = Element & { conf?: unknown }
        const bars = Array.from(document.querySelectorAll<Element>('taro-tabbar')) as Bar[]
        const confs = bars.map((bar) => {
          const conf = bar.conf
          delete bar.conf
          return conf
        })
        define(name, ...rest)
        bars.forEach((bar, i) => (bar.conf = confs[i]))
      }, 1500)
    }
  })
  await page.reload()
  await see(page, 'བཀྲ་ཤིས་བདེ་ལེགས། 卓玛').waitFor()
  // the tab bar's labels are still in her language
  await shows(page, page.locator('.weui-tabbar__label', { hasText: 'ངའི།' }))
  await shows(page, page.locator('.weui-tabbar__label', { hasText: HOME['tab.home'].bo }))
  expect(await page.evaluate(() => (window as unknown as { __barHeld?: boolean }).__barHeld)).toBe(true)
  const me = await fn(await tokenFor('u-zhuoma'), 'account', 'getMe')
  expect(me.user.lang).toBe('bo')
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('bo')
  // and back
  await tab(page, 'ངའི།')
  await tap(page, 'སྐད་ཡིག')
  await tap(page, '简体中文')
  await see(page, '您好，卓玛').waitFor()
  expect(errors).toEqual([])
  await context.close()
})

it('the Tibetan texts come as their own file, to Tibetan readers only, before their first screen', async () => {
  const token = await tokenFor('u-zhuoma')
  const opened = async (lang: 'zh' | 'bo') => {
    const { page, context } = await phone(browser, {}, { lang })
    await context.addInitScript((t) => localStorage.setItem('linli.token', JSON.stringify({ data: t })), token)
    // every text the app shows, in order, from before its first script runs
    await context.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __seen: string[] }).__seen = seen
      new MutationObserver(() => {
        const text = document.getElementById('app')?.innerText.trim()
        if (text && seen[seen.length - 1] !== text) seen.push(text)
      }).observe(document, { subtree: true, childList: true, characterData: true })
    })
    const scripts: Array<{ path: string; body: Promise<string> }> = []
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ path: new URL(r.url()).pathname, body: r.text() })
    })
    await page.goto(`${hostUrl()}/#/pages/home/index`)
    return { page, context, scripts }
  }

  // a Chinese reader: the home page, and none of the Tibetan texts fetched
  const zh = await opened('zh')
  await see(zh.page, '您好，卓玛').waitFor()
  expect(zh.scripts.map((s) => s.path).filter((p) => /i18n-bo/.test(p))).toEqual([])
  for (const s of zh.scripts) {
    const body = await s.body
    expect([s.path, body.includes(HOME.greeting.bo) || body.includes(COMMON['ui.loading'].bo)]).toEqual([s.path, false])
  }
  await zh.context.close()

  // a Tibetan reader: the file is fetched, and the first screen is Tibetan, never Chinese first
  const bo = await opened('bo')
  await see(bo.page, 'བཀྲ་ཤིས་བདེ་ལེགས། 卓玛').waitFor()
  expect(bo.scripts.filter((s) => /\/i18n-bo\.[0-9a-f]+\.js$/.test(s.path))).toHaveLength(1)
  const seen = await bo.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
  expect(seen.length).toBeGreaterThan(0)
  expect(seen.filter((text) => text.includes('您好') || text.includes(HOME['tab.report'].zh))).toEqual([])
  await bo.context.close()
})

it('a resident asks to join a household; its head sees the request on the home page and approves it', async () => {
  // 泽仁 (an information collector) has no residence and no household yet
  const asker = await phone(browser)
  await loginAs(asker.page, '泽仁')
  await tap(asker.page, '我家住在哪')
  await tap(asker.page, '甘孜藏族自治州')
  await tap(asker.page, '甘孜县')
  await tap(asker.page, '甘孜镇')
  await tap(asker.page, '旭日岭社区')
  await tap(asker.page, '旭日岭社区第一网格')
  await tap(asker.page, '确认保存')
  // residents see the heads masked: 王德明's household is "户主 王*明"
  await see(asker.page, '户主 王*明').waitFor()
  expect(await see(asker.page, '户主 王德明').count()).toBe(0)
  await tap(asker.page, '户主 王*明')
  await asker.page.locator('#app input').filter({ visible: true }).first().fill('我是王德明的侄子')
  await tap(asker.page, '提交申请')
  await see(asker.page, '申请已提交').waitFor()
  // not a member until approved: no household, no points
  const pending = await fn(await tokenFor('u-zeren'), 'account', 'getMe')
  expect(pending.user.householdId).toBeNull()
  expect(pending.joinRequest.status).toBe('pending')

  const head = await phone(browser)
  await loginAs(head.page, '王德明')
  await tap(head.page, '待审核的入户申请 1 条')
  await see(head.page, '留言：我是王德明的侄子').waitFor()
  await tap(head.page, '同意')
  await confirmDialog(head.page, '同意')
  await see(head.page, '没有待审核的入户申请').waitFor()
  await head.context.close()

  const after = await fn(await tokenFor('u-zeren'), 'account', 'getMe')
  expect(after.user.householdId).toBe('hh-513328100001-G01-03')
  await loginAs(asker.page, '泽仁')
  await tab(asker.page, '我的')
  await see(asker.page, '入户申请已同意').waitFor()
  await see(asker.page, '户主 王德明').waitFor()
  await asker.context.close()
})
