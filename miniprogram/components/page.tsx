import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PrivacyConsent } from './privacy-consent'

export function Page(props: { title?: string; intro?: string; children?: ReactNode }) {
  return (
    <View className="l-page">
      {props.title ? <View className="l-page__title">{props.title}</View> : null}
      {props.intro ? <View className="l-page__intro">{props.intro}</View> : null}
      {props.children}
      <PrivacyConsent />
    </View>
  )
}
