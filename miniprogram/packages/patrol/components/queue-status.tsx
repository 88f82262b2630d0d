import { View } from '@tarojs/components'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { Button, Tag } from '../../../components'
import { flush, installAutoSync, pendingCount, subscribe } from '../services/queue'

/** How many check-ins wait on this phone for a signal, and a button to send them now. */
export function QueueStatus({ onSynced }: { onSynced?: () => void }) {
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
        <Tag tone="success">打卡都已上传</Tag>
      </View>
    )
  return (
    <View className="patrol-queue">
      <Tag tone="warning">{`${count} 条打卡等待上传`}</Tag>
      <View className="l-row__sub">没有信号也没关系，打卡已存在手机里，有网络后会自动上传。</View>
      <Button
        kind="secondary"
        size="small"
        loading={sending}
        loadingText="正在上传…"
        onClick={() => {
          setSending(true)
          void flush().finally(() => setSending(false))
        }}
      >
        立即上传
      </Button>
    </View>
  )
}
