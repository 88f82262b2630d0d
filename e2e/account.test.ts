import type { Browser } from 'playwright-core'
import { confirmDialog, fn, hostUrl, launch, loginAs, phone, see, tab, tap, tokenFor } from './support/browser'

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
