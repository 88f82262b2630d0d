import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Button, Card, Field, Page, PagedList, Row, Tag } from '../../../../components'
import { useStrings } from '../../../../services/i18n'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { callFunction, listOf, report, useNow, usePageTitle, V, when } from '../../lib'
import { SIGNUPS, WORDS } from '../../volunteer.strings'

/**
 * The organiser's check-in code of this minute, as the QR image the function drew and as text, with the seconds it
 * has left; fetched again when it turns (the server's code changes every minute, so a photo of it soon stops working).
 */
function CheckinCode(props: { taskId: string; onTitle: (title: string) => void }) {
  const t = useStrings(SIGNUPS)
  // the phone's time when the code arrived: its seconds left count down from then
  const code = useQuery(async () => {
    const r = await callFunction(V, 'getTaskCode', { taskId: props.taskId })
    return r.ok ? { ok: true as const, data: { ...r.data, receivedAt: Date.now() } } : r
  }, [props.taskId])
  const now = useNow(1_000)
  const { onTitle } = props
  useEffect(() => {
    if (!code.data) return
    onTitle(code.data.title)
  }, [code.data, onTitle])
  const left = code.data ? code.data.secondsLeft - Math.floor((now - code.data.receivedAt) / 1000) : null
  const { reload, loading } = code
  useEffect(() => {
    if (left !== null && left <= 0 && !loading) reload()
  }, [left, loading, reload])
  if (!code.data) return null
  const text = code.data.code
  return (
    <Card title={t('code_card')}>
      <Image src={code.data.qrDataUrl} data-testid="checkin-qr" style={{ width: '240px', height: '240px' }} />
      <Text className="l-page__intro vt-code" userSelect>
        {`${text.slice(0, 4)} ${text.slice(4)}`}
      </Text>
      <View className="l-page__intro">
        {t('code_left', { n: Math.max(0, left ?? 0) })} {t('code_why')}
      </View>
    </Card>
  )
}

/** Organiser's view of a task: the check-in code to show, the sign-up list, and confirming each volunteer's hours. */
export default function Signups() {
  const t = useStrings(SIGNUPS)
  const w = useStrings(WORDS)
  usePageTitle(t('title'))
  const taskId = useRouter().params.taskId ?? ''
  const [title, setTitle] = useState<string | null>(null)
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
    <Page title={title ?? t('title')}>
      <CheckinCode taskId={taskId} onTitle={setTitle} />
      <Card title={t('title')}>
        <PagedList
          {...listOf(list, { total: true })}
          keyOf={(s) => s.id}
          renderItem={(s) => (
            <View className="l-list__item">
              <Row
                title={`${s.seq}. ${s.name}`}
                sub={[
                  s.phoneMasked ?? '',
                  s.waitPosition ? t('wait', { n: s.waitPosition }) : '',
                  `${s.checkInAt ? t('in_at', { at: when(s.checkInAt) }) : t('not_in')}${s.checkOutAt ? t('out_at', { at: when(s.checkOutAt) }) : ''} · ${t('measured', { hours: s.measuredHours })}`,
                ]
                  .filter(Boolean)
                  .join(' ')}
                extra={
                  <Tag tone={s.attendance === 'attended' ? 'success' : s.status === 'confirmed' ? 'info' : 'plain'}>
                    {s.status !== 'confirmed'
                      ? s.statusLabel
                      : s.attendance === 'attended'
                        ? w('hours', { hours: s.confirmedHours ?? 0 })
                        : s.attendanceLabel}
                  </Tag>
                }
              />
              {s.status === 'confirmed' && s.attendance === 'pending' ? (
                <View>
                  <Field
                    label={t('confirm_hours')}
                    value={hours[s.id] ?? String(s.measuredHours)}
                    onChange={(v) => setHours({ ...hours, [s.id]: v })}
                    type="digit"
                  />
                  <Field
                    label={t('reason')}
                    value={reason[s.id] ?? ''}
                    onChange={(v) => setReason({ ...reason, [s.id]: v })}
                    placeholder={t('reason_ph')}
                  />
                  <Button
                    size="small"
                    loading={confirm.pending}
                    onClick={() =>
                      void report(
                        confirm.run({ id: s.id, attended: true, measured: s.measuredHours }),
                        t('confirmed'),
                      ).then((r) => r && list.reload())
                    }
                  >
                    {t('confirm')}
                  </Button>
                  <Button
                    size="small"
                    kind="secondary"
                    loading={confirm.pending}
                    onClick={() =>
                      void report(confirm.run({ id: s.id, attended: false, measured: 0 }), t('marked_absent')).then(
                        (r) => r && list.reload(),
                      )
                    }
                  >
                    {t('absent')}
                  </Button>
                </View>
              ) : null}
            </View>
          )}
          emptyTitle={t('empty')}
        />
      </Card>
    </Page>
  )
}
