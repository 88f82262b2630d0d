import { View } from '@tarojs/components'
import { useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { ReviewItem } from '@shared/patrol/patrol.schema'
import { formatBj } from '@shared/time/beijing'
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
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged } from '../../../../services/use-call'
import { UnitChoice } from '../../components/unit-choice'

/** Flagged check-ins: why they were flagged, where the phone was; accept or reject with a reason (kept). */
export default function Review() {
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
        <Empty title="您不审核打卡" />
      </Page>
    )
  return (
    <Page title="审核存疑打卡" intro="这些打卡没通过自动检查。看清原因和位置，写明理由后决定。决定会留痕，不能改。">
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
        emptyTitle="没有待审核的打卡"
        emptyText="存疑的打卡会出现在这里。"
        renderItem={(item) => <ReviewCard item={item} onDone={list.reload} />}
      />
    </Page>
  )
}

function ReviewCard({ item, onDone }: { item: ReviewItem; onDone: () => void }) {
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
      <View className="l-row__sub">{`${item.teamName} · ${item.routeName} · ${item.day} ${item.shiftName}`}</View>
      <View className="l-row__sub">{`打卡时间 ${formatBj(item.at, 'MM-DD HH:mm')}${item.late ? '（离线补传）' : ''}`}</View>
      <View>
        {item.flags.map((f) => (
          <Tag key={f.code} tone="warning">
            {f.label}
          </Tag>
        ))}
      </View>
      <View className="l-row__sub">{`距点位 ${Math.round(item.distanceM)} 米 · 定位精度 ${Math.round(item.accuracyM)} 米`}</View>
      {item.location ? (
        <View className="l-row__sub">{`手机位置 ${item.location.lat.toFixed(5)}, ${item.location.lng.toFixed(5)}`}</View>
      ) : null}
      <Field
        label="理由"
        value={reason}
        onChange={setReason}
        placeholder="如：市场里信号差，队长同行"
        maxlength={200}
      />
      <Button
        size="small"
        inline
        disabled={reason.trim().length < 2}
        loading={decide.pending}
        onClick={() => run('accept')}
      >
        通过
      </Button>
      <Button
        size="small"
        inline
        kind="danger"
        disabled={reason.trim().length < 2}
        loading={decide.pending}
        onClick={() => run('reject')}
      >
        不通过
      </Button>
    </Card>
  )
}
