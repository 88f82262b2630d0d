import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import type { Figures } from '@shared/incident/incident.schema'
import { bjDay, bjMonth, bjQuarter } from '@shared/time/beijing'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  Loading,
  OutboxPanel,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { Bars, Columns, lastMonths, useMonthSeries } from '../../../../components/chart'
import { callFunction } from '../../../../services/call-function'
import { API_BASE, IS_WEAPP } from '../../../../services/env'
import { t as common, fmt, useNavTitle, useStrings } from '../../../../services/i18n'
import { hasPermission, unitsWith, useMe } from '../../../../services/me'
import { queueCall } from '../../../../services/outbox'
import { useQuery } from '../../../../services/use-call'
import { OVERVIEW } from '../../incident.strings'
import '../../incident.css'

/** A rate in the reader's language, or a dash when there is nothing to divide. */
const pct = (v: number | null) => (v === null ? NONE : fmt.percent(v))
const NONE = '—'

function FigureRows(props: { f: Figures }) {
  const t = useStrings(OVERVIEW)
  const f = props.f
  const rows: Array<[string, string]> = [
    [t('found'), fmt.number(f.found)],
    [t('closed'), fmt.number(f.closed)],
    [t('resolved_satisfied'), fmt.number(f.resolvedSatisfied)],
    [t('resolution_rate'), pct(f.resolutionRate)],
    [t('on_time_rate'), pct(f.onTimeRate)],
    [t('avg_hours'), f.avgHoursToClose === null ? NONE : t('hours', { n: fmt.number(f.avgHoursToClose) })],
    [t('satisfaction_rate'), pct(f.satisfactionRate)],
    [t('closed_unrated'), fmt.number(f.closedUnrated)],
    [t('safe_report_rate'), pct(f.safeReportRate)],
    // 大事全网联动: what went up to the county's 综治中心, and what it whistled and closed
    [t('county_escalated'), fmt.number(f.countyEscalated)],
    [t('county_dispatched'), fmt.number(f.countyDispatched)],
    [t('county_closed'), fmt.number(f.countyClosed)],
  ]
  return (
    <View>
      {rows.map(([k, v]) => (
        <View key={k} className="incident-figure">
          <View>{k}</View>
          <View>{v}</View>
        </View>
      ))}
    </View>
  )
}

/** The day this grid was reported safe from this phone (the grid worker's own status needs no other read). */
const safeKey = (gridId: string) => `linli.safe.${gridId}`

function SafeReport(props: { gridId: string; name: string }) {
  const t = useStrings(OVERVIEW)
  const [busy, setBusy] = useState(false)
  const [doneAt, setDoneAt] = useState<number | null>(() => {
    const today = bjDay(Date.now())
    const kept: unknown = Taro.getStorageSync(safeKey(props.gridId))
    const k = kept as { day?: string; at?: number } | undefined
    return k && k.day === today && typeof k.at === 'number' ? k.at : null
  })
  if (doneAt !== null)
    return (
      <Row
        title={props.name}
        sub={t('safe_done_at', { time: fmt.time(doneAt) })}
        extra={<Tag tone="success">{t('safe_done')}</Tag>}
      />
    )
  return (
    <ConfirmButton
      loading={busy}
      confirmTitle={t('safe_title')}
      confirm={t('safe_confirm', { grid: props.name })}
      confirmText={t('safe_ok')}
      onConfirm={() => {
        setBusy(true)
        // through the outbox: with no signal it is kept and sent by itself (the day is the server's, on arrival)
        void queueCall(
          incidentContract,
          'safeReport',
          { gridId: props.gridId, note: '' },
          { summary: props.name },
        ).then((r) => {
          setBusy(false)
          if (!r.ok) return void showError(r.message)
          if (!r.outcome) return void showError(common('ui.outbox_saved_offline'), t('safe_saved_title'))
          if (!r.outcome.ok) return void showError(r.outcome.message ?? '')
          const saved = r.outcome.data as { already?: boolean; day: string; at: number }
          toastDone(saved.already ? t('safe_already') : t('safe_reported'))
          try {
            Taro.setStorageSync(safeKey(props.gridId), { day: saved.day, at: saved.at })
          } catch {
            // storage unavailable: the page still says so until it closes
          }
          setDoneAt(saved.at)
        })
      }}
    >
      {t('safe_report', { grid: props.name })}
    </ConfirmButton>
  )
}

