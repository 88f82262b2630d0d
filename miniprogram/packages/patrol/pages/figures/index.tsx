import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { FigureRow } from '@shared/patrol/patrol.schema'
import { bjMonth } from '@shared/time/beijing'
import { Card, Empty, ErrorBlock, Loading, Page, Tag } from '../../../../components'
import { Bars, Columns, lastMonths, useMonthSeries } from '../../../../components/chart'
import { callFunction } from '../../../../services/call-function'
import { fmt, t as common, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { UnitChoice } from '../../components/unit-choice'
import { FIGURES, PATROL_UI } from '../../patrol.strings'
import '../../components/patrol.css'

function Figure({ row }: { row: FigureRow }) {
  const t = useStrings(FIGURES)
  const items = [
    [`${row.done}/${row.planned}`, t('done_planned')],
    [fmt.percent(row.coverage), t('coverage')],
    [fmt.percent(row.flaggedRate), t('flagged_rate')],
    [fmt.number(row.hours), t('hours')],
  ] as const
  return (
    <View>
      <View className="patrol-figure">
        {items.map(([value, label]) => (
          <View key={label} className="patrol-figure__item">
            <View className="patrol-figure__value">{value}</View>
            <View className="l-row__sub">{label}</View>
          </View>
        ))}
      </View>
      {/* what the finished patrols earned, and why some earned nothing */}
      <View className="l-row__sub">
        {t('credit_line', { credited: row.credited, pending: row.creditPending, none: row.uncredited })}
      </View>
      {row.uncredited ? (
        <View className="l-row__sub">{t('why_line', { low: row.lowCoverage, short: row.tooShort })}</View>
      ) : null}
    </View>
  )
}

/** Point coverage and patrols done of the last six months, as columns. */
function Trend(props: { unitId: string; month: string }) {
  const t = useStrings(FIGURES)
  const months = useMemo(() => lastMonths(props.month, 6), [props.month])
  const series = useMonthSeries(
    months,
    (m) => callFunction(patrolContract, 'getFigures', { unitId: props.unitId, fromMonth: m, toMonth: m }),
    [props.unitId],
  )
  if (series.error) return <View className="l-error">{series.error}</View>
  if (!series.data) return <Loading />
  const label = (m: string) => common('ui.month_short', { m: Number(m.slice(5)) })
  return (
    <>
      <Columns
        title={t('coverage')}
        max={1}
        tone="green"
        points={series.data.map(({ month, value }) => ({
          label: label(month),
          value: value.total.coverage,
          text: fmt.percent(value.total.coverage),
        }))}
      />
      <Columns
        title={t('done')}
        points={series.data.map(({ month, value }) => ({
          label: label(month),
          value: value.total.done,
          text: fmt.number(value.total.done),
        }))}
      />
    </>
  )
}

/** Missed shifts and checkpoints of a village, and this month's figures with the ranking. */
export default function Figures() {
  const t = useStrings(FIGURES)
  const ui = useStrings(PATROL_UI)
  usePageTitle(t('title'))
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
        <Empty title={t('no_access')} />
      </Page>
    )
  return (
    <Page title={t('title')} intro={unit.fullName}>
      <UnitChoice options={units} value={unit.id} onChange={setPicked} />
      {missed.data ? (
        <Card title={t('missed_7')}>
          {!missed.data.shifts.length && !missed.data.checkpoints.length ? (
            <View className="l-row__sub">{t('no_missed')}</View>
          ) : null}
          {missed.data.shifts.map((s) => (
            <View key={`${s.shiftId}-${s.day}`} className="l-list__item">
              <View className="l-row__title">{`${fmt.day(s.day)} ${s.shiftName} ${fmt.time(s.start)}`}</View>
              <View className="l-row__sub">{`${s.teamName} · ${s.routeName}`}</View>
              <Tag tone="danger">{s.startedButUnfinished ? t('started_unfinished') : t('not_patrolled')}</Tag>
            </View>
          ))}
          {missed.data.checkpoints.map((p) => (
            <View key={p.patrolId} className="l-list__item">
              <View className="l-row__title">{`${fmt.day(p.day)} ${p.shiftName} · ${p.teamName}`}</View>
              <View className="l-row__sub">
                {t('missed_checkpoints', { names: p.missed.map((m) => m.name).join(ui('sep')) })}
              </View>
            </View>
          ))}
        </Card>
      ) : null}
      {missed.error ? <ErrorBlock message={missed.error.message} onRetry={missed.reload} /> : null}
      <Card title={t('month_figures', { month: fmt.month(month) })}>
        {figures.error ? <ErrorBlock message={figures.error.message} onRetry={figures.reload} /> : null}
        {figures.data ? <Figure row={figures.data.total} /> : figures.loading ? <Loading /> : null}
      </Card>
      <Card title={t('trend')}>
        <Trend unitId={unit.id} month={month} />
      </Card>
      {figures.data?.ranked.length ? (
        <Card title={unit.level === 'village' ? t('rank_teams') : t('rank_villages')}>
          <Bars
            title={t('coverage')}
            max={1}
            tone="green"
            points={figures.data.ranked.map((r) => ({
              label: r.name,
              value: r.coverage,
              text: fmt.percent(r.coverage),
            }))}
          />
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
