import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { OutboxPanel, Tag } from '../../../components'
import { outbox, useOutbox } from '../../../services/outbox'
import { useStrings } from '../../../services/i18n'
import { QUEUE } from '../patrol.strings'
import { adoptLegacyQueue } from '../services/queue'

/** What patrol work waits on this phone for a signal (the outbox's patrol items), with retry and delete. */
export function QueueStatus({ onSynced, patrolId }: { onSynced?: () => void; patrolId?: string }) {
  const t = useStrings(QUEUE)
  const { items } = useOutbox()
  const mine = (i: { fn: string; group?: string }) => i.fn === 'patrol' && (!patrolId || i.group === patrolId)
  const count = items.filter(mine).length
  useEffect(() => void adoptLegacyQueue(), [])
  useEffect(
    () =>
      outbox.onOutcome((o) => {
        if (o.kind.startsWith('patrol.') && !outbox.snapshot().items.some(mine)) onSynced?.()
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onSynced, patrolId],
  )
  if (!count)
    return (
      <View className="patrol-queue patrol-queue--empty">
        <Tag tone="success">{t('all_sent')}</Tag>
      </View>
    )
  // only check-ins waiting: said in patrol's own words; with a hazard or a finish among them, the outbox's
  const onlyCheckins = items.filter(mine).every((i) => i.kind === 'patrol.checkIn')
  return <OutboxPanel filter={mine} heading={onlyCheckins ? (n) => t('waiting', { n }) : undefined} />
}
