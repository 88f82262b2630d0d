import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { UNIT_LEVEL_LABELS } from '@shared/account/account.schema'
import { Button, Card, ConfirmButton, ErrorBlock, Loading, Page, Row } from '../../components'
import { DEMO_LOGIN } from '../../services/env'
import { forgetMe, useMe } from '../../services/me'
import { clearToken } from '../../services/session'

export default function MePage() {
  const { me, error, reload } = useMe()
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  const { user } = me
  return (
    <Page title={user.name} intro={user.phoneMasked ? `手机 ${user.phoneMasked}` : undefined}>
      <Card title="居住地">
        {user.residence ? (
          <View className="l-row__title">{user.residence.fullName}</View>
        ) : (
          <View className="l-row__sub">还没有设置</View>
        )}
        <Button
          kind="secondary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/residence/index' })}
        >
          {user.residence ? '修改居住地' : '设置居住地'}
        </Button>
      </Card>
      <Card title="我的身份" extra={`${me.roles.length} 个`}>
        {me.roles.length ? (
          me.roles.map((r) => (
            <Row
              key={`${r.role}@${r.unit.id}`}
              title={r.roleLabel}
              sub={`${UNIT_LEVEL_LABELS[r.unit.level]}：${r.unit.fullName}`}
            />
          ))
        ) : (
          <View className="l-row__sub">还没有任何身份</View>
        )}
        <Button
          kind="secondary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/join/index' })}
        >
          使用邀请码
        </Button>
      </Card>
      {DEMO_LOGIN ? (
        <ConfirmButton
          kind="danger"
          confirm="退出后需要重新选择账号登录。"
          confirmTitle="退出登录？"
          confirmText="退出"
          onConfirm={() => {
            clearToken()
            forgetMe()
            void Taro.reLaunch({ url: '/pages/login/index' })
          }}
        >
          退出登录
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
