import { View } from '@tarojs/components'
import { Button } from './button'
import { t } from '../services/i18n'

/** A failed load, in the page: the message from the server or network, and a way to try again. */
export function ErrorBlock(props: { message: string; onRetry?: () => void }) {
  return (
    <View className="l-error">
      <View>{props.message}</View>
      {props.onRetry ? (
        <Button kind="secondary" size="small" onClick={props.onRetry}>
          {t('ui.retry')}
        </Button>
      ) : null}
    </View>
  )
}