const monthShort = (month: string) => common('ui.month_short', { m: Number(month.slice(5)) })

/** 排查量, 化解率 and 按时办结率 of the last six months, as columns. */
function Trend(props: { unitId: string; month: string }) {
  const o = useStrings(OVERVIEW)
  const months = useMemo(() => lastMonths(props.month, 6), [props.month])
  const series = useMonthSeries(
    months,
    (m) => callFunction(incidentContract, 'getFigures', { unitId: props.unitId, period: m }),
    [props.unitId],
  )
  if (series.error) return <View className="l-error">{series.error}</View>
  if (!series.data) return <Loading />
  const points = (f: (x: Figures) => number | null, text: (v: number | null) => string) =>
    series.data!.map(({ month, value }) => {
      const v = f(value.figures)
      return { label: monthShort(month), value: v, text: text(v) }
    })
  return (
    <>
      <Columns
        title={o('found')}
        points={points(
          (x) => x.found,
          (v) => fmt.number(v ?? 0),
        )}
      />
      <Columns title={o('resolution_rate')} max={1} tone="green" points={points((x) => x.resolutionRate, pct)} />
      <Columns title={o('on_time_rate')} max={1} tone="green" points={points((x) => x.onTimeRate, pct)} />
    </>
  )
}

/** A period as people read it: 2026年3月 / 2026年第1季度 (and in Tibetan). */
function usePeriodLabel(): (period: string) => string {
  const t = useStrings(OVERVIEW)
  return (period) => {
    const q = /^(\d{4})-Q([1-4])$/.exec(period)
    return q ? t('quarter', { y: q[1]!, q: q[2]! }) : fmt.month(period)
  }
}

