import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export function Empty(props: { title: string; text?: string; mark?: string; children?: ReactNode }) {
  return (
    <View className="l-empty">
      <View className="l-empty__mark">{props.mark ?? '○'}</View>
      <View className="l-empty__title">{props.title}</View>
      {props.text ? <View className="l-empty__text">{props.text}</View> : null}
      {props.children}
    </View>
  )
}
