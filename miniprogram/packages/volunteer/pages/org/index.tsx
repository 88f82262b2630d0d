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
import { useStrings } from '../../../../services/i18n'
import { useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { callFunction, go, listOf, report, usePageTitle, V, when } from '../../lib'
import { ORG, WORDS } from '../../volunteer.strings'

/**
 * Residents' needs an organisation can take, and those it took. The admin reports a job done with the hours they
 * spent on it themselves (the server accepts only the organisation's own people as having taken part).
 */
function Needs(props: { orgId: string; adminId: string }) {
  const t = useStrings(ORG)
  const w = useStrings(WORDS)
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
      { needId: id, outcome, volunteers: [{ userId: props.adminId, hours: Number(hours) || 0 }] },
      { requestId },
    ),
  )
  return (
    <Card title={t('needs')}>
      <PickerField
        label={t('which')}
        options={[
          { value: 'published', label: t('can_take') },
          { value: 'taken', label: t('ours') },
        ]}
        value={status}
        onChange={setStatus}
      />
      <PagedList
        {...listOf(list)}
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
                onClick={() => void report(take.run(r.id), t('taken')).then((x) => x && list.reload())}
              >
                {t('take')}
              </Button>
            ) : null}
            {r.status === 'taken' ? (
              <View>
                <Field label={t('outcome')} value={outcome} onChange={setOutcome} placeholder={t('outcome_ph')} />
                <Field label={t('hours_used')} value={hours} onChange={setHours} type="digit" />
                <Button
                  size="small"
                  loading={done.pending}
                  onClick={() => void report(done.run(r.id), t('reported')).then((x) => x && list.reload())}
                >
                  {t('report')}
                </Button>
              </View>
            ) : null}
          </View>
        )}
        emptyTitle={w('none_yet')}
      />
    </Card>
  )
}

/** An organisation's admin: its tasks (sign-up lists), posting a task, and taking residents' needs. */
export default function Org() {
  const t = useStrings(ORG)
  usePageTitle(t('title'))
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
    <Page title={t('title')}>
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
            label={t('current')}
            options={approved.map((o) => ({ value: o.id, label: o.name }))}
            value={chosen}
            onChange={setOrgId}
          />
        ) : null}
      </Card>
      {!chosen ? (
        <Empty title={t('no_org')} />
      ) : (
        <View>
          <Card
            title={t('tasks')}
            extra={
              <Button size="small" inline onClick={() => go('post-task', `orgId=${chosen}`)}>
                {t('post')}
              </Button>
            }
          >
            <PagedList
              {...listOf(tasks)}
              keyOf={(task) => task.id}
              renderItem={(task) => (
                <Row
                  title={task.title}
                  sub={`${t('task_sub', { when: when(task.startAt), confirmed: task.confirmed, slots: task.slots })}${task.waitlisted ? t('task_wait', { n: task.waitlisted }) : ''}`}
                  arrow
                  onClick={() => go('signups', `taskId=${task.id}`)}
                />
              )}
              emptyTitle={t('no_tasks')}
            />
          </Card>
          {me ? <Needs orgId={chosen} adminId={me.user.id} /> : null}
        </View>
      )}
    </Page>
  )
}