export default function Overview() {
  const t = useStrings(OVERVIEW)
  useNavTitle(t('nav'))
  const periodLabel = usePeriodLabel()
  const { me } = useMe()
  const figureUnits = useMemo(() => (me ? unitsWith(me, 'incident_figures') : []), [me])
  const workerGrids = useMemo(() => (me ? unitsWith(me, 'safe_report_create') : []), [me])
  const [unitId, setUnitId] = useState<string | null>(null)
  // the month and quarter of when the page opened
  const [now] = useState(Date.now)
  const periods = [bjMonth(now), bjQuarter(now)]
  const [period, setPeriod] = useState(periods[0]!)
  const unit = unitId ?? figureUnits[0]?.id ?? null
  const figures = useQuery(
    () =>
      unit
        ? callFunction(incidentContract, 'getFigures', { unitId: unit, period })
        : Promise.resolve({ ok: true as const, data: null }),
    [unit, period],
  )
  const safe = useQuery(
    () =>
      unit
        ? callFunction(incidentContract, 'getSafeStatus', { unitId: unit })
        : Promise.resolve({ ok: true as const, data: null }),
    [unit],
  )
  // 一日两巡 beside 报平安: rounds done / due per grid today
  const rounds = useQuery(
    () =>
      unit
        ? callFunction(incidentContract, 'getRoundStatus', { unitId: unit })
        : Promise.resolve({ ok: true as const, data: null }),
    [unit],
  )
  const roundsOf = (gridId: string) => rounds.data?.grids.find((g) => g.grid.id === gridId)

  async function exportLedger(format: 'csv' | 'xlsx', which: 'exportLedger' | 'exportDisputes' = 'exportLedger') {
    if (!unit) return
    const r = await callFunction(incidentContract, which, { unitId: unit, month: bjMonth(Date.now()), format })
    if (!r.ok) return void showError(r.message)
    const url = IS_WEAPP ? r.data.url : `${API_BASE}${r.data.url}`
    if (IS_WEAPP) {
      const file = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: file.tempFilePath, showMenu: true })
    } else {
      window.open(url, '_blank')
    }
    toastDone(t('exported', { n: r.data.rows }))
  }

  if (!me)
    return (
      <Page>
        <Loading />
      </Page>
    )
  return (
    <Page title={t('nav')}>
      {hasPermission(me, 'round_create') ? (
        <Card>
          <Row
            title={t('rounds_link')}
            sub={t('rounds_link_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/rounds/index' })}
          />
        </Card>
      ) : null}
      {figureUnits.some((u) => u.level === 'county') ? (
        <Card>
          <Row
            title={t('appraisal_link')}
            sub={t('appraisal_link_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/appraisal/index' })}
          />
        </Card>
      ) : null}
      {hasPermission(me, 'incident_configure') ? (
        <Card>
          <Row
            title={t('settings_link')}
            sub={t('settings_link_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/settings/index' })}
          />
        </Card>
      ) : null}
      {hasPermission(me, 'incident_configure') ? (
        <Card>
          <Row
            title={t('categories')}
            sub={t('categories_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/categories/index' })}
          />
        </Card>
      ) : null}
      <OutboxPanel filter={(i) => i.kind === 'incident.safeReport'} />
      {workerGrids.length ? (
        <Card title={t('safe_card')}>
          {workerGrids.map((g) => (
            <SafeReport key={g.id} gridId={g.id} name={g.name} />
          ))}
        </Card>
      ) : null}
      {!figureUnits.length ? (
        workerGrids.length ? null : (
          <Empty title={t('no_figures')} />
        )
      ) : (
        <>
          <Card>
            {figureUnits.length > 1 ? (
              <PickerField
                label={t('unit')}
                options={figureUnits.map((u) => ({ value: u.id, label: u.fullName }))}
                value={unit}
                onChange={setUnitId}
              />
            ) : null}
            <PickerField
              label={t('period')}
              options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
              value={period}
              onChange={setPeriod}
            />
          </Card>
          <Card title={t('figures_of', { unit: figures.data?.unit.name ?? '', period: periodLabel(period) })}>
            {figures.data ? <FigureRows f={figures.data.figures} /> : <Loading />}
          </Card>
          {unit ? (
            <Card title={t('trend')}>
              <Trend unitId={unit} month={periods[0]!} />
            </Card>
          ) : null}
          <Card title={t('ranking')}>
            {figures.data?.children.length ? (
              <>
                <Bars
                  title={t('found')}
                  points={figures.data.children.map((c) => ({
                    label: c.unit.name,
                    value: c.figures.found,
                    text: fmt.number(c.figures.found),
                  }))}
                />
                <Bars
                  title={t('resolution_rate')}
                  max={1}
                  tone="green"
                  points={figures.data.children.map((c) => ({
                    label: c.unit.name,
                    value: c.figures.resolutionRate,
                    text: pct(c.figures.resolutionRate),
                  }))}
                />
              </>
            ) : null}
            {(figures.data?.children ?? []).map((c) => (
              <Row
                key={c.unit.id}
                title={t('rank_row', { rank: c.rank, unit: c.unit.name })}
                sub={
                  t('rank_sub', {
                    found: fmt.number(c.figures.found),
                    closed: fmt.number(c.figures.closed),
                    resolution: pct(c.figures.resolutionRate),
                    onTime: pct(c.figures.onTimeRate),
                  }) + (c.figures.countyEscalated ? t('rank_county', { n: fmt.number(c.figures.countyEscalated) }) : '')
                }
              />
            ))}
          </Card>
          <Card title={t('safe_today', { day: safe.data ? fmt.day(safe.data.day) : '' })}>
            {(safe.data?.grids ?? []).map((g) => (
              <Row
                key={g.grid.id}
                title={g.grid.name}
                sub={
                  roundsOf(g.grid.id)
                    ? t('rounds_sub', {
                        done: roundsOf(g.grid.id)!.done,
                        due: roundsOf(g.grid.id)!.due,
                        visits: roundsOf(g.grid.id)!.visits,
                      })
                    : undefined
                }
                extra={
                  <Tag tone={g.reported ? 'success' : 'danger'}>
                    {g.reported ? (g.kind === 'safe' ? t('reported_safe') : t('reported_incident')) : t('not_reported')}
                  </Tag>
                }
              />
            ))}
          </Card>
          <Card title={t('ledger')}>
            <Button kind="secondary" onClick={() => void exportLedger('xlsx')}>
              {t('export_xlsx')}
            </Button>
            <Button kind="secondary" onClick={() => void exportLedger('csv')}>
              {t('export_csv')}
            </Button>
            <Button kind="secondary" onClick={() => void exportLedger('xlsx', 'exportDisputes')}>
              {t('export_disputes')}
            </Button>
          </Card>
        </>
      )}
    </Page>
  )
}
