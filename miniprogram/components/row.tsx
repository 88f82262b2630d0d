import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** One line of a list: title, optional second line, and an arrow when it leads somewhere. */
export function Row(props: {
  title: ReactNode
  sub?: ReactNode
  extra?: ReactNode
  arrow?: boolean
  onClick?: () => void
}) {
  return (
    <View className="l-row l-list__item" hoverClass={props.onClick ? 'l-btn--hover' : 'none'} onClick={props.onClick}>
      <View className="l-row__main">
        <View className="l-row__title">{props.title}</View>
        {props.sub ? <View className="l-row__sub">{props.sub}</View> : null}
      </View>
      {props.extra}
      {props.arrow ? <View className="l-row__arrow">›</View> : null}
    </View>
  )
}
