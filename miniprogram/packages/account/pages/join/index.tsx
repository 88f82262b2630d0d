import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { RoleView } from '@shared/account/account.schema'
import { Button, Card, Field, Page, showError, toastDone } from '../../../../components'
import { callFunction, fieldErrors } from '../../../../services/call-function'
import { forgetMe } from '../../../../services/me'
import { useAction } from '../../../../services/use-call'

export default function Join() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [granted, setGranted] = useState<RoleView | null>(null)
  const redeem = useAction((input: { code: string }, requestId: string) =>
    callFunction(accountContract, 'redeemInvite', input, { requestId }),
  )

  async function submit() {
    setError(null)
    const r = await redeem.run({ code })
    if (!r.ok) {
      const onField = fieldErrors(r).code
      if (onField) setError(onField)
      else if (r.code.startsWith('ACCOUNT.INVITE')) setError(r.message)
      else void showError(r.message)
      return
    }
    forgetMe()
    setGranted(r.data)
    toastDone('已加入')
  }

  if (granted) {
    return (
      <Page title="加入成功">
        <Card>
          <View className="l-row__title">您现在是 {granted.roleLabel}</View>
          <View className="l-row__sub">{granted.unit.fullName}</View>
        </Card>
        <Button onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>回到首页</Button>
      </Page>
    )
  }

  return (
    <Page title="使用邀请码" intro="村（社区）干部或网格员给您的 8 位邀请码，填在下面。">
      <Card>
        <Field
          label="邀请码"
          value={code}
          onChange={(v) => setCode(v.toUpperCase().replace(/\s+/g, ''))}
          placeholder="例如 7KQ2MX9P"
          maxlength={8}
          error={error}
          hint="字母不分大小写；没有数字 0、1 和字母 O、I"
        />
        <Button loading={redeem.pending} loadingText="正在提交…" disabled={!code} onClick={() => void submit()}>
          确定
        </Button>
      </Card>
    </Page>
  )
}
