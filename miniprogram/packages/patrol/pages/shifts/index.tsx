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
import { readKept } from '../../../../services/kept'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { hasPermission, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { QueueStatus } from '../../components/queue-status'
import { SHIFTS } from '../../patrol.strings'
import '../../components/patrol.css'

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
        ? readKept('patrol.shifts', () => callFunction(patrolContract, 'myShifts', {}))
        : Promise.resolve({ ok: true as const, data: { value: { items: [] }, savedAt: 0, offline: false } }),
    [canPatrol],
  )
  const shifts = { ...kept, data: kept.data?.value ?? null }
  const start = useAction((input: { shiftId: string }, requestId: string) =>
    callFunction(patrolContract, 'startPatrol', input, { requestId }),
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>

  const open = (s: MyShift) => {
    if (s.patrol) {
      void Taro.navigateTo({ url: `/packages/patrol/pages/patrol/index?id=${s.patrol.id}` })
      return
    }
    void start.run({ shiftId: s.shift.id }).then((r) => {
      if (r.ok) void Taro.navigateTo({ url: `/packages/patrol/pages/patrol/index?id=${r.data.id}` })
      else if (r.code === 'COMMON.NETWORK') toast(t('no_network_start'))
      else void showError(r.message)
    })
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
              {s.patrol ? (
                <Tag tone={s.patrol.status === 'finished' ? 'success' : 'info'}>
                  {`${s.patrol.statusLabel} ${s.patrol.done}/${s.patrol.total}`}
                </Tag>
              ) : null}
              {s.patrol?.status === 'finished' ? (
                <Button kind="secondary" size="small" onClick={() => open(s)}>
                  {t('view_patrol')}
                </Button>
              ) : s.open ? (
                <Button loading={start.pending} loadingText={t('starting')} onClick={() => open(s)}>
                  {s.patrol ? t('continue') : t('start')}
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
