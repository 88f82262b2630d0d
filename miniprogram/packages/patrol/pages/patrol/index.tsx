import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { parseCode } from '@shared/patrol/patrol.rules'
import type { PatrolView } from '@shared/patrol/patrol.schema'
import { formatBj } from '@shared/time/beijing'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Field,
  Loading,
  Page,
  Tag,
  showError,
  toast,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { useAction } from '../../../../services/use-call'
import { QueueStatus } from '../../components/queue-status'
import { UnitChoice } from '../../components/unit-choice'
import { currentFix } from '../../services/location'
import { enqueue, flush, pending, subscribe, type SyncOutcome } from '../../services/queue'
import '../../components/patrol.css'

const cacheKey = (id: string) => `linli.patrol.view.${id}`

function cached(id: string): PatrolView | null {
  try {
    const v: unknown = Taro.getStorageSync(cacheKey(id))
    return v && typeof v === 'object' ? (v as PatrolView) : null
  } catch {
    return null
  }
}

/** One patrol: progress, check-in by scan or typed code with a position fix, hazards, finish. Works offline. */
export default function PatrolPage() {
  const id = useRouter().params.id ?? ''
  const [view, setView] = useState<PatrolView | null>(() => cached(id))
  const [loadError, setLoadError] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [last, setLast] = useState<string | null>(null)
  const [waiting, setWaiting] = useState(() => pending().filter((q) => q.patrolId === id))
  const [hazard, setHazard] = useState('')
  const [hazardGrid, setHazardGrid] = useState<string | null>(null)
  const finish = useAction((input: { patrolId: string }, requestId: string) =>
    callFunction(patrolContract, 'finishPatrol', input, { requestId }),
  )
  const report = useAction(
    (
      input: { patrolId: string; text: string; gridId: string | null; position: { lat: number; lng: number } | null },
      requestId: string,
    ) => callFunction(patrolContract, 'reportHazard', input, { requestId }),
  )

  const load = useCallback(() => {
    void callFunction(patrolContract, 'getPatrol', { patrolId: id }).then((r) => {
      if (r.ok) {
        setView(r.data)
        setLoadError(null)
        Taro.setStorageSync(cacheKey(id), r.data)
      } else if (r.code !== 'COMMON.NETWORK' || !cached(id)) setLoadError(r.message)
    })
  }, [id])
  useDidShow(load)
  useEffect(() => subscribe(() => setWaiting(pending().filter((q) => q.patrolId === id))), [id])

  const describe = (o: SyncOutcome): string => {
    if (!o.ok) return o.message
    const c = o.data.checkin
    if (o.data.repeat) return `${c.checkpointName} 已经打过卡了`
    return c.status === 'flagged'
      ? `${c.checkpointName} 已打卡，需队长审核：${c.flags.map((f) => f.label).join('、')}`
      : `${c.checkpointName} 打卡成功`
  }

  const checkIn = async (raw: string) => {
    const parsed = parseCode(raw)
    if (!parsed) {
      void showError('没有认出点位码。请对准点位上张贴的二维码，或核对输入的码。')
      return
    }
    setBusy(true)
    try {
      let fix
      try {
        fix = await currentFix()
      } catch (e) {
        void showError(e instanceof Error ? e.message : '暂时定不到位置')
        return
      }
      const queued = enqueue({
        patrolId: id,
        code: parsed.code,
        position: { lat: fix.lat, lng: fix.lng },
        accuracyM: fix.accuracyM,
      })
      setTyped('')
      const outcomes = await flush()
      const mine = outcomes.find((o) => o.requestId === queued.requestId)
      if (!mine) {
        setLast('没有信号：打卡已存在手机里，有网络后自动上传')
        toast('已离线保存，有信号后自动上传')
      } else if (mine.ok) {
        setLast(describe(mine))
        if (mine.data.checkin.status === 'flagged') toast(describe(mine))
        else toastDone('打卡成功')
      } else {
        setLast(mine.message)
        void showError(mine.message, '打卡没有成功')
      }
      for (const o of outcomes) if (o.requestId !== queued.requestId && !o.ok) toast(o.message)
      load()
    } finally {
      setBusy(false)
    }
  }

  if (!view) return <Page>{loadError ? <ErrorBlock message={loadError} onRetry={load} /> : <Loading />}</Page>

  const waitingIds = new Set(waiting.map((q) => parseCode(q.code)?.checkpointId))
  const remaining = view.progress.remaining.filter((r) => !waitingIds.has(r.id))
  const active = view.status === 'active'
  return (
    <Page
      title={`${view.shiftName} · ${view.routeName}`}
      intro={`${view.teamName} · ${view.day} ${formatBj(view.windowStart, 'HH:mm')}–${formatBj(view.windowEnd, 'HH:mm')}`}
    >
      <QueueStatus onSynced={load} />
      <Card title="进度" extra={<Tag tone={active ? 'info' : 'success'}>{view.statusLabel}</Tag>}>
        <View className="patrol-progress">{`${view.progress.done}/${view.progress.total}`}</View>
        <View className="l-row__sub">{`已打卡 ${view.progress.done} 个点位，共 ${view.progress.total} 个${waiting.length ? `（另有 ${waiting.length} 个等待上传）` : ''}`}</View>
        {remaining.length ? (
          <View className="l-row__sub">{`还剩：${remaining.map((r) => r.name).join('、')}`}</View>
        ) : null}
        {!active && view.minutes !== null ? (
          <View className="l-row__sub">{`巡逻时长 ${view.minutes} 分钟，已记入志愿服务时长`}</View>
        ) : null}
      </Card>
      {active ? (
        <Card title="打卡">
          {IS_WEAPP ? (
            <Button
              loading={busy}
              loadingText="正在打卡…"
              onClick={() => {
                void Taro.scanCode({ onlyFromCamera: true }).then(
                  (r) => checkIn(`${r.result ?? ''} ${r.path ?? ''}`),
                  () => undefined,
                )
              }}
            >
              扫码打卡
            </Button>
          ) : null}
          <Field
            label={IS_WEAPP ? '扫不出来？输入点位码' : '输入点位码'}
            value={typed}
            onChange={setTyped}
            placeholder="二维码下方的码，如 p1-…"
            maxlength={64}
          />
          <Button
            kind={IS_WEAPP ? 'secondary' : 'primary'}
            loading={busy}
            loadingText="正在打卡…"
            disabled={!typed.trim()}
            onClick={() => void checkIn(typed)}
          >
            打卡
          </Button>
          {last ? <View className="l-row__sub patrol-last">{last}</View> : null}
        </Card>
      ) : null}
      <Card title="打卡记录">
        {waiting.map((q) => (
          <View key={q.requestId} className="l-list__item">
            <View className="l-row__title">{`点位 ${parseCode(q.code)?.checkpointId ?? ''}`}</View>
            <Tag tone="warning">等待上传</Tag>
            <View className="l-row__sub">{formatBj(q.deviceAt, 'HH:mm:ss')}</View>
          </View>
        ))}
        {view.checkins.map((c) => (
          <View key={c.id} className="l-list__item">
            <View className="l-row__title">{c.checkpointName}</View>
            <View className="l-row__sub">{`${formatBj(c.at, 'HH:mm')} · ${c.by} · 距点位 ${Math.round(c.distanceM)} 米${c.late ? ' · 离线补传' : ''}`}</View>
            <Tag
              tone={
                c.status === 'ok' || c.status === 'accepted' ? 'success' : c.status === 'flagged' ? 'warning' : 'danger'
              }
            >
              {c.statusLabel}
            </Tag>
            {c.flags.map((f) => (
              <Tag key={f.code} tone="plain">
                {f.label}
              </Tag>
            ))}
          </View>
        ))}
        {!view.checkins.length && !waiting.length ? <View className="l-row__sub">还没有打卡</View> : null}
      </Card>
      {active ? (
        <Card title="发现隐患">
          <Field
            label="看到了什么"
            value={hazard}
            onChange={setHazard}
            placeholder="如：桥头护栏松动"
            maxlength={500}
          />
          <View className="l-field__label">在哪个网格</View>
          <UnitChoice options={view.grids} value={hazardGrid ?? view.grids[0]?.id ?? null} onChange={setHazardGrid} />
          <Button
            kind="secondary"
            loading={report.pending}
            disabled={hazard.trim().length < 2}
            onClick={() => {
              // the hazard's place: a fresh fix if there is one, else the server uses the last checkpoint
              void currentFix()
                .then(
                  (f) => ({ lat: f.lat, lng: f.lng }),
                  () => null,
                )
                .then((position) =>
                  report.run({
                    patrolId: id,
                    text: hazard.trim(),
                    gridId: hazardGrid ?? view.grids[0]?.id ?? null,
                    position,
                  }),
                )
                .then((r) => {
                  if (r.ok) {
                    setHazard('')
                    toastDone('已转为网格事件')
                    load()
                  } else void showError(r.message)
                })
            }}
          >
            上报隐患
          </Button>
          {view.hazards.map((h) => (
            <View
              key={h.id}
              className="l-row__sub"
            >{`${formatBj(h.at, 'HH:mm')} ${h.text}${h.incidentId ? '（已转为网格事件）' : ''}`}</View>
          ))}
        </Card>
      ) : null}
      {active ? (
        <ConfirmButton
          kind="primary"
          disabled={waiting.length > 0}
          loading={finish.pending}
          loadingText="正在结束…"
          confirm={
            remaining.length
              ? `还有 ${remaining.length} 个点位没打卡，结束后记为漏巡。确定结束吗？`
              : '所有点位都已打卡。结束后记下巡逻时长。'
          }
          confirmText="结束巡逻"
          onConfirm={() => {
            void finish.run({ patrolId: id }).then((r) => {
              if (r.ok) {
                setView(r.data)
                Taro.setStorageSync(cacheKey(id), r.data)
                toastDone('巡逻已结束')
              } else void showError(r.message)
            })
          }}
        >
          {waiting.length ? '请等打卡上传后再结束' : '结束巡逻'}
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
