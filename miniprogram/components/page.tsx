import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PrivacyConsent } from './privacy-consent'
import { t } from '../services/i18n'
import { useOnline } from '../services/network'

export function Page(props: { title?: string; intro?: string; children?: ReactNode }) {
  const online = useOnline()
  return (
    <View className="l-page">
      {online ? null : (
        <View className="l-offline" role="status" data-testid="offline">
          {t('ui.offline_banner')}
        </View>
      )}
      {props.title ? <View className="l-page__title">{props.title}</View> : null}
      {props.intro ? <View className="l-page__intro">{props.intro}</View> : null}
      {props.children}
      <PrivacyConsent />
    </View>
  )
}
