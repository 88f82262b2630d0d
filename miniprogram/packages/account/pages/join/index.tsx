import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { RoleView } from '@shared/account/account.schema'
import { Button, Card, Field, Page, showError, toastDone } from '../../../../components'
import { callFunction, fieldErrors } from '../../../../services/call-function'
import { t as common, useStrings } from '../../../../services/i18n'
import { forgetMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'

export default function Join() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('join.title'))
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
    toastDone(t('join.toast'))
  }

  if (granted) {
    return (
      <Page title={t('join.done')}>
        <Card>
          <View className="l-row__title">{t('join.now', { role: granted.roleLabel })}</View>
          <View className="l-row__sub">{granted.unit.fullName}</View>
        </Card>
        <Button onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>{t('join.home')}</Button>
      </Page>
    )
  }

  return (
    <Page title={t('join.title')} intro={t('join.intro')}>
      <Card>
        <Field
          label={t('join.code')}
          value={code}
          onChange={(v) => setCode(v.toUpperCase().replace(/\s+/g, ''))}
          placeholder={t('join.ph')}
          maxlength={8}
          error={error}
          hint={t('join.hint')}
        />
        <Button
          loading={redeem.pending}
          loadingText={t('join.submitting')}
          disabled={!code}
          onClick={() => void submit()}
        >
          {common('ui.ok')}
        </Button>
      </Card>
    </Page>
  )
}
