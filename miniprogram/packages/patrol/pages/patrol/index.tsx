import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { PATROL } from '@shared/patrol/patrol.messages'
import { PATROL_LIMITS, parseCode } from '@shared/patrol/patrol.rules'
import type { PatrolView } from '@shared/patrol/patrol.schema'
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
import { fmt, useStrings } from '../../../../services/i18n'
import { usePageTitle } from '../../components/page-title'
import { QueueStatus } from '../../components/queue-status'
import { UnitChoice } from '../../components/unit-choice'
import { PATROL_PAGE, PATROL_UI } from '../../patrol.strings'
import { currentFix } from '../../services/location'
import {
  enqueue,
  keepView,
  keptView,
  pending,
  queuePatrolWrite,
  syncOutcome,
  type SyncOutcome,
} from '../../services/queue'
import { patrolIdOf } from '../../services/target'
import { outbox, useOutbox, type Queued } from '../../../../services/outbox'
import { t as common } from '../../../../services/i18n'
import '../../components/patrol.css'

/** The checkpoints the patrol names (still to check, or checked), by id: a queued check-in is shown by its name. */
function checkpointNamesOf(view: PatrolView | null): Map<string, string> {
  if (!view) return new Map()
  return new Map([
    ...view.progress.remaining.map((r) => [r.id, r.name] as const),
    ...view.checkins.map((c) => [c.checkpointId, c.checkpointName] as const),
  ])
}

/** How many of the route's checkpoints the patrol must count to earn hours and points. */
function needed(view: PatrolView): number {
  return Math.ceil((view.coveragePct * view.progress.total) / 100)
}

/** A write through the outbox with a pending flag for its button (a second tap while it is kept is ignored). */
function useQueued<I>(send: (input: I) => Promise<Queued>): { run: (input: I) => Promise<Queued>; pending: boolean } {
  const [pending, setPending] = useState(false)
  return {
    pending,
    run: async (input) => {
      setPending(true)
      try {
        return await send(input)
      } finally {
        setPending(false)
      }
    },
  }
}

/**
 * One patrol: progress, check-in by scan or typed code with a position fix, hazards, finish. Works offline, even
 * started offline: the page's id is then the start's ref (services/target.ts) until the start is sent, and what it
 * shows comes from the kept shift.
 */
