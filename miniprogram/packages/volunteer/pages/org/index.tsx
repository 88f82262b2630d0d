import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
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
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { useMe } from '../../../../services/me'
import { callFunction, go, report, V, when } from '../../lib'

function Needs(props: { orgId: string; adminId: string }) {
  const [status, setStatus] = useState<'published' | 'taken'>('published')
  const list = usePaged(
    (page) => callFunction(V, 'listOpenNeeds', { orgId: props.orgId, status, page, pageSize: 10 }),
    [props.orgId, status],
  )
  const [hours, setHours] = useState('1')
  const [outcome, setOutcome] = useState('')
  const take = useAction((id: string, requestId) =>
    callFunction(V, 'takeNeed', { needId: id, orgId: props.orgId }, { requestId }),
  )
  const done = useAction((id: string, requestId) =>
    callFunction(
      V,
      'completeNeed',
      {
        needId: id,
        outcome,
        volunteers: [{ userId: props.adminId, hours: Number(hours) || 0 }],
      },
      { requestId },
    ),
  )
  return (
    <Card title="群众点单">
      <PickerField
        label="看哪些"
        options={[
          { value: 'published', label: '可接单' },
          { value: 'taken', label: '我们接的' },
        ]}
        value={status}
        onChange={setStatus}
      />
      <PagedList
        items={list.items}
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
              sub={`${r.posterName} · ${r.placeName} · ${r.description}`}
              extra={<Tag>{r.statusLabel}</Tag>}
            />
            {r.status === 'published' ? (
              <Button
                size="small"
                loading={take.pending}
                onClick={() => void report(take.run(r.id), '已接单').then((x) => x && list.reload())}
              >
                接单
              </Button>
            ) : null}
            {r.status === 'taken' ? (
              <View>
                <Field label="完成情况" value={outcome} onChange={setOutcome} placeholder="做了什么" />
                <Field label="用了几小时" value={hours} onChange={setHours} type="digit" />
                <Button
                  size="small"
                  loading={done.pending}
                  onClick={() => void report(done.run(r.id), '已报告完成').then((x) => x && list.reload())}
                >
                  报告完成
                </Button>
              </View>
            ) : null}
          </View>
        )}
        emptyTitle="暂时没有"
      />
    </Card>
  )
}

/** An organisation's admin: its tasks (sign-up lists), posting a task, and taking residents' needs. */
export default function Org() {
  const orgs = useQuery(() => callFunction(V, 'myOrgs', {}), [])
  const { me } = useMe()
  const [orgId, setOrgId] = useState<string | null>(null)
  const approved = orgs.data?.items.filter((o) => o.status === 'approved') ?? []
  const chosen = orgId ?? approved[0]?.id ?? null
  const tasks = usePaged(
    (page) =>
      chosen
        ? callFunction(V, 'listOrgTasks', { orgId: chosen, page, pageSize: 10 })
        : Promise.resolve({ ok: true as const, data: { items: [], page, pageSize: 10, total: 0, hasMore: false } }),
    [chosen],
  )
  useDidShow(() => tasks.reload())
  if (!orgs.data)
    return <Page>{orgs.error ? <ErrorBlock message={orgs.error.message} onRetry={orgs.reload} /> : <Loading />}</Page>
  return (
    <Page title="组织管理">
      <Card>
        {orgs.data.items.map((o) => (
          <Row
            key={o.id}
            title={o.name}
            sub={o.unit.fullName}
            extra={<Tag tone={o.status === 'approved' ? 'success' : 'warning'}>{o.statusLabel}</Tag>}
          />
        ))}
        {approved.length > 1 ? (
          <PickerField
            label="当前组织"
            options={approved.map((o) => ({ value: o.id, label: o.name }))}
            value={chosen}
            onChange={setOrgId}
          />
        ) : null}
      </Card>
      {!chosen ? (
        <Empty title="还没有通过审核的组织" />
      ) : (
        <View>
          <Card
            title="本组织的任务"
            extra={
              <Button size="small" inline onClick={() => go('post-task', `orgId=${chosen}`)}>
                发布任务
              </Button>
            }
          >
            <PagedList
              items={tasks.items}
              hasMore={tasks.hasMore}
              loading={tasks.loading}
              error={tasks.error?.message}
              onLoadMore={tasks.loadMore}
              onRetry={tasks.reload}
              keyOf={(t) => t.id}
              renderItem={(t) => (
                <Row
                  title={t.title}
                  sub={`${when(t.startAt)} · ${t.confirmed}/${t.slots} 人${t.waitlisted ? ` · 候补 ${t.waitlisted}` : ''}`}
                  arrow
                  onClick={() => go('signups', `taskId=${t.id}`)}
                />
              )}
              emptyTitle="还没有发布任务"
            />
          </Card>
          {me ? <Needs orgId={chosen} adminId={me.user.id} /> : null}
        </View>
      )}
    </Page>
  )
}
