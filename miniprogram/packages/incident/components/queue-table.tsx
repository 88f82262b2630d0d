import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import type { IncidentSummary } from '@shared/incident/incident.schema'
import { TRANSITIONS } from '@shared/incident/incident.states'
import { Button, ConfirmButton, Empty, ErrorBlock, Field, showError, toastDone } from '../../../components'
import { callFunction } from '../../../services/call-function'
import { fmt, useStrings } from '../../../services/i18n'
import { hasPermission, useMe } from '../../../services/me'
import { usePaged, useQuery } from '../../../services/use-call'
import { TABLE } from '../incident.strings'

type SortKey = 'reportedAt' | 'dueAt' | 'category' | 'status' | 'area'
const ALL = ''

/** Whether the case can be dispatched now, by its status and level (the server checks again). */
const dispatchable = (i: IncidentSummary) =>
  TRANSITIONS.dispatch.some((r) => r.from.includes(i.status) && r.at.includes(i.level))

function compare(a: IncidentSummary, b: IncidentSummary, key: SortKey): number {
  switch (key) {
    case 'reportedAt':
      return a.reportedAt - b.reportedAt
    case 'dueAt':
      // no deadline sorts last
      return (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER)
    case 'category':
      return a.categoryLabel.localeCompare(b.categoryLabel)
    case 'status':
      return a.statusLabel.localeCompare(b.statusLabel)
    case 'area':
      return a.area.localeCompare(b.area)
  }
}

/** One line's choices as chips: 全部 and each value found in the loaded cases. */
function Chips(props: { label: string; values: string[]; value: string; onChange: (v: string) => void }) {
  const t = useStrings(TABLE)
  return (
    <View className="incident-filter">
      <View className="incident-filter__label">{props.label}</View>
      <View className="l-choices">
        {[ALL, ...props.values].map((v) => (
          <View
            key={v || 'all'}
            className={`l-choice${v === props.value ? ' l-choice--on' : ''}`}
            ariaRole="button"
            onClick={() => props.onChange(v)}
          >
            {v || t('all')}
          </View>
        ))}
      </View>
    </View>
  )
}

/** The dispatch form under a row: department, days, and 定责派单 after a confirmation. */
function DispatchRow(props: { item: IncidentSummary; done: () => void }) {
  const t = useStrings(TABLE)
  const [dept, setDept] = useState<string | null>(null)
  const [days, setDays] = useState('3')
  const [busy, setBusy] = useState(false)
  const depts = useQuery(
    () => callFunction(incidentContract, 'listDepartments', { incidentId: props.item.id }),
    [props.item.id],
  )
  const name = depts.data?.items.find((d) => d.id === dept)?.name ?? ''
  return (
    <View className="incident-table__form">
      <View className="l-choices">
        {(depts.data?.items ?? []).map((d) => (
          <View
            key={d.id}
            className={`l-choice${d.id === dept ? ' l-choice--on' : ''}`}
            ariaRole="button"
            onClick={() => setDept(d.id)}
          >
            {d.name}
          </View>
        ))}
      </View>
      <Field label={t('days')} type="number" value={days} onChange={setDays} />
      <ConfirmButton
        inline
        loading={busy}
        disabled={!dept}
        confirmTitle={t('dispatch_title')}
        confirm={t('dispatch_confirm', { code: props.item.code, department: name, days: Number(days) || 0 })}
        confirmText={t('dispatch')}
        onConfirm={() => {
          setBusy(true)
          void callFunction(incidentContract, 'dispatch', {
            incidentId: props.item.id,
            departmentId: dept!,
            deadlineDays: Number(days) || 0,
            note: '',
          }).then((r) => {
            setBusy(false)
            if (!r.ok) return void showError(r.message)
            toastDone(t('dispatched'))
            props.done()
          })
        }}
      >
        {t('dispatch')}
      </ConfirmButton>
    </View>
  )
}

/**
 * The queue on a desk: a table sorted by a column's header, filtered by status, category, area and overdue, with
 * 定责派单 from its row. Filters work on the cases loaded so far (50 at a time, "加载更多" below).
 */
