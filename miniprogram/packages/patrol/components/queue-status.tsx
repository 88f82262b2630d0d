import { View } from '@tarojs/components'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { Button, Tag } from '../../../components'
import { useStrings } from '../../../services/i18n'
import { QUEUE } from '../patrol.strings'
import { flush, installAutoSync, pendingCount, subscribe } from '../services/queue'

/** How many check-ins wait on this phone for a signal, and a button to send them now. */
export function QueueStatus({ onSynced }: { onSynced?: () => void }) {
  const t = useStrings(QUEUE)
  const count = useSyncExternalStore(subscribe, pendingCount)
  const [sending, setSending] = useState(false)
  useEffect(() => installAutoSync(), [])
  useEffect(
    () =>
      subscribe((n) => {
        if (n === 0) onSynced?.()
      }),
    [onSynced],
  )
  if (!count)
    return (
      <View className="patrol-queue patrol-queue--empty">
        <Tag tone="success">{t('all_sent')}</Tag>
      </View>
    )
  return (
    <View className="patrol-queue">
      <Tag tone="warning">{t('waiting', { n: count })}</Tag>
      <View className="l-row__sub">{t('offline_note')}</View>
      <Button
        kind="secondary"
        size="small"
        loading={sending}
        loadingText={t('sending')}
        onClick={() => {
          setSending(true)
          void flush().finally(() => setSending(false))
        }}
      >
        {t('send_now')}
      </Button>
    </View>
  )
}
