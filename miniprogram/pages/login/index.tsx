import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ConsoleTicket } from '@shared/account/console-login'
import { roleLabel } from '@shared/account/account.messages'
import { isRoleName } from '@shared/auth/roles'
import type { Lang } from '@shared/i18n/i18n'
import { Button, Card, Empty, ErrorBlock, Loading, Page, Row, showError } from '../../components'
import {
  claimConsoleLogin,
  devLogin,
  listDevUsers,
  startConsoleLogin,
  type DevUser,
} from '../../services/call-function'
import { CONSOLE_LOGIN, DEMO_LOGIN } from '../../services/env'
import { fmt, getLang, hasChosenLang, setLang, useStrings } from '../../services/i18n'
import { forgetMe } from '../../services/me'
import { setToken } from '../../services/session'
import { useTitle } from '../../services/title'
import { useQuery } from '../../services/use-call'
import { ChooseLang } from '../home/choose-lang'
import { LOGIN } from './login.strings'

type Role = DevUser['roles'][number]

/** A role's name in the reader's language (the host names it in Chinese; a role it names we don't know stays so). */
function roleName(r: Role): string {
  return isRoleName(r.role) ? roleLabel(r.role, getLang()) : r.roleLabel
}

/** Users grouped under the name of their first role; people without a role come last. */
function groupByRole(users: readonly DevUser[], none: string): Array<{ label: string; users: DevUser[] }> {
  const groups = new Map<string, DevUser[]>()
  for (const u of users) {
    const label = u.roles[0] ? roleName(u.roles[0]) : none
    groups.set(label, [...(groups.get(label) ?? []), u])
  }
  return [...groups].map(([label, list]) => ({ label, users: list }))
}

/** How often the page asks whether the phone confirmed (a claim is one small read until then). */
const CLAIM_EVERY_MS = 2_000

/**
 * Signing in by scanning (扫码登录): a one-time QR from the server, asked about every two seconds until an
 * official confirms it on their phone (then this browser is them), denies it, or it expires (then a fresh one).
 */
function ScanLogin() {
  const t = useStrings(LOGIN)
  const [ticket, setTicket] = useState<ConsoleTicket | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [denied, setDenied] = useState(false)
  const [round, setRound] = useState(0)
  const renew = () => {
    setTicket(null)
    setDenied(false)
    setFailed(null)
    setRound((n) => n + 1)
  }
  useEffect(() => {
    let live = true
    void startConsoleLogin().then((r) => {
      if (!live) return
      if (r.ok) setTicket(r.data)
      else setFailed(r.message)
    })
    return () => {
      live = false
    }
  }, [round])
  useEffect(() => {
    if (!ticket || denied) return
    let busy = false
    const timer = setInterval(() => {
      if (busy) return
      busy = true
      void claimConsoleLogin(ticket).then((r) => {
        busy = false
        if (!r.ok) return
        const s = r.data.status
        if (s === 'signed_in') {
          clearInterval(timer)
          forgetMe()
          void Taro.reLaunch({ url: '/pages/home/index' })
        } else if (s === 'denied') setDenied(true)
        else if (s === 'expired' || s === 'used') renew()
      })
    }, CLAIM_EVERY_MS)
    return () => clearInterval(timer)
  }, [ticket, denied])
  return (
    <Card title={t('scan_title')}>
      <View className="l-row__sub">{t('scan_how')}</View>
      {failed ? <ErrorBlock message={failed} onRetry={renew} /> : null}
      {!ticket && !failed ? <Loading /> : null}
      {ticket && !denied ? (
        <>
          <Image
            src={ticket.qrDataUrl}
            mode="aspectFit"
            data-testid="console-qr"
            style={{ width: '240px', height: '240px', display: 'block', margin: '12px auto' }}
          />
          <View className="l-row__title">{t('scan_wait')}</View>
          <View className="l-row__sub">{t('scan_until', { at: fmt.time(ticket.expiresAt) })}</View>
        </>
      ) : null}
      {denied ? (
        <>
          <View className="l-row__title">{t('scan_denied')}</View>
          <Button onClick={renew}>{t('scan_new')}</Button>
        </>
      ) : null}
    </Card>
  )
}

/**
 * Off WeChat: sign in by scanning; on the local host also by picking a seeded demo person. Inside WeChat the
 * caller is the WeChat user and this page is never linked.
 */
function DemoLogin() {
  const t = useStrings(LOGIN)
  const users = useQuery(() => (DEMO_LOGIN ? listDevUsers() : Promise.resolve({ ok: true as const, data: [] })), [])
  const [busy, setBusy] = useState<string | null>(null)
  useTitle(t('title'))

  if (!CONSOLE_LOGIN) {
    return (
      <Page>
        <Empty title={t('wechat')} text={t('wechat_text')} />
      </Page>
    )
  }
  if (!DEMO_LOGIN) {
    return (
      <Page title={t('scan_title')}>
        <ScanLogin />
      </Page>
    )
  }

  async function pick(user: DevUser) {
    if (busy) return
    setBusy(user.id)
    const r = await devLogin(user.id)
    setBusy(null)
    if (!r.ok) {
      void showError(r.message, t('failed'))
      return
    }
    setToken(r.data.token)
    forgetMe()
    void Taro.reLaunch({ url: '/pages/home/index' })
  }

  return (
    <Page title={t('title')} intro={t('intro')}>
      <ScanLogin />
      <View className="l-row__sub">{t('demo_title')}</View>
      {users.loading ? <Loading /> : null}
      {users.error ? <ErrorBlock message={users.error.message} onRetry={users.reload} /> : null}
      {users.data && !users.data.length ? <Empty title={t('no_users')} text={t('no_users_text')} /> : null}
      {users.data
        ? groupByRole(users.data, t('no_role_group')).map((g) => (
            <Card key={g.label} title={g.label} extra={t('count', { n: g.users.length })}>
              {g.users.map((u) => (
                <Row
                  key={u.id}
                  title={busy === u.id ? t('logging_in', { name: u.name }) : u.name}
                  sub={
                    u.roles.length
                      ? u.roles.map((r) => t('role_at', { role: roleName(r), unit: r.unitName })).join(t('roles_join'))
                      : t('no_roles')
                  }
                  arrow
                  onClick={() => void pick(u)}
                />
              ))}
            </Card>
          ))
        : null}
    </Page>
  )
}

/** On a phone where no language was chosen yet, the language comes first, here too. */
export default function Login() {
  const [chosen] = useState(hasChosenLang)
  if (!chosen) {
    const choose = (lang: Lang) => {
      void setLang(lang, { relaunch: false }).then(() => Taro.reLaunch({ url: '/pages/login/index' }))
    }
    return <ChooseLang onChosen={choose} />
  }
  return <DemoLogin />
}
