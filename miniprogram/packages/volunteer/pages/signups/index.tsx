import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import QRCode from 'qrcode'
import { Button, Card, Field, Page, PagedList, Row, Tag } from '../../../../components'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { callFunction, report, V, when } from '../../lib'

/** Organiser's view of a task: the check-in code to show, the sign-up list, and confirming each volunteer's hours. */
export default function Signups() {
  const taskId = useRouter().params.taskId ?? ''
  const code = useQuery(() => callFunction(V, 'getTaskCode', { taskId }), [taskId])
  const [qr, setQr] = useState<string | null>(null)
  useEffect(() => {
    if (code.data)
      void QRCode.toDataURL(code.data.code, { margin: 1, width: 240 })
        .then(setQr)
        .catch(() => setQr(null))
  }, [code.data])
  const list = usePaged((page) => callFunction(V, 'listSignups', { taskId, page, pageSize: 20 }), [taskId])
  const [hours, setHours] = useState<Record<string, string>>({})
  const [reason, setReason] = useState<Record<string, string>>({})
  const confirm = useAction((i: { id: string; attended: boolean; measured: number }, requestId) => {
    const typed = hours[i.id]?.trim()
    const h = typed ? Number(typed) : undefined
    return callFunction(
      V,
      'confirmAttendance',
      {
        signupId: i.id,
        attended: i.attended,
        ...(i.attended && h !== undefined && h !== i.measured ? { hours: h } : {}),
        reason: reason[i.id] ?? '',
      },
      { requestId },
    )
  })
  return (
    <Page title={code.data?.title ?? '报名名单'}>
      {code.data ? (
        <Card title="签到码（请志愿者扫码签到、签退）">
          {qr ? <Image src={qr} style={{ width: '240px', height: '240px' }} /> : null}
          <Text className="l-page__intro vt-code" userSelect>
            {code.data.code}
          </Text>
        </Card>
      ) : null}
      <Card title="报名名单">
        <PagedList
          items={list.items}
          total={list.total}
          hasMore={list.hasMore}
          loading={list.loading}
          error={list.error?.message}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          keyOf={(s) => s.id}
          renderItem={(s) => (
            <View className="l-list__item">
              <Row
                title={`${s.seq}. ${s.name}`}
                sub={`${s.phoneMasked ?? ''} ${s.waitPosition ? `候补第 ${s.waitPosition} 位` : ''} ${s.checkInAt ? `签到 ${when(s.checkInAt)}` : '未签到'}${s.checkOutAt ? ` 签退 ${when(s.checkOutAt)}` : ''} · 实测 ${s.measuredHours} 小时`}
                extra={
                  <Tag tone={s.attendance === 'attended' ? 'success' : s.status === 'confirmed' ? 'info' : 'plain'}>
                    {s.status !== 'confirmed'
                      ? s.statusLabel
                      : s.attendance === 'attended'
                        ? `${s.confirmedHours} 小时`
                        : s.attendanceLabel}
                  </Tag>
                }
              />
              {s.status === 'confirmed' && s.attendance === 'pending' ? (
                <View>
                  <Field
                    label="确认时长（小时）"
                    value={hours[s.id] ?? String(s.measuredHours)}
                    onChange={(v) => setHours({ ...hours, [s.id]: v })}
                    type="digit"
                  />
                  <Field
                    label="与实测不同的原因"
                    value={reason[s.id] ?? ''}
                    onChange={(v) => setReason({ ...reason, [s.id]: v })}
                    placeholder="时长与签到不同时必填"
                  />
                  <Button
                    size="small"
                    loading={confirm.pending}
                    onClick={() =>
                      void report(confirm.run({ id: s.id, attended: true, measured: s.measuredHours }), '已确认').then(
                        (r) => r && list.reload(),
                      )
                    }
                  >
                    确认时长
                  </Button>
                  <Button
                    size="small"
                    kind="secondary"
                    loading={confirm.pending}
                    onClick={() =>
                      void report(confirm.run({ id: s.id, attended: false, measured: 0 }), '已记为未到').then(
                        (r) => r && list.reload(),
                      )
                    }
                  >
                    未到
                  </Button>
                </View>
              ) : null}
            </View>
          )}
          emptyTitle="还没有人报名"
        />
      </Card>
    </Page>
  )
}
