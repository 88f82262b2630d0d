import Taro from '@tarojs/taro'
import { Button as TaroButton, View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { Button, Card, Field, Page, showError, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { useStrings } from '../../../../services/i18n'
import { forgetMe, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { Waiting } from '../../components/waiting'

/**
 * 我是谁: a real name and a verified phone. In WeChat the phone comes from the phone-number button (its one-time
 * code is exchanged in the cloud function); in the local demo a typed number stands in for it (`demo:` codes,
 * accepted by the local host only). When the village's roster has the number, the person is in their household
 * at once.
 */
export default function Identity() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('id.title'))
  const { me, error, reload } = useMe()
  const [name, setName] = useState<string | null>(null)
  const [demoPhone, setDemoPhone] = useState('')
  const [outcome, setOutcome] = useState<'joined' | 'not_in_roster' | null>(null)
  const save = useAction((input: { name: string }, requestId: string) =>
    callFunction(accountContract, 'setProfile', input, { requestId }),
  )
  const verify = useAction((input: { phoneCode: string }, requestId: string) =>
    callFunction(accountContract, 'verifyPhone', input, { requestId }),
  )
  if (!me) return <Waiting error={error} onRetry={reload} />
  const shownName = name ?? (me.user.named ? me.user.name : '')
  const sendCode = async (phoneCode: string) => {
    const r = await verify.run({ phoneCode })
    if (!r.ok) return void showError(r.message)
    forgetMe()
    reload()
    setOutcome(r.data.householdId ? 'joined' : 'not_in_roster')
    toastDone(r.data.householdId ? t('id.joined') : t('id.saved'))
  }
  return (
    <Page title={t('id.title')} intro={t('id.intro')}>
      <Card title={t('id.name')}>
        <Field
          label={t('id.name')}
          value={shownName}
          onChange={setName}
          placeholder={t('id.name_ph')}
          hint={t('id.name_hint')}
          maxlength={20}
        />
        <Button
          loading={save.pending}
          disabled={!shownName.trim()}
          onClick={() =>
            void save.run({ name: shownName.trim() }).then((r) => {
              if (!r.ok) return void showError(r.message)
              forgetMe()
              reload()
              toastDone(t('id.saved'))
            })
          }
        >
          {t('id.save_name')}
        </Button>
      </Card>
      <Card title={t('id.phone')}>
        {me.user.phoneMasked ? (
          <View className="l-row__title">{t('id.phone_done', { phone: me.user.phoneMasked })}</View>
        ) : null}
        {IS_WEAPP ? (
          <TaroButton
            className="l-btn l-btn--primary"
            openType="getPhoneNumber"
            onGetPhoneNumber={(e) => {
              const code = (e.detail as { code?: string }).code
              if (code) void sendCode(code)
            }}
          >
            {verify.pending ? t('id.verifying') : t('id.verify')}
          </TaroButton>
        ) : (
          <View>
            <Field
              label={t('id.phone')}
              value={demoPhone}
              onChange={setDemoPhone}
              type="number"
              maxlength={11}
              hint={t('id.demo_hint')}
            />
            <Button
              loading={verify.pending}
              loadingText={t('id.verifying')}
              disabled={demoPhone.length !== 11}
              onClick={() => void sendCode(`demo:${demoPhone}`)}
            >
              {t('id.verify')}
            </Button>
          </View>
        )}
        {outcome === 'joined' ? <View className="l-row__title">{t('id.joined')}</View> : null}
        {outcome === 'not_in_roster' ? (
          <View>
            <View className="l-row__sub">{t('id.not_in_roster')}</View>
            <Button
              kind="secondary"
              onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/residence/index?join=1' })}
            >
              {t('id.go_residence')}
            </Button>
          </View>
        ) : null}
      </Card>
    </Page>
  )
}
