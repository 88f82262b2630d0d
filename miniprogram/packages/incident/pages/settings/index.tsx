import { useMemo, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import type { DeadlineSetting, RewardSetting } from '@shared/incident/incident.schema'
import { INCIDENT } from '@shared/incident/incident.messages'
import { textOf } from '@shared/i18n/i18n'
import {
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PickerField,
  Row,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, getLang, useNavTitle, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { SETTINGS } from '../../incident.strings'
import '../../incident.css'

interface Draft {
  weight: string
  rewards: RewardSetting[]
  deadlines: DeadlineSetting[]
}

/** A county's deadlines per category × severity, its appraisal weight and its rewards, saved as one new version. */
export default function Settings() {
  const t = useStrings(SETTINGS)
  useNavTitle(t('nav'))
  const { me } = useMe()
  const counties = useMemo(
    () => (me ? unitsWith(me, 'incident_configure').filter((u) => u.level === 'county') : []),
    [me],
  )
  const [countyId, setCountyId] = useState<string | null>(null)
  const county = countyId ?? counties[0]?.id ?? null
  const q = useQuery(
    () =>
      county
        ? callFunction(incidentContract, 'getSettings', { countyId: county })
        : Promise.resolve({ ok: true as const, data: null }),
    [county],
  )
  // what the official changed, over what the county has saved (null: nothing changed yet)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [busy, setBusy] = useState(false)
  if (!me) return <Page>{<Loading />}</Page>
  if (!counties.length)
    return (
      <Page title={t('nav')}>
        <Empty title={t('none')} />
      </Page>
    )
  if (!q.data) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  const data = q.data
  const cur: Draft = draft ?? {
    weight: String(Math.round(data.appraisalWeight * 100)),
    rewards: data.rewards,
    deadlines: data.deadlines,
  }
  const { weight, rewards, deadlines } = cur
  const setWeight = (w: string) => setDraft({ ...cur, weight: w })
  const setRewards = (f: (r: RewardSetting[]) => RewardSetting[]) => setDraft({ ...cur, rewards: f(cur.rewards) })
  const setDeadlines = (f: (d: DeadlineSetting[]) => DeadlineSetting[]) =>
    setDraft({ ...cur, deadlines: f(cur.deadlines) })
  const catLabel = (key: string) => data.categories.find((c) => c.key === key)?.label ?? key
  const severityLabel = (s: DeadlineSetting['severity']) => textOf(INCIDENT[`incident.severity.${s}`], getLang())
  const setCell = (i: number, field: 'acceptHours' | 'resolveDays', v: string) =>
    setDeadlines((d) => d.map((x, k) => (k === i ? { ...x, [field]: Number(v) || 0 } : x)))
  return (
    <Page title={t('nav')} intro={t('intro')}>
      {counties.length > 1 ? (
        <Card>
          <PickerField
            label={t('county')}
            options={counties.map((u) => ({ value: u.id, label: u.fullName }))}
            value={county}
            onChange={setCountyId}
          />
        </Card>
      ) : null}
      {data.updatedAt && data.updatedByName ? (
        <Card>
          <Row title={t('last_change', { name: data.updatedByName, at: fmt.dateTime(data.updatedAt) })} />
        </Card>
      ) : null}
      <Card>
        <Field label={t('weight')} type="number" value={weight} onChange={setWeight} />
      </Card>
      <Card title={t('rewards')}>
        {rewards.map((r, i) => (
          <Field
            key={r.category}
            label={t('reward_of', { category: catLabel(r.category) })}
            type="number"
            value={String(r.points)}
            onChange={(v) => setRewards((x) => x.map((y, k) => (k === i ? { ...y, points: Number(v) || 0 } : y)))}
          />
        ))}
      </Card>
      <Card title={t('deadlines')}>
        {deadlines.map((d, i) => (
          <Row
            key={`${d.category}-${d.severity}`}
            title={
              <Field
                label={t('accept_of', { category: catLabel(d.category), severity: severityLabel(d.severity) })}
                type="number"
                value={String(d.acceptHours)}
                onChange={(v) => setCell(i, 'acceptHours', v)}
              />
            }
            sub={
              <Field
                label={t('resolve_of', { category: catLabel(d.category), severity: severityLabel(d.severity) })}
                type="number"
                value={String(d.resolveDays)}
                onChange={(v) => setCell(i, 'resolveDays', v)}
              />
            }
          />
        ))}
      </Card>
      <ConfirmButton
        loading={busy}
        confirmTitle={t('save_title')}
        confirm={t('save_confirm')}
        confirmText={t('save')}
        onConfirm={() => {
          setBusy(true)
          void callFunction(incidentContract, 'saveSettings', {
            countyId: county!,
            appraisalWeight: (Number(weight) || 0) / 100,
            rewards,
            deadlines,
          }).then((r) => {
            setBusy(false)
            if (!r.ok) return void showError(r.message)
            toastDone(t('saved'))
            setDraft(null)
            q.reload()
          })
        }}
      >
        {t('save')}
      </ConfirmButton>
    </Page>
  )
}
