import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { MyShift } from '@shared/patrol/patrol.schema'
import {
  Button,
  Card,
  DataAge,
  Empty,
  ErrorBlock,
  Loading,
  Page,
  Row,
  Tag,
  showError,
  toast,
} from '../../../../components'
import { useState } from 'react'
import { PATROL } from '@shared/patrol/patrol.messages'
import { readKept, type KeptRead } from '../../../../services/kept'
import { callFunction, type CallResult } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { hasPermission, useMe } from '../../../../services/me'
import { outbox, useOutbox } from '../../../../services/outbox'
import { useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { QueueStatus } from '../../components/queue-status'
import { SHIFTS } from '../../patrol.strings'
import { queueStart } from '../../services/queue'
import { waitingStart } from '../../services/target'
import '../../components/patrol.css'

/**
 * Kept shifts say whether a window was open when they were fetched; with no signal the phone's clock says whether
 * it is open now (a start made then is checked by the server against the same time when it arrives).
 */
function openByPhone<R extends CallResult<KeptRead<{ items: MyShift[] }>>>(r: R): R {
  if (!r.ok || !r.data.offline) return r
  const now = Date.now()
  const items = r.data.value.items.map((s) => ({ ...s, open: now >= s.window.start && now < s.window.end }))
  return { ...r, data: { ...r.data, value: { ...r.data.value, items } } }
}

/** The patrol hub: my shifts (start or continue a patrol), the offline queue, and the captain's tools. */
export default function Shifts() {
  const t = useStrings(SHIFTS)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const canPatrol = hasPermission(me, 'checkin_create')
  // kept on the phone: today's shifts show with no signal, with how old they are
  const kept = useQuery(
    () =>
      canPatrol
        ? readKept('patrol.shifts', () => callFunction(patrolContract, 'myShifts', {})).then(openByPhone)
        : Promise.resolve({ ok: true as const, data: { value: { items: [] }, savedAt: 0, offline: false } }),
    [canPatrol],
  )
  const shifts = { ...kept, data: kept.data?.value ?? null }
  const words = useStrings(PATROL)
  const [starting, setStarting] = useState<string | null>(null)
  // re-rendered when a start waiting on the phone is sent
  useOutbox()
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>

  const goTo = (id: string) => void Taro.navigateTo({ url: `/packages/patrol/pages/patrol/index?id=${id}` })
  // with no signal a start is kept at the phone's time and sent later (the server checks the window by that time)
  const open = (s: MyShift) => {
    if (s.patrol) return goTo(s.patrol.id)
    const waiting = waitingStart(s, outbox)
    if (waiting) return goTo(waiting.id)
    setStarting(s.shift.id)
    void queueStart(s, words('patrol.status.active'))
      .then((r) => {
        if ('error' in r) return void showError(r.error)
        if (!r.outcome) {
          toast(t('started_offline'))
          return goTo(r.ref)
        }
        goTo((r.outcome.data as { id: string }).id)
      })
      .finally(() => setStarting(null))
  }

  const tools = [
    {
      title: t('tool_manage'),
      sub: t('tool_manage_sub'),
      url: '/packages/patrol/pages/manage/index',
      ok: hasPermission(me, 'patrol_manage'),
    },
    {
      title: t('tool_review'),
      sub: t('tool_review_sub'),
      url: '/packages/patrol/pages/review/index',
      ok: hasPermission(me, 'checkin_review'),
    },
    {
      title: t('tool_figures'),
      sub: t('tool_figures_sub'),
      url: '/packages/patrol/pages/figures/index',
      ok: hasPermission(me, 'patrol_figures'),
    },
  ].filter((x) => x.ok)

  return (
    <Page title={t('title')} intro={t('intro')}>
      {canPatrol ? <QueueStatus onSynced={shifts.reload} /> : null}
      {canPatrol ? (
        <Card title={t('my_shifts')}>
          {kept.data?.savedAt ? <DataAge savedAt={kept.data.savedAt} offline={kept.data.offline} /> : null}
          {shifts.loading && !shifts.data ? <Loading /> : null}
          {shifts.error ? <ErrorBlock message={shifts.error.message} onRetry={shifts.reload} /> : null}
          {shifts.data && !shifts.data.items.length ? (
            <Empty title={t('no_shifts')} text={t('no_shifts_text')} />
          ) : null}
          {shifts.data?.items.map((s) => (
            <View key={s.shift.id} className="l-list__item">
              <View className="l-row__title">{`${s.shift.name} ${s.shift.time}`}</View>
              <View className="l-row__sub">{`${s.shift.routeName} · ${s.shift.teamName}`}</View>
              <View className="l-row__sub">{`${fmt.day(s.window.day)} ${fmt.time(s.window.start)}–${fmt.time(s.window.end)}`}</View>
              {waitingStart(s, outbox) && !s.patrol ? <Tag tone="warning">{t('start_kept')}</Tag> : null}
              {s.patrol ? (
                <Tag tone={s.patrol.status === 'finished' ? 'success' : 'info'}>
                  {`${s.patrol.statusLabel} ${s.patrol.done}/${s.patrol.total}`}
                </Tag>
              ) : null}
              {s.patrol?.status === 'finished' ? (
                <Button kind="secondary" size="small" onClick={() => open(s)}>
                  {t('view_patrol')}
                </Button>
              ) : s.open || waitingStart(s, outbox) ? (
                <Button loading={starting === s.shift.id} loadingText={t('starting')} onClick={() => open(s)}>
                  {s.patrol || waitingStart(s, outbox) ? t('continue') : t('start')}
                </Button>
              ) : (
                <View className="l-row__sub">{t('not_yet')}</View>
              )}
            </View>
          ))}
        </Card>
      ) : null}
      {tools.length ? (
        <Card title={t('tools')}>
          {tools.map((x) => (
            <Row key={x.url} title={x.title} sub={x.sub} arrow onClick={() => void Taro.navigateTo({ url: x.url })} />
          ))}
        </Card>
      ) : null}
    </Page>
  )
}
