import { View } from '@tarojs/components'

export function Loading(props: { text?: string }) {
  return <View className="l-loading">{props.text ?? '正在加载…'}</View>
}
