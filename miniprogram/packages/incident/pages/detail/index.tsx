import { Image, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import { MAX_PHOTOS, type IncidentView, type Rating } from '@shared/incident/incident.schema'
import type { PhotoView } from '@shared/files'
import { formatBj } from '@shared/time/beijing'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PhotoPicker,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, type CallResult } from '../../../../services/call-function'
import { useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import '../../incident.css'

const TRANSITION_LABELS = {
  accept: '受理',
  resolve: '办结',
  escalate: '上报上级（吹哨）',
  reject: '退回',
  feedback: '反馈处置结果',
  close: '依责销号',
} as const
type Simple = keyof typeof TRANSITION_LABELS

function Actions(props: { v: IncidentView; done: () => void }) {
  const { v } = props
  const [note, setNote] = useState('')
  const [dept, setDept] = useState<string | null>(null)
  const [days, setDays] = useState('3')
  const [score, setScore] = useState<number | null>(5)
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<PhotoView[]>([])
  const [uploading, setUploading] = useState(false)
  const { me } = useMe()
  const depts = useQuery(
    () =>
      v.actions.includes('dispatch')
        ? callFunction(incidentContract, 'listDepartments', { incidentId: v.id })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [v.id, v.actions.join()],
  )
  async function run(p: Promise<CallResult<unknown>>, ok: string) {
    setBusy(true)
    const r = await p
    setBusy(false)
    if (!r.ok) return void showError(r.message)
    setNote('')
    setPhotos([])
    toastDone(ok)
    props.done()
  }
  const simple = v.actions.filter((a): a is Simple => a in TRANSITION_LABELS)
  if (!v.actions.length) return null
  return (
    <Card title="处理">
      {simple.length || v.actions.includes('dispatch') ? (
        <Field label="说明" value={note} onChange={setNote} placeholder="写清楚做了什么、为什么" maxlength={500} />
      ) : null}
      {simple.length && me ? (
        <PhotoPicker
          label="现场照片（可不拍）"
          photos={photos}
          max={MAX_PHOTOS}
          userId={me.user.id}
          onChange={setPhotos}
          onBusyChange={setUploading}
        />
      ) : null}
      {simple.map((a) => {
        const send = () =>
          void run(
            callFunction(incidentContract, a, { incidentId: v.id, note, photos: photos.map((p) => p.fileId) }),
            TRANSITION_LABELS[a],
          )
        return a === 'reject' ? (
          <ConfirmButton
            key={a}
            kind="danger"
            loading={busy}
            disabled={uploading}
            confirmTitle="退回这件事？"
            confirm="退回后这件事就结束了，上报人会收到您写的理由。"
            confirmText="退回"
            onConfirm={send}
          >
            {TRANSITION_LABELS[a]}
          </ConfirmButton>
        ) : (
          <Button
            key={a}
            kind={a === 'escalate' ? 'secondary' : 'primary'}
            loading={busy}
            disabled={uploading}
            onClick={send}
          >
            {TRANSITION_LABELS[a]}
          </Button>
        )
      })}
      {v.actions.includes('dispatch') ? (
        <>
          <View className="l-field__label">派给部门</View>
          <View className="incident-chips">
            {(depts.data?.items ?? []).map((d) => (
              <Button
                key={d.id}
                size="small"
                inline
                kind={dept === d.id ? 'primary' : 'secondary'}
                onClick={() => setDept(d.id)}
              >
                {d.name}
              </Button>
            ))}
          </View>
          <Field label="办理时限（天）" type="number" value={days} onChange={setDays} />
          <Button
            loading={busy}
            disabled={!dept}
            onClick={() =>
              void run(
                callFunction(incidentContract, 'dispatch', {
                  incidentId: v.id,
                  departmentId: dept!,
                  deadlineDays: Number(days) || 0,
                  note,
                }),
                '已派单',
              )
            }
          >
            定责派单
          </Button>
        </>
      ) : null}
      {v.actions.includes('rate') ? (
        <View>
          <View className="l-field__label">您对处理结果满意吗？</View>
          {(['satisfied', 'basic', 'unsatisfied'] as Rating[]).map((r) => (
            <Button
              key={r}
              kind={r === 'unsatisfied' ? 'secondary' : 'primary'}
              loading={busy}
              onClick={() =>
                void run(
                  callFunction(incidentContract, 'rate', { incidentId: v.id, rating: r, comment: note }),
                  '谢谢您的评价',
                )
              }
            >
              {{ satisfied: '满意', basic: '基本满意', unsatisfied: '不满意，重新处理' }[r]}
            </Button>
          ))}
        </View>
      ) : null}
      {v.actions.includes('rateDepartment') ? (
        <>
          <PickerField
            label="部门响应评分（一哨一考核）"
            options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${n} 分` }))}
            value={score}
            onChange={setScore}
          />
          <Button
            kind="secondary"
            loading={busy}
            onClick={() =>
              void run(
                callFunction(incidentContract, 'rateDepartment', { incidentId: v.id, score: score ?? 5, comment: '' }),
                '已评价部门',
              )
            }
          >
            评价部门
          </Button>
        </>
      ) : null}
    </Card>
  )
}

export default function Detail() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(() => callFunction(incidentContract, 'get', { incidentId: id }), [id])
  if (!q.data) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  const v = q.data
  return (
    <Page title={`${v.categoryLabel}（${v.code}）`}>
      <Card>
        <View className="incident-status">
          <Tag tone={v.overdue ? 'danger' : v.open ? 'warning' : 'success'}>{v.statusLabel}</Tag>
          {v.overdue ? <Tag tone="danger">已超时</Tag> : null}
        </View>
        <View>{v.description}</View>
        <View className="incident-photos">
          {v.photos.map((p) => (
            <Image key={p.fileId} className="incident-photo" src={p.url} mode="aspectFill" />
          ))}
        </View>
        <Row title="网格" sub={v.area} />
        <Row title="上报人" sub={`${v.reporterName}${v.reporterPhone ? ` · ${v.reporterPhone}` : ''}`} />
        {v.location ? (
          <Row
            title="位置"
            sub={`${v.address ? `${v.address} · ` : ''}${v.location.lat.toFixed(5)}, ${v.location.lng.toFixed(5)}`}
          />
        ) : null}
        {!v.location && v.address ? <Row title="地址" sub={`${v.address}（未定位，按地址找）`} /> : null}
        <Row title="现在由" sub={v.handlerUnit.fullName} />
        {v.department ? (
          <Row
            title="承办部门"
            sub={`${v.department.name}${v.dispatchDeadline ? ` · 期限 ${formatBj(v.dispatchDeadline)}` : ''}`}
          />
        ) : null}
        {v.dueAt && v.open ? <Row title="本环节期限" sub={formatBj(v.dueAt)} /> : null}
        {v.ratingLabel ? <Row title="群众评价" sub={v.ratingLabel} /> : null}
        {v.rejectReason ? <Row title="退回理由" sub={v.rejectReason} /> : null}
      </Card>
      <Actions v={v} done={q.reload} />
      <Card title="处理经过">
        {v.timeline.map((t) => (
          <View key={t.seq} className="incident-event">
            <View className="incident-event__head">
              {t.actionLabel} · {t.statusLabel}
            </View>
            <View className="incident-event__meta">
              {formatBj(t.at)} · {t.unitName} {t.byName}
            </View>
            {t.note ? <View>{t.note}</View> : null}
            <View className="incident-photos">
              {t.photos.map((p) => (
                <Image key={p.fileId} className="incident-photo" src={p.url} mode="aspectFill" />
              ))}
            </View>
          </View>
        ))}
      </Card>
    </Page>
  )
}
