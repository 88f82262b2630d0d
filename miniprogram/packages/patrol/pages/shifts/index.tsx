import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { MyShift } from '@shared/patrol/patrol.schema'
import { PATROL_STATUSES } from '@shared/patrol/patrol.states'
import { formatBj } from '@shared/time/beijing'
import { Button, Card, Empty, ErrorBlock, Loading, Page, Row, Tag, showError, toast } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { hasPermission, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { QueueStatus } from '../../components/queue-status'
import '../../components/patrol.css'

/** The patrol hub: my shifts (start or continue a patrol), the offline queue, and the captain's tools. */
export default function Shifts() {
  const { me, error, reload } = useMe()
  const canPatrol = hasPermission(me, 'checkin_create')
  const shifts = useQuery(
    () =>
      canPatrol
        ? callFunction(patrolContract, 'myShifts', {})
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [canPatrol],
  )
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
      else if (r.code === 'COMMON.NETWORK') toast('没有网络，开始巡逻需要信号；打卡可以离线')
      else void showError(r.message)
    })
  }

  const tools = [
    {
      title: '巡逻队、路线和班次',
      sub: '队员、点位、张贴码、巡逻时间',
      url: '/packages/patrol/pages/manage/index',
      ok: hasPermission(me, 'patrol_manage'),
    },
    {
      title: '审核存疑打卡',
      sub: '不在范围、定位差、太快等',
      url: '/packages/patrol/pages/review/index',
      ok: hasPermission(me, 'checkin_review'),
    },
    {
      title: '漏巡与统计',
      sub: '没巡的班次、漏掉的点位、排名',
      url: '/packages/patrol/pages/figures/index',
      ok: hasPermission(me, 'patrol_figures'),
    },
  ].filter((t) => t.ok)

  return (
    <Page title="巡逻打卡" intro="在班次时间内开始巡逻，到每个点位扫码打卡，走完点「结束巡逻」。">
      {canPatrol ? <QueueStatus onSynced={shifts.reload} /> : null}
      {canPatrol ? (
        <Card title="我的班次">
          {shifts.loading && !shifts.data ? <Loading /> : null}
          {shifts.error ? <ErrorBlock message={shifts.error.message} onRetry={shifts.reload} /> : null}
          {shifts.data && !shifts.data.items.length ? (
            <Empty title="还没有排班" text="请队长把您加入巡逻队并排好班次。" />
          ) : null}
          {shifts.data?.items.map((s) => (
            <View key={s.shift.id} className="l-list__item">
              <View className="l-row__title">{`${s.shift.name} ${s.shift.time}`}</View>
              <View className="l-row__sub">{`${s.shift.routeName} · ${s.shift.teamName}`}</View>
              <View className="l-row__sub">{`${s.window.day} ${formatBj(s.window.start, 'HH:mm')}–${formatBj(s.window.end, 'HH:mm')}`}</View>
              {s.patrol ? (
                <Tag tone={s.patrol.status === 'finished' ? 'success' : 'info'}>
                  {`${PATROL_STATUSES[s.patrol.status].label} ${s.patrol.done}/${s.patrol.total}`}
                </Tag>
              ) : null}
              {s.patrol?.status === 'finished' ? (
                <Button kind="secondary" size="small" onClick={() => open(s)}>
                  查看这次巡逻
                </Button>
              ) : s.open ? (
                <Button loading={start.pending} loadingText="正在开始…" onClick={() => open(s)}>
                  {s.patrol ? '继续巡逻' : '开始巡逻'}
                </Button>
              ) : (
                <View className="l-row__sub">还没到巡逻时间</View>
              )}
            </View>
          ))}
        </Card>
      ) : null}
      {tools.length ? (
        <Card title="队长和干部">
          {tools.map((t) => (
            <Row key={t.url} title={t.title} sub={t.sub} arrow onClick={() => void Taro.navigateTo({ url: t.url })} />
          ))}
        </Card>
      ) : null}
    </Page>
  )
}
