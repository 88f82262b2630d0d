import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import type { Figures } from '@shared/incident/incident.schema'
import { bjMonth, bjQuarter } from '@shared/time/beijing'
import { Button, Card, Empty, Loading, Page, PickerField, Row, Tag, showError, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { API_BASE, IS_WEAPP } from '../../../../services/env'
import { hasPermission, unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import '../../incident.css'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)

function FigureRows(props: { f: Figures }) {
  const f = props.f
  const rows: Array<[string, string]> = [
    ['排查量', String(f.found)],
    ['办结', String(f.closed)],
    ['群众满意办结', String(f.resolvedSatisfied)],
    ['化解率', pct(f.resolutionRate)],
    ['按时办结率', pct(f.onTimeRate)],
    ['平均办结用时', f.avgHoursToClose === null ? '—' : `${f.avgHoursToClose} 小时`],
    ['满意率', pct(f.satisfactionRate)],
    ['超期未评价结案', String(f.closedUnrated)],
    ['报平安率', pct(f.safeReportRate)],
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

function SafeReport(props: { gridId: string; name: string }) {
  const [busy, setBusy] = useState(false)
  return (
    <Button
      loading={busy}
      onClick={() => {
        setBusy(true)
        void callFunction(incidentContract, 'safeReport', { gridId: props.gridId, note: '' }).then((r) => {
          setBusy(false)
          if (!r.ok) return void showError(r.message)
          toastDone(r.data.already ? '今天已经报过了' : '已报平安')
        })
      }}
    >
      {props.name}：今天无事，报平安
    </Button>
  )
}

export default function Overview() {
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

  async function exportLedger(format: 'csv' | 'xlsx') {
    if (!unit) return
    const r = await callFunction(incidentContract, 'exportLedger', { unitId: unit, month: bjMonth(Date.now()), format })
    if (!r.ok) return void showError(r.message)
    const url = IS_WEAPP ? r.data.url : `${API_BASE}${r.data.url}`
    if (IS_WEAPP) {
      const file = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: file.tempFilePath, showMenu: true })
    } else {
      window.open(url, '_blank')
    }
    toastDone(`台账共 ${r.data.rows} 条`)
  }

  if (!me)
    return (
      <Page>
        <Loading />
      </Page>
    )
  return (
    <Page title="概况与台账">
      {hasPermission(me, 'incident_configure') ? (
        <Card>
          <Row
            title="事件类别设置"
            sub="群众上报时可选的类别（按县设置）"
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/categories/index' })}
          />
        </Card>
      ) : null}
      {workerGrids.length ? (
        <Card title="有事报信息、无事报平安">
          {workerGrids.map((g) => (
            <SafeReport key={g.id} gridId={g.id} name={g.name} />
          ))}
        </Card>
      ) : null}
      {!figureUnits.length ? (
        workerGrids.length ? null : (
          <Empty title="您不能查看统计" />
        )
      ) : (
        <>
          <Card>
            {figureUnits.length > 1 ? (
              <PickerField
                label="单位"
                options={figureUnits.map((u) => ({ value: u.id, label: u.fullName }))}
                value={unit}
                onChange={setUnitId}
              />
            ) : null}
            <PickerField
              label="时段"
              options={periods.map((p) => ({ value: p, label: p }))}
              value={period}
              onChange={setPeriod}
            />
          </Card>
          <Card title={`${figures.data?.unit.name ?? ''} ${period}`}>
            {figures.data ? <FigureRows f={figures.data.figures} /> : <Loading />}
          </Card>
          <Card title="下级单位排名（季度通报）">
            {(figures.data?.children ?? []).map((c) => (
              <Row
                key={c.unit.id}
                title={`${c.rank}. ${c.unit.name}`}
                sub={`排查 ${c.figures.found} · 办结 ${c.figures.closed} · 化解率 ${pct(c.figures.resolutionRate)} · 按时 ${pct(c.figures.onTimeRate)}`}
              />
            ))}
          </Card>
          <Card title={`今天报平安（${safe.data?.day ?? ''}）`}>
            {(safe.data?.grids ?? []).map((g) => (
              <Row
                key={g.grid.id}
                title={g.grid.name}
                extra={
                  <Tag tone={g.reported ? 'success' : 'danger'}>
                    {g.reported ? (g.kind === 'safe' ? '已报平安' : '已报事件') : '未报'}
                  </Tag>
                }
              />
            ))}
          </Card>
          <Card title="本月台账">
            <Button kind="secondary" onClick={() => void exportLedger('xlsx')}>
              导出 Excel 台账
            </Button>
            <Button kind="secondary" onClick={() => void exportLedger('csv')}>
              导出 CSV 台账
            </Button>
          </Card>
        </>
      )}
    </Page>
  )
}
