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
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { callFunction, day, report, V } from '../../lib'

function Orgs(props: { unitId: string }) {
  const list = usePaged(
    (page) => callFunction(V, 'listOrgs', { unitId: props.unitId, status: 'pending', page, pageSize: 10 }),
    [props.unitId],
  )
  const [note, setNote] = useState('')
  const decide = useAction((i: { orgId: string; approve: boolean }, requestId) =>
    callFunction(V, 'decideOrg', { ...i, note }, { requestId }),
  )
  return (
    <Card title="待审核的组织">
      <PagedList
        items={list.items}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(o) => o.id}
        renderItem={(o) => (
          <View className="l-list__item">
            <Row title={o.name} sub={`${o.kindLabel} · ${o.contactName} ${o.contactPhoneMasked ?? ''} · ${o.intro}`} />
            <Field label="意见（不通过时必填）" value={note} onChange={setNote} />
            <Button
              size="small"
              loading={decide.pending}
              onClick={() =>
                void report(decide.run({ orgId: o.id, approve: true }), '已通过').then((r) => r && list.reload())
              }
            >
              通过
            </Button>
            <Button
              size="small"
              kind="secondary"
              loading={decide.pending}
              onClick={() =>
                void report(decide.run({ orgId: o.id, approve: false }), '已退回').then((r) => r && list.reload())
              }
            >
              不通过
            </Button>
          </View>
        )}
        emptyTitle="没有待审核的组织"
      />
    </Card>
  )
}

const STATUS_FILTER: Array<{ value: NeedStatus; label: string }> = [
  { value: 'submitted', label: '待审核' },
  { value: 'confirmed', label: '待验单' },
  { value: 'published', label: '待接单' },
  { value: 'taken', label: '已接单' },
  { value: 'verified', label: '已验单' },
]

function Needs(props: { unitId: string }) {
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
  return (
    <Card title="群众点单">
      <PickerField label="状态" options={STATUS_FILTER} value={status} onChange={setStatus} />
      <PagedList
        items={list.items}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(r) => r.id}
        renderItem={(r) => (
          <View className="l-list__item">
            <Row
              title={r.title}
              sub={`${r.posterName} · ${day(r.createdAt)} · ${r.description}${r.outcome ? ` · 完成：${r.outcome}` : ''}${r.volunteers.length ? ` · ${r.volunteers.map((v) => `${v.name} ${v.hours} 小时`).join('、')}` : ''}`}
              extra={<Tag>{r.statusLabel}</Tag>}
            />
            {r.status === 'submitted' || r.status === 'confirmed' ? (
              <Field label="意见（不通过时必填）" value={note} onChange={setNote} />
            ) : null}
            {r.status === 'submitted' ? (
              <View>
                <Button
                  size="small"
                  loading={review.pending}
                  onClick={() =>
                    void report(review.run({ id: r.id, approve: true }), '已公开').then((x) => x && list.reload())
                  }
                >
                  公开
                </Button>
                <Button
                  size="small"
                  kind="secondary"
                  loading={review.pending}
                  onClick={() =>
                    void report(review.run({ id: r.id, approve: false }), '已退回').then((x) => x && list.reload())
                  }
                >
                  不通过
                </Button>
              </View>
            ) : null}
            {r.status === 'confirmed' ? (
              <View>
                <PickerField
                  label="志愿者时长计入家庭积分"
                  options={[
                    { value: 'yes', label: '计入' },
                    { value: 'no', label: '不计' },
                  ]}
                  value={points}
                  onChange={setPoints}
                />
                <Button
                  size="small"
                  loading={verify.pending}
                  onClick={() =>
                    void report(verify.run({ id: r.id, approve: true }), '验单通过').then((x) => x && list.reload())
                  }
                >
                  验单通过
                </Button>
                <Button
                  size="small"
                  kind="secondary"
                  loading={verify.pending}
                  onClick={() =>
                    void report(verify.run({ id: r.id, approve: false }), '已退回').then((x) => x && list.reload())
                  }
                >
                  退回重办
                </Button>
              </View>
            ) : null}
          </View>
        )}
        emptyTitle="没有这类需求"
      />
    </Card>
  )
}

function Figures(props: { unitId: string }) {
  const q = useQuery(() => callFunction(V, 'getFigures', { unitId: props.unitId }), [props.unitId])
  if (!q.data) return q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />
  const rows = [q.data.unit, ...q.data.orgs]
  return (
    <Card title="统计">
      {rows.map((s) => (
        <Row
          key={s.refId}
          title={s.name}
          sub={`任务 ${s.tasks} · 报名 ${s.signups} · 到场率 ${s.attendanceRate ?? '—'}% · 时长 ${s.confirmedHours} 小时 · 接单 ${s.needsTaken} · 验单 ${s.needsVerified} · 平均 ${s.avgTakeHours ?? '—'} 小时接单`}
        />
      ))}
    </Card>
  )
}

/** For village officials (and township dispatchers): approve organisations, publish and verify needs, figures. */
export default function Village() {
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
        <Empty title="您没有审核权限" />
      </Page>
    )
  const chosen = unitId ?? unique[0]!.id
  const has = (p: string) => unitsWith(me, p as never).some((u) => u.id === chosen)
  return (
    <Page title="村里审核与统计">
      {unique.length > 1 ? (
        <Card>
          <PickerField
            label="单位"
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
