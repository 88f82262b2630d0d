import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card, Empty, ErrorBlock, Loading, Page, Row, showError } from '../../components'
import { devLogin, listDevUsers, type DevUser } from '../../services/call-function'
import { DEMO_LOGIN } from '../../services/env'
import { forgetMe } from '../../services/me'
import { setToken } from '../../services/session'
import { useQuery } from '../../services/use-call'

/** Users grouped under the label of their first role; people without a role come last. */
function groupByRole(users: readonly DevUser[]): Array<{ label: string; users: DevUser[] }> {
  const groups = new Map<string, DevUser[]>()
  for (const u of users) {
    const label = u.roles[0]?.roleLabel ?? '未分配身份'
    groups.set(label, [...(groups.get(label) ?? []), u])
  }
  return [...groups].map(([label, list]) => ({ label, users: list }))
}

/**
 * Local demo login: pick a seeded person and act as them. Only off WeChat; inside WeChat the caller is
 * the WeChat user and this page is never linked.
 */
export default function Login() {
  const users = useQuery(() => listDevUsers(), [])
  const [busy, setBusy] = useState<string | null>(null)

  if (!DEMO_LOGIN) {
    return (
      <Page>
        <Empty title="微信里无需登录" text="请回到首页。" />
      </Page>
    )
  }

  async function pick(user: DevUser) {
    if (busy) return
    setBusy(user.id)
    const r = await devLogin(user.id)
    setBusy(null)
    if (!r.ok) {
      void showError(r.message, '登录没有成功')
      return
    }
    setToken(r.data.token)
    forgetMe()
    void Taro.reLaunch({ url: '/pages/home/index' })
  }

  return (
    <Page title="选择演示账号" intro="这是本地演示环境。点一个人，就以他的身份使用。">
      {users.loading ? <Loading /> : null}
      {users.error ? <ErrorBlock message={users.error.message} onRetry={users.reload} /> : null}
      {users.data && !users.data.length ? (
        <Empty title="还没有演示账号" text="请先导入演示数据（npm run seed）。" />
      ) : null}
      {users.data
        ? groupByRole(users.data).map((g) => (
            <Card key={g.label} title={g.label} extra={`${g.users.length} 人`}>
              {g.users.map((u) => (
                <Row
                  key={u.id}
                  title={busy === u.id ? `${u.name}（正在登录…）` : u.name}
                  sub={u.roles.length ? u.roles.map((r) => `${r.roleLabel} · ${r.unitName}`).join('；') : '没有身份'}
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
