import { View } from '@tarojs/components'
import { fmt, t } from '../services/i18n'

/** How old the data on the page is: when it was last fetched, and plainly when there was no signal to fetch it. */
export function DataAge(props: { savedAt: number | null; offline: boolean }) {
  if (props.savedAt === null) return null
  const time = fmt.dateTime(props.savedAt)
  return (
    <View className={`l-row__sub l-data-age${props.offline ? ' l-data-age--offline' : ''}`} data-testid="data-age">
      {props.offline ? t('ui.data_offline', { time }) : t('ui.data_as_of', { time })}
    </View>
  )
}
