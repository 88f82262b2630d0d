import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import { bjQuarter } from '@shared/time/beijing'
import { Button, Card, Empty, Loading, Page, PickerField, Row, Tag, showError, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { API_BASE, IS_WEAPP } from '../../../../services/env'
import { fmt, useNavTitle, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { APPRAISAL } from '../../incident.strings'
import '../../incident.css'

/** The quarter before `q` (2026-Q1 → 2025-Q4). */
function previous(q: string): string {
  const [y, n] = q.split('-Q').map(Number) as [number, number]
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`
}

/** 一哨一考核: the county's quarterly department appraisal table, counted from the work, exported as Excel. */
export default function Appraisal() {
  const t = useStrings(APPRAISAL)
  useNavTitle(t('nav'))
  const { me } = useMe()
  const counties = useMemo(
    () => (me ? unitsWith(me, 'incident_figures').filter((u) => u.level === 'county') : []),
    [me],
  )
  const [countyId, setCountyId] = useState<string | null>(null)
  const [now] = useState(Date.now)
  const quarters = [bjQuarter(now), previous(bjQuarter(now))]
  const [quarter, setQuarter] = useState(quarters[0]!)
  const county = countyId ?? counties[0]?.id ?? null
  const q = useQuery(
    () =>
      county
        ? callFunction(incidentContract, 'getAppraisal', { countyId: county, quarter })
        : Promise.resolve({ ok: true as const, data: null }),
    [county, quarter],
  )
  const dash = t('dash')
  const pct = (v: number | null) => (v === null ? dash : fmt.percent(v))
  const num = (v: number | null) => (v === null ? dash : fmt.number(v))

  async function exportTable() {
    if (!county) return
    const r = await callFunction(incidentContract, 'exportAppraisal', { countyId: county, quarter, format: 'xlsx' })
    if (!r.ok) return void showError(r.message)
    const url = IS_WEAPP ? r.data.url : `${API_BASE}${r.data.url}`
    if (IS_WEAPP) {
      const file = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: file.tempFilePath, showMenu: true })
    } else window.open(url, '_blank')
    toastDone(t('exported', { n: r.data.rows }))
  }

  if (!me)
    return (
      <Page>
        <Loading />
      </Page>
    )
  if (!counties.length)
    return (
      <Page title={t('nav')}>
        <Empty title={t('none')} />
      </Page>
    )
  const rows = q.data?.rows ?? []
  return (
    <Page title={t('nav')} intro={t('intro')}>
      <Card>
        {counties.length > 1 ? (
          <PickerField
            label={t('county')}
            options={counties.map((u) => ({ value: u.id, label: u.fullName }))}
            value={county}
            onChange={setCountyId}
          />
        ) : null}
        <PickerField
          label={t('quarter')}
          options={quarters.map((x) => ({ value: x, label: x }))}
          value={quarter}
          onChange={setQuarter}
        />
        {q.data ? <Row title={t('weight', { n: Math.round(q.data.weight * 100) })} /> : null}
      </Card>
      <Card title={q.data ? `${q.data.county.name} ${quarter}` : quarter}>
        {!q.data ? <Loading /> : null}
        {q.data && !rows.some((r) => r.cases) ? <Empty title={t('none')} /> : null}
        {rows
          .filter((r) => r.cases)
          .map((r) => (
            <Row
              key={r.department.id}
              title={t('row', { rank: r.rank, name: r.department.name })}
              sub={t('row_sub', {
                cases: fmt.number(r.cases),
                accepted: fmt.number(r.accepted),
                hours: num(r.avgResponseHours),
                onTime: pct(r.onTimeRate),
                returned: fmt.number(r.returned),
                score: num(r.avgScore),
              })}
              extra={<Tag tone="success">{t('total', { score: num(r.score), weighted: num(r.weighted) })}</Tag>}
            />
          ))}
      </Card>
      <Card>
        <Button kind="secondary" onClick={() => void exportTable()}>
          {t('export_xlsx')}
        </Button>
      </Card>
    </Page>
  )
}
