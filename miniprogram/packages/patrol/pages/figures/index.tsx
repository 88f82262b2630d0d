import { View } from '@tarojs/components'
import { useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { FigureRow } from '@shared/patrol/patrol.schema'
import { bjMonth, formatBj } from '@shared/time/beijing'
import { Card, Empty, ErrorBlock, Loading, Page, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { UnitChoice } from '../../components/unit-choice'
import '../../components/patrol.css'

const pct = (v: number) => `${Math.round(v * 100)}%`

function Figure({ row }: { row: FigureRow }) {
  return (
    <View className="patrol-figure">
      <View className="patrol-figure__item">
        <View className="patrol-figure__value">{`${row.done}/${row.planned}`}</View>
        <View className="l-row__sub">实巡/应巡</View>
      </View>
      <View className="patrol-figure__item">
        <View className="patrol-figure__value">{pct(row.coverage)}</View>
        <View className="l-row__sub">点位覆盖</View>
      </View>
      <View className="patrol-figure__item">
        <View className="patrol-figure__value">{pct(row.flaggedRate)}</View>
        <View className="l-row__sub">存疑率</View>
      </View>
      <View className="patrol-figure__item">
        <View className="patrol-figure__value">{row.hours}</View>
        <View className="l-row__sub">巡逻时长（小时）</View>
      </View>
    </View>
  )
}

/** Missed shifts and checkpoints of a village, and this month's figures with the ranking. */
export default function Figures() {
  const { me, error, reload } = useMe()
  const units = me ? unitsWith(me, 'patrol_figures') : []
  const [picked, setPicked] = useState<string | null>(null)
  const unit = units.find((u) => u.id === picked) ?? units[0] ?? null
  // the clock is read when the page opens, not in every render (a render must give the same page each time)
  const [month] = useState(() => bjMonth(Date.now()))
  const figures = useQuery(
    () => callFunction(patrolContract, 'getFigures', { unitId: unit?.id ?? '', fromMonth: month, toMonth: month }),
    [unit?.id, month],
  )
  const missed = useQuery(
    () =>
      unit?.level === 'village'
        ? callFunction(patrolContract, 'listMissed', { villageId: unit.id, days: 7 })
        : Promise.resolve({ ok: true as const, data: null }),
    [unit?.id],
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!unit)
    return (
      <Page>
        <Empty title="您不能查看巡逻统计" />
      </Page>
    )
  return (
    <Page title="漏巡与统计" intro={unit.fullName}>
      <UnitChoice options={units} value={unit.id} onChange={setPicked} />
      {missed.data ? (
        <Card title="近 7 天漏巡">
          {!missed.data.shifts.length && !missed.data.checkpoints.length ? (
            <View className="l-row__sub">没有漏巡</View>
          ) : null}
          {missed.data.shifts.map((s) => (
            <View key={`${s.shiftId}-${s.day}`} className="l-list__item">
              <View className="l-row__title">{`${s.day} ${s.shiftName} ${formatBj(s.start, 'HH:mm')}`}</View>
              <View className="l-row__sub">{`${s.teamName} · ${s.routeName}`}</View>
              <Tag tone="danger">{s.startedButUnfinished ? '开始了但没结束' : '没有巡逻'}</Tag>
            </View>
          ))}
          {missed.data.checkpoints.map((p) => (
            <View key={p.patrolId} className="l-list__item">
              <View className="l-row__title">{`${p.day} ${p.shiftName} · ${p.teamName}`}</View>
              <View className="l-row__sub">{`漏巡点位：${p.missed.map((m) => m.name).join('、')}`}</View>
            </View>
          ))}
        </Card>
      ) : null}
      {missed.error ? <ErrorBlock message={missed.error.message} onRetry={missed.reload} /> : null}
      <Card title={`${month} 巡逻统计`}>
        {figures.error ? <ErrorBlock message={figures.error.message} onRetry={figures.reload} /> : null}
        {figures.data ? <Figure row={figures.data.total} /> : figures.loading ? <Loading /> : null}
      </Card>
      {figures.data?.ranked.length ? (
        <Card title={unit.level === 'village' ? '各巡逻队排名' : '各村（社区）排名'}>
          {figures.data.ranked.map((r) => (
            <View key={r.id} className="l-list__item">
              <View className="l-row__title">{`${r.rank}. ${r.name}`}</View>
              <Figure row={r} />
            </View>
          ))}
        </Card>
      ) : null}
    </Page>
  )
}