export function QueueTable(props: { view: 'todo' | 'all' }) {
  const t = useStrings(TABLE)
  const { me } = useMe()
  const canDispatch = !!me && hasPermission(me, 'incident_dispatch')
  const list = usePaged(
    (page) => callFunction(incidentContract, 'listQueue', { view: props.view, page, pageSize: 50 }),
    [props.view],
  )
  const [status, setStatus] = useState(ALL)
  const [category, setCategory] = useState(ALL)
  const [area, setArea] = useState(ALL)
  const [overdue, setOverdue] = useState(false)
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'reportedAt', desc: true })
  const [open, setOpen] = useState<string | null>(null)
  const values = (f: (i: IncidentSummary) => string) => [...new Set(list.items.map(f))].sort()
  const rows = useMemo(
    () =>
      list.items
        .filter(
          (i) =>
            (!status || i.statusLabel === status) &&
            (!category || i.categoryLabel === category) &&
            (!area || i.area === area) &&
            (!overdue || i.overdue),
        )
        .sort((a, b) => compare(a, b, sort.key) * (sort.desc ? -1 : 1)),
    [list.items, status, category, area, overdue, sort],
  )
  const head = (key: SortKey | null, label: string, cls: string) => (
    <View
      className={`incident-table__th ${cls}${key ? ' incident-table__th--sort' : ''}`}
      ariaRole={key ? 'button' : undefined}
      onClick={key ? () => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'reportedAt' })) : undefined}
    >
      {label}
      {key && sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </View>
  )
  return (
    <View className="incident-table-wrap">
      <Chips label={t('status')} values={values((i) => i.statusLabel)} value={status} onChange={setStatus} />
      <Chips label={t('category')} values={values((i) => i.categoryLabel)} value={category} onChange={setCategory} />
      <Chips label={t('area')} values={values((i) => i.area)} value={area} onChange={setArea} />
      <View className="incident-filter">
        <View className="incident-filter__label">{t('overdue')}</View>
        <View
          className={`l-choice${overdue ? ' l-choice--on' : ''}`}
          ariaRole="checkbox"
          onClick={() => setOverdue(!overdue)}
        >
          {t('overdue_only')}
        </View>
      </View>
      <View className="l-list__total">
        {t('shown', { n: rows.length, loaded: list.items.length, total: list.total })}
      </View>
      <View className="incident-table" ariaRole="table">
        <View className="incident-table__tr incident-table__tr--head" ariaRole="row">
          {head(null, t('code'), 'incident-table__code')}
          {head('category', t('category'), '')}
          {head(null, t('description'), 'incident-table__desc')}
          {head('area', t('area'), '')}
          {head('status', t('status'), '')}
          {head('reportedAt', t('reported_at'), '')}
          {head('dueAt', t('due_at'), '')}
          {head(null, t('actions'), '')}
        </View>
        {rows.map((i) => (
          <View key={i.id} className="incident-table__group">
            <View className={`incident-table__tr${i.overdue ? ' incident-table__tr--overdue' : ''}`} ariaRole="row">
              <View className="incident-table__td incident-table__code">{i.code}</View>
              <View className="incident-table__td">{i.categoryLabel}</View>
              <View className="incident-table__td incident-table__desc">{i.description}</View>
              <View className="incident-table__td">{i.area}</View>
              <View className="incident-table__td">
                {i.overdue ? t('overdue_status', { status: i.statusLabel }) : i.statusLabel}
              </View>
              <View className="incident-table__td">{fmt.dateTime(i.reportedAt)}</View>
              <View className="incident-table__td">{i.dueAt ? fmt.dateTime(i.dueAt) : '—'}</View>
              <View className="incident-table__td incident-table__ops">
                <Button
                  size="small"
                  inline
                  kind="secondary"
                  onClick={() => void Taro.navigateTo({ url: `/packages/incident/pages/detail/index?id=${i.id}` })}
                >
                  {t('open')}
                </Button>
                {canDispatch && dispatchable(i) ? (
                  <Button size="small" inline onClick={() => setOpen(open === i.id ? null : i.id)}>
                    {t('dispatch')}
                  </Button>
                ) : null}
              </View>
            </View>
            {open === i.id ? (
              <DispatchRow
                item={i}
                done={() => {
                  setOpen(null)
                  list.reload()
                }}
              />
            ) : null}
          </View>
        ))}
      </View>
      {list.error ? <ErrorBlock message={list.error.message} onRetry={list.reload} /> : null}
      {!list.loading && !rows.length ? <Empty title={list.items.length ? t('none_match') : t('none')} /> : null}
      {list.hasMore ? (
        <Button kind="secondary" loading={list.loading} onClick={list.loadMore}>
          {t('more')}
        </Button>
      ) : null}
    </View>
  )
}
