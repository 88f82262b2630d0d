import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export function Card(props: { title?: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <View className="l-card">
      {props.title ? (
        <View className="l-card__title">
          <View>{props.title}</View>
          {props.extra ? <View className="l-card__extra">{props.extra}</View> : null}
        </View>
      ) : null}
      {props.children}
    </View>
  )
}
