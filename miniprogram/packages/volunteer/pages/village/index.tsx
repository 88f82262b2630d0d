import { View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { NeedStatus } from '@shared/volunteer/volunteer.states'
import {
  Button,
  Card,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PagedList,
  PickerField,
  Row,
  Tag,
} from '../../../../components'
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { callFunction, day, listOf, report, useCountsOptions, usePageTitle, V } from '../../lib'
import { VILLAGE, WORDS } from '../../volunteer.strings'

function Orgs(props: { unitId: string }) {
  const t = useStrings(VILLAGE)
  const list = usePaged(
    (page) => callFunction(V, 'listOrgs', { unitId: props.unitId, status: 'pending', page, pageSize: 10 }),
    [props.unitId],
  )
  const [note, setNote] = useState('')
  const decide = useAction((i: { orgId: string; approve: boolean }, requestId) =>
    callFunction(V, 'decideOrg', { ...i, note }, { requestId }),
  )
  return (
    <Card title={t('orgs')}>
      <PagedList
        {...listOf(list)}
        keyOf={(o) => o.id}
        renderItem={(o) => (
          <View className="l-list__item">
            <Row title={o.name} sub={`${o.kindLabel} · ${o.contactName} ${o.contactPhoneMasked ?? ''} · ${o.intro}`} />
            <Field label={t('opinion')} value={note} onChange={setNote} />
            <Button
              size="small"
              loading={decide.pending}
              onClick={() =>
                void report(decide.run({ orgId: o.id, approve: true }), t('approved')).then((r) => r && list.reload())
              }
            >
              {t('approve')}
            </Button>
            <Button
              size="small"
              kind="secondary"
              loading={decide.pending}
              onClick={() =>
                void report(decide.run({ orgId: o.id, approve: false }), t('returned')).then((r) => r && list.reload())
              }
            >
              {t('reject')}
            </Button>
          </View>
        )}
        emptyTitle={t('no_orgs')}
      />
    </Card>
  )
}

/** The statuses an official filters needs by, in the order of their work. */
const STATUS_FILTER = ['submitted', 'confirmed', 'published', 'taken', 'verified'] as const satisfies NeedStatus[]

function Needs(props: { unitId: string }) {
  const t = useStrings(VILLAGE)
  const w = useStrings(WORDS)
  const counts = useCountsOptions()
  const [status, setStatus] = useState<NeedStatus>('submitted')
  const list = usePaged(
    (page) => callFunction(V, 'listVillageNeeds', { unitId: props.unitId, status, page, pageSize: 10 }),
    [props.unitId, status],
  )
  const [note, setNote] = useState('')
  const [points, setPoints] = useState<'yes' | 'no'>('yes')
  const review = useAction((i: { id: string; approve: boolean }, requestId) =>
    callFunction(V, 'reviewNeed', { needId: i.id, approve: i.approve, note }, { requestId }),
  )
  const verify = useAction((i: { id: string; approve: boolean }, requestId) =>
    callFunction(
      V,
      'verifyNeed',
      { needId: i.id, approve: i.approve, note, awardPoints: points === 'yes' },
      { requestId },
    ),
  )
  const people = (vs: ReadonlyArray<{ name: string; hours: number }>) =>
    vs.length ? ` · ${vs.map((v) => t('volunteer', { name: v.name, hours: v.hours })).join(w('list_sep'))}` : ''
  return (
    <Card title={t('needs')}>
      <PickerField
        label={t('status')}
        options={STATUS_FILTER.map((s) => ({ value: s, label: t(`f_${s}`) }))}
        value={status}
        onChange={setStatus}
      />
      <PagedList
        {...listOf(list, { total: true })}
        keyOf={(r) => r.id}
        renderItem={(r) => (
          <View className="l-list__item">
            <Row
              title={r.title}
              sub={`${r.posterName} · ${day(r.createdAt)} · ${r.description}${r.outcome ? t('done', { outcome: r.outcome }) : ''}${people(r.volunteers)}`}
              extra={<Tag>{r.statusLabel}</Tag>}
            />
            {r.status === 'submitted' || r.status === 'confirmed' ? (
              <Field label={t('opinion')} value={note} onChange={setNote} />
            ) : null}
            {r.status === 'submitted' ? (
              <View>
                <Button
                  size="small"
                  loading={review.pending}
                  onClick={() =>
                    void report(review.run({ id: r.id, approve: true }), t('published')).then((x) => x && list.reload())
                  }
                >
                  {t('publish')}
                </Button>
                <Button
                  size="small"
                  kind="secondary"
                  loading={review.pending}
                  onClick={() =>
                    void report(review.run({ id: r.id, approve: false }), t('returned')).then((x) => x && list.reload())
                  }
                >
                  {t('reject')}
                </Button>
              </View>
            ) : null}
            {r.status === 'confirmed' ? (
              <View>
                <PickerField label={t('points')} options={counts} value={points} onChange={setPoints} />
                <Button
                  size="small"
                  loading={verify.pending}
                  onClick={() =>
                    void report(verify.run({ id: r.id, approve: true }), t('verify')).then((x) => x && list.reload())
                  }
                >
                  {t('verify')}
                </Button>
                <Button
                  size="small"
                  kind="secondary"
                  loading={verify.pending}
                  onClick={() =>
                    void report(verify.run({ id: r.id, approve: false }), t('returned')).then((x) => x && list.reload())
                  }
                >
                  {t('rework')}
                </Button>
              </View>
            ) : null}
          </View>
        )}
        emptyTitle={t('empty')}
      />
    </Card>
  )
}

function Figures(props: { unitId: string }) {
  const t = useStrings(VILLAGE)
  const q = useQuery(() => callFunction(V, 'getFigures', { unitId: props.unitId }), [props.unitId])
  if (!q.data) return q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />
  const rows = [q.data.unit, ...q.data.orgs]
  const none = '—'
  return (
    <Card title={t('figures')}>
      {rows.map((s) => (
        <Row
          key={s.refId}
          title={s.name}
          sub={t('figures_line', {
            tasks: fmt.number(s.tasks),
            signups: fmt.number(s.signups),
            rate: s.attendanceRate === null ? none : fmt.percent(s.attendanceRate / 100),
            hours: fmt.number(s.confirmedHours, 2),
            taken: fmt.number(s.needsTaken),
            verified: fmt.number(s.needsVerified),
            avg: s.avgTakeHours === null ? none : fmt.number(s.avgTakeHours, 1),
          })}
        />
      ))}
    </Card>
  )
}

/** For village officials (and township dispatchers): approve organisations, publish and verify needs, figures. */
export default function Village() {
  const t = useStrings(VILLAGE)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const units = useMemo(
    () =>
      me
        ? [...unitsWith(me, 'need_verify'), ...unitsWith(me, 'org_approve'), ...unitsWith(me, 'volunteer_figures')]
        : [],
    [me],
  )
  const unique = units.filter((u, i) => units.findIndex((x) => x.id === u.id) === i)
  const [unitId, setUnitId] = useState<string | null>(null)
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!unique.length)
    return (
      <Page>
        <Empty title={t('no_rights')} />
      </Page>
    )
  const chosen = unitId ?? unique[0]!.id
  const has = (p: string) => unitsWith(me, p as never).some((u) => u.id === chosen)
  return (
    <Page title={t('title')}>
      {unique.length > 1 ? (
        <Card>
          <PickerField
            label={t('unit')}
            options={unique.map((u) => ({ value: u.id, label: u.fullName }))}
            value={chosen}
            onChange={setUnitId}
          />
        </Card>
      ) : null}
      {has('org_approve') ? <Orgs unitId={chosen} /> : null}
      {has('need_verify') ? <Needs unitId={chosen} /> : null}
      {has('volunteer_figures') ? <Figures unitId={chosen} /> : null}
    </Page>
  )
}
