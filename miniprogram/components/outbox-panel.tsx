import { View } from '@tarojs/components'
import type { OutboxItem } from '../services/outbox-core'
import { labelOf, outbox, useOutbox } from '../services/outbox'
import { fmt, t } from '../services/i18n'
import { Button } from './button'
import { ConfirmButton } from './confirm-button'
import { Tag } from './tag'

/**
 * What waits on this phone to be sent: "待发送 N 条", each item with its state and reason in plain words, and
 * 重试 / 停止上传 / 删除 for one. Shows nothing when the outbox is empty. `filter` narrows it to one page's items.
 */
export function OutboxPanel(props: {
  filter?: (item: OutboxItem) => boolean
  /** the page's own words for what waits ("2 条打卡等待上传"); by default "待发送 N 条" */
  heading?: (n: number) => string
}) {
  const { items, progress, busy } = useOutbox()
  const shown = props.filter ? items.filter(props.filter) : items
  if (!shown.length) return null
  return (
    <View className="l-card l-outbox" data-testid="outbox">
      <View className="l-outbox__head">
        <Tag tone="warning">
          {props.heading ? props.heading(shown.length) : t('ui.outbox_pending', { n: shown.length })}
        </Tag>
        <Button
          kind="secondary"
          size="small"
          inline
          loading={busy}
          loadingText={t('ui.outbox_sending')}
          onClick={() => void outbox.flush({ force: true })}
        >
          {t('ui.outbox_send_now')}
        </Button>
      </View>
      <View className="l-row__sub">{t('ui.outbox_note')}</View>
      {shown.map((item) => {
        const blocked = outbox.blockedBy(item)
        const reason = blocked ?? item.reason
        const p = progress?.id === item.id ? progress : null
        return (
          <View key={item.id} className="l-list__item l-outbox__item">
            <View className="l-row__title">{labelOf(item)}</View>
            <View className="l-row__sub">
              <Tag tone={item.state === 'failed' ? 'danger' : item.state === 'sending' ? 'info' : 'warning'}>
                {item.state === 'failed'
                  ? t('ui.outbox_failed')
                  : item.state === 'sending'
                    ? t('ui.outbox_sending')
                    : t('ui.outbox_waiting')}
              </Tag>
              {` ${fmt.dateTime(item.createdAt)}`}
              {item.attempts ? ` · ${t('ui.outbox_tries', { n: item.attempts })}` : ''}
            </View>
            {reason ? <View className="l-row__sub l-outbox__reason">{reason.message}</View> : null}
            {p ? (
              <View className="l-photo__progress" aria-label={t('ui.upload_progress')}>
                <View>
                  {p.of > 1
                    ? t('ui.uploading_n', { n: p.n, of: p.of, percent: p.percent })
                    : t('ui.uploading', { percent: p.percent })}
                </View>
                <View className="l-progress">
                  <View className="l-progress__bar" style={{ width: `${p.percent}%` }} />
                </View>
              </View>
            ) : null}
            <View className="l-outbox__actions">
              {item.state === 'sending' ? (
                <Button kind="secondary" size="small" inline onClick={() => outbox.cancel(item.id)}>
                  {t('ui.outbox_stop')}
                </Button>
              ) : (
                <Button kind="secondary" size="small" inline onClick={() => void outbox.retry(item.id)}>
                  {t('ui.retry')}
                </Button>
              )}
              <ConfirmButton
                kind="danger"
                size="small"
                inline
                confirm={t('ui.outbox_delete_confirm')}
                onConfirm={() => void outbox.remove(item.id)}
              >
                {t('ui.remove')}
              </ConfirmButton>
            </View>
          </View>
        )
      })}
    </View>
  )
}
