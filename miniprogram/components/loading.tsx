import { View } from '@tarojs/components'
import { t } from '../services/i18n'

export function Loading(props: { text?: string }) {
  return <View className="l-loading">{props.text ?? t('ui.loading')}</View>
}
