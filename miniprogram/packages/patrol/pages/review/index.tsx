import { View } from '@tarojs/components'
import { useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { PATROL } from '@shared/patrol/patrol.messages'
import type { ReviewItem } from '@shared/patrol/patrol.schema'
import {
  Button,
  Card,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PagedList,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { UnitChoice } from '../../components/unit-choice'
import { PATROL_UI, REVIEW } from '../../patrol.strings'

/** Flagged check-ins: why they were flagged, where the phone was; accept or reject with a reason (kept). */
export default function Review() {
  const t = useStrings(REVIEW)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const villages = me ? unitsWith(me, 'checkin_review').filter((u) => u.level === 'village') : []
  const [picked, setPicked] = useState<string | null>(null)
  const villageId = picked ?? villages[0]?.id ?? null
  const list = usePaged<ReviewItem>(
    (page) => callFunction(patrolContract, 'listReviews', { villageId: villageId ?? '', page, pageSize: 20 }),
    [villageId],
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title={t('not_reviewer')} />
      </Page>
    )
  return (
    <Page title={t('title')} intro={t('intro')}>
      <UnitChoice options={villages} value={villageId} onChange={setPicked} />
      <PagedList
        items={list.items}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(i) => i.id}
        emptyTitle={t('empty_title')}
        emptyText={t('empty_text')}
        renderItem={(item) => <ReviewCard item={item} onDone={list.reload} />}
      />
    </Page>
  )
}

function ReviewCard({ item, onDone }: { item: ReviewItem; onDone: () => void }) {
  const t = useStrings(REVIEW)
  const ui = useStrings(PATROL_UI)
  const words = useStrings(PATROL)
  const [reason, setReason] = useState('')
  const decide = useAction(
    (input: { checkinId: string; decision: 'accept' | 'reject'; reason: string }, requestId: string) =>
      callFunction(patrolContract, 'reviewCheckin', input, { requestId }),
  )
  const run = (decision: 'accept' | 'reject') => {
    void decide.run({ checkinId: item.id, decision, reason: reason.trim() }).then((r) => {
      if (r.ok) {
        toastDone(r.data.statusLabel)
        onDone()
      } else void showError(r.message)
    })
  }
  return (
    <Card title={item.checkpointName} extra={item.by}>
      <View className="l-row__sub">{`${item.teamName} · ${item.routeName} · ${fmt.day(item.day)} ${item.shiftName}`}</View>
      <View className="l-row__sub">
        {[t('at', { time: `${fmt.shortDate(item.at)} ${fmt.time(item.at)}` }), item.late ? ui('late') : '']
          .filter(Boolean)
          .join(' · ')}
      </View>
      <View>
        {item.flags.map((f) => (
          <Tag key={f.code} tone="warning">
            {f.label}
          </Tag>
        ))}
      </View>
      <View className="l-row__sub">
        {t('distance', { m: fmt.number(item.distanceM, 0), acc: fmt.number(item.accuracyM, 0) })}
      </View>
      {item.location ? (
        <View className="l-row__sub">
          {t('phone_at', { lat: item.location.lat.toFixed(5), lng: item.location.lng.toFixed(5) })}
        </View>
      ) : null}
      <Field
        label={t('reason')}
        value={reason}
        onChange={setReason}
        placeholder={t('reason_placeholder')}
        maxlength={200}
      />
      <Button
        size="small"
        inline
        disabled={reason.trim().length < 2}
        loading={decide.pending}
        onClick={() => run('accept')}
      >
        {words('patrol.decision.accept')}
      </Button>
      <Button
        size="small"
        inline
        kind="danger"
        disabled={reason.trim().length < 2}
        loading={decide.pending}
        onClick={() => run('reject')}
      >
        {words('patrol.decision.reject')}
      </Button>
    </Card>
  )
}
