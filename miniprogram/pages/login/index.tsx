import Taro from '@tarojs/taro'
import { useState } from 'react'
import { roleLabel } from '@shared/account/account.messages'
import { isRoleName } from '@shared/auth/roles'
import type { Lang } from '@shared/i18n/i18n'
import { Card, Empty, ErrorBlock, Loading, Page, Row, showError } from '../../components'
import { devLogin, listDevUsers, type DevUser } from '../../services/call-function'
import { DEMO_LOGIN } from '../../services/env'
import { getLang, hasChosenLang, setLang, useStrings } from '../../services/i18n'
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

/**
 * Local demo login: pick a seeded person and act as them. Only off WeChat; inside WeChat the caller is
 * the WeChat user and this page is never linked.
 */
function DemoLogin() {
  const t = useStrings(LOGIN)
  const users = useQuery(() => listDevUsers(), [])
  const [busy, setBusy] = useState<string | null>(null)
  useTitle(t('title'))

  if (!DEMO_LOGIN) {
    return (
      <Page>
        <Empty title={t('wechat')} text={t('wechat_text')} />
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
      setLang(lang, { relaunch: false })
      void Taro.reLaunch({ url: '/pages/login/index' })
    }
    return <ChooseLang onChosen={choose} />
  }
  return <DemoLogin />
}
