import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Permission } from '../../../shared/auth/permissions'
import { Card, ErrorBlock, Loading, Page, Row, Tag } from '../../components'
import { hasPermission, useMe } from '../../services/me'

interface Entry {
  title: string
  sub: string
  url: string
  tab?: boolean
  /** shown only to people who hold this permission somewhere; null: everyone */
  needs: Permission | null
}

const ENTRIES: Entry[] = [
  { title: '随手拍上报', sub: '看到问题，拍照告诉网格员', url: '/pages/report/index', tab: true, needs: 'incident_create' },
  { title: '发放邀请码', sub: '请人加入，担任网格员、信息员等', url: '/packages/account/pages/invite/index', needs: 'invite_create' },
  { title: '人员名单', sub: '本村（社区）和下级的人员', url: '/packages/account/pages/members/index', needs: 'member_list' },
  { title: '我家住在哪', sub: '选择村、网格和自家门户', url: '/packages/account/pages/residence/index', needs: null },
  { title: '使用邀请码', sub: '收到邀请码？在这里输入', url: '/packages/account/pages/join/index', needs: null },
]

export default function Home() {
  const { me, error, loading, reload } = useMe()
  if (!me) {
    return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading text={loading ? '正在加载…' : ''} />}</Page>
  }
  const entries = ENTRIES.filter((e) => e.needs === null || hasPermission(me, e.needs))
  return (
    <Page title={`您好，${me.user.name}`} intro={me.user.residence ? me.user.residence.fullName : '还没有设置居住地'}>
      <Card title='我的身份'>
        {me.roles.length ? (
          <View>{me.roles.map((r) => <Tag key={`${r.role}@${r.unit.id}`}>{r.roleLabel} · {r.unit.name}</Tag>)}</View>
        ) : (
          <View className='l-row__sub'>还没有任何身份。设置居住地后成为居民，或使用邀请码。</View>
        )}
      </Card>
      <Card title='我能做的事'>
        {entries.map((e) => (
          <Row
            key={e.url}
            title={e.title}
            sub={e.sub}
            arrow
            onClick={() => void (e.tab ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }))}
          />
        ))}
      </Card>
    </Page>
  )
}