export default function PatrolPage() {
  const t = useStrings(PATROL_PAGE)
  const ui = useStrings(PATROL_UI)
  const words = useStrings(PATROL)
  usePageTitle(t('title'))
  const id = useRouter().params.id ?? ''
  // the patrol's id: the page's own, or the one its start waiting on the phone got when sent (null until then;
  // the view kept under the start's ref says it once the outbox no longer keeps the answer)
  const resolve = (): string | null => {
    const real = patrolIdOf(id, outbox)
    const k = real === id ? keptView(id) : null
    return k && k.id !== id ? k.id : real
  }
  const [patrolId, setPatrolId] = useState(resolve)
  const cached = () => {
    const real = resolve()
    return (real ? keptView(real) : null) ?? keptView(id)
  }
  const [view, setView] = useState<PatrolView | null>(cached)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [last, setLast] = useState<string | null>(null)
  const mine = (q: { patrolId: string }) => q.patrolId === id || (patrolId !== null && q.patrolId === patrolId)
  // re-rendered on every change of the outbox
  useOutbox()
  const waiting = pending().filter(mine)
  const [hazard, setHazard] = useState('')
  const [hazardGrid, setHazardGrid] = useState<string | null>(null)
  // the finish and hazards go through the outbox too, after the check-ins queued before them
  // the finish and hazards go through the outbox too, after the check-ins (and a start) queued before them
  // the finish keeps the time of the tap: sent later with no signal, the patrol still ends when it ended
  const finish = useQueued((input: { patrolId: string }) =>
    queuePatrolWrite('finishPatrol', id, { ...input, deviceAt: Date.now() }),
  )
  const report = useQueued(
    (input: { patrolId: string; text: string; gridId: string | null; position: { lat: number; lng: number } | null }) =>
      queuePatrolWrite('reportHazard', id, input, input.text.slice(0, 16)),
  )

  const load = useCallback(() => {
    // after the outbox is read from storage: it says whether this page's start still waits
    void outbox.ready().then(async () => {
      const real = resolve()
      setPatrolId(real)
      // started with no signal and not sent yet: what the kept shift says
      if (!real) return void setView(keptView(id))
      const r = await callFunction(patrolContract, 'getPatrol', { patrolId: real })
      if (r.ok) {
        setView(r.data)
        setLoadError(null)
        keepView(real, r.data)
        if (real !== id) keepView(id, r.data)
      } else if (r.code !== 'COMMON.NETWORK' || !cached()) setLoadError(r.message)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  useDidShow(load)
  // the start waiting on the phone is sent: the patrol has its id, read it
  useEffect(() => outbox.onOutcome((o) => (o.id === id && o.ok ? load() : undefined)), [id, load])

  const describe = (o: SyncOutcome): string => {
    if (!o.ok) return o.message
    const c = o.data.checkin
    if (o.data.repeat) return t('repeat', { name: c.checkpointName })
    return c.status === 'flagged'
      ? t('flagged', { name: c.checkpointName, flags: c.flags.map((f) => f.label).join(ui('sep')) })
      : t('done', { name: c.checkpointName })
  }

  const checkIn = async (raw: string) => {
    const parsed = parseCode(raw)
    if (!parsed) {
      setLast(t('no_code'))
      // the message stays beside the button too: a dialog the platform refuses must not lose it
      showError(t('no_code')).catch(() => undefined)
      return
    }
    setBusy(true)
    try {
      let fix
      try {
        fix = await currentFix()
      } catch (e) {
        setLast((e as Error).message)
        showError((e as Error).message).catch(() => undefined)
        return
      }
      const others: SyncOutcome[] = []
      const stop = outbox.onOutcome((o) => {
        if (o.kind === 'patrol.checkIn') others.push(syncOutcome(o))
      })
      const queued = await enqueue({
        patrolId: id,
        checkpointName: checkpointNamesOf(view).get(parsed.checkpointId),
        code: parsed.code,
        position: { lat: fix.lat, lng: fix.lng },
        accuracyM: fix.accuracyM,
      }).finally(stop)
      if ('error' in queued) {
        setLast(queued.error)
        showError(queued.error).catch(() => undefined)
        return
      }
      setTyped('')
      const mine = queued.outcome
      if (!mine) {
        setLast(t('offline_saved'))
        toast(t('offline_toast'))
      } else if (mine.ok) {
        setLast(describe(mine))
        if (mine.data.checkin.status === 'flagged') toast(describe(mine))
        else toastDone(t('done_toast'))
      } else {
        setLast(mine.message)
        showError(mine.message, t('failed_title')).catch(() => undefined)
      }
      for (const o of others) if (o.requestId !== queued.requestId && !o.ok) toast(o.message)
      load()
    } finally {
      setBusy(false)
    }
  }

  if (!view) return <Page>{loadError ? <ErrorBlock message={loadError} onRetry={load} /> : <Loading />}</Page>

  const names = checkpointNamesOf(view)
  const waitingIds = new Set(waiting.map((q) => parseCode(q.code)?.checkpointId))
  const remaining = view.progress.remaining.filter((r) => !waitingIds.has(r.id))
  const active = view.status === 'active'
  const need = needed(view)
  const times = `${fmt.time(view.windowStart)}–${fmt.time(view.windowEnd)}`
  return (
    <Page title={`${view.shiftName} · ${view.routeName}`} intro={`${view.teamName} · ${fmt.day(view.day)} ${times}`}>
      <QueueStatus onSynced={load} patrolId={id} />
      {!patrolId ? (
        <View className="l-row__sub patrol-start-waiting">
          {t('start_waiting', { time: fmt.time(view.startedAt) })}
        </View>
      ) : view.startReceivedAt - view.startedAt > PATROL_LIMITS.lateAfterMs ? (
        <View className="l-row__sub">
          {t('started_offline', { start: fmt.time(view.startedAt), received: fmt.time(view.startReceivedAt) })}
        </View>
      ) : null}
      <Card title={t('progress')} extra={<Tag tone={active ? 'info' : 'success'}>{view.statusLabel}</Tag>}>
        <View className="patrol-progress">{`${view.progress.done}/${view.progress.total}`}</View>
        <View className="l-row__sub">
          {t('progress_line', { done: view.progress.done, total: view.progress.total })}
          {waiting.length ? t('waiting_more', { n: waiting.length }) : ''}
        </View>
        {remaining.length ? (
          <View className="l-row__sub">{t('remaining', { names: remaining.map((r) => r.name).join(ui('sep')) })}</View>
        ) : null}
        {active ? <View className="l-row__sub">{t('need', { need })}</View> : null}
      </Card>
      {view.credit ? (
        <Card
          title={t('credit_title')}
          extra={
            <Tag
              tone={
                view.credit.status === 'credited' ? 'success' : view.credit.status === 'pending' ? 'warning' : 'danger'
              }
            >
              {view.credit.statusLabel}
            </Tag>
          }
        >
          <View className="l-row__sub">
            {view.minutes !== null ? t('minutes', { n: fmt.number(view.minutes, 0) }) : ''}
            {view.credit.status === 'credited' ? ` · ${t('credited')}` : ''}
          </View>
          <View className="l-row__sub">
            {words('patrol.coverage', {
              counted: view.credit.counted,
              total: view.credit.total,
              pct: view.credit.thresholdPct,
            })}
          </View>
          {view.credit.reasons.map((r) => (
            <Tag key={r.code} tone={r.code === 'flagged_pending' ? 'warning' : 'danger'}>
              {r.label}
            </Tag>
          ))}
        </Card>
      ) : null}
      {active ? (
        <Card title={t('checkin_card')}>
          {IS_WEAPP ? (
            <Button
              loading={busy}
              loadingText={t('checking_in')}
              onClick={() => {
                void Taro.scanCode({ onlyFromCamera: true }).then(
                  (r) => checkIn(`${r.result ?? ''} ${r.path ?? ''}`),
                  () => undefined,
                )
              }}
            >
              {t('scan')}
            </Button>
          ) : null}
          <Field
            label={IS_WEAPP ? t('type_code_weapp') : t('type_code')}
            value={typed}
            onChange={setTyped}
            placeholder={t('code_placeholder')}
            maxlength={64}
          />
          <Button
            kind={IS_WEAPP ? 'secondary' : 'primary'}
            loading={busy}
            loadingText={t('checking_in')}
            disabled={!typed.trim()}
            onClick={() => void checkIn(typed)}
          >
            {t('checkin_card')}
          </Button>
          {last ? <View className="l-row__sub patrol-last">{last}</View> : null}
        </Card>
      ) : null}
      <Card title={t('records')}>
        {waiting.map((q) => {
          const cpId = parseCode(q.code)?.checkpointId ?? ''
          return (
            <View key={q.requestId} className="l-list__item">
              <View className="l-row__title">{q.checkpointName ?? names.get(cpId) ?? t('unknown_checkpoint')}</View>
              <Tag tone="warning">{t('queued')}</Tag>
              <View className="l-row__sub">{fmt.time(q.deviceAt)}</View>
            </View>
          )
        })}
        {view.checkins.map((c) => (
          <View key={c.id} className="l-list__item">
            <View className="l-row__title">{c.checkpointName}</View>
            <View className="l-row__sub">
              {[fmt.time(c.at), c.by, t('from_checkpoint', { m: fmt.number(c.distanceM, 0) }), c.late ? ui('late') : '']
                .filter(Boolean)
                .join(' · ')}
            </View>
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
        {!view.checkins.length && !waiting.length ? <View className="l-row__sub">{t('no_checkins')}</View> : null}
      </Card>
      {active ? (
        <Card title={t('hazard_card')}>
          <Field
            label={t('hazard_label')}
            value={hazard}
            onChange={setHazard}
            placeholder={t('hazard_placeholder')}
            maxlength={500}
          />
          <View className="l-field__label">{t('hazard_grid')}</View>
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
                  if (!r.ok) return void showError(r.message)
                  setHazard('')
                  if (!r.outcome) return void showError(common('ui.outbox_saved_offline'))
                  if (!r.outcome.ok) return void showError(r.outcome.message ?? '')
                  toastDone(t('hazard_sent'))
                  load()
                })
            }}
          >
            {t('report_hazard')}
          </Button>
          {view.hazards.map((h) => (
            <View key={h.id} className="l-row__sub">
              {`${fmt.time(h.at)} ${h.text}${h.incidentId ? t('hazard_linked') : ''}`}
            </View>
          ))}
        </Card>
      ) : null}
      {active ? (
        <ConfirmButton
          kind="primary"
          loading={finish.pending}
          loadingText={t('finishing')}
          confirm={
            !remaining.length
              ? t('confirm_all')
              : view.progress.done < need
                ? t('confirm_short', { n: remaining.length, need })
                : t('confirm_missed', { n: remaining.length })
          }
          confirmText={t('finish_ok')}
          onConfirm={() => {
            void finish.run({ patrolId: id }).then((r) => {
              if (!r.ok) return void showError(r.message)
              // no signal: it goes after the check-ins waiting before it, by itself
              if (!r.outcome) return void showError(common('ui.outbox_saved_offline'))
              if (!r.outcome.ok) return void showError(r.outcome.message ?? '')
              const done = r.outcome.data as PatrolView
              setView(done)
              keepView(done.id, done)
              toastDone(t('finished_toast'))
            })
          }}
        >
          {t('finish')}
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
