import { useDidShow } from '@tarojs/taro'
import { Card, ErrorBlock, Loading, Page, PagedList, Row, Tag } from '../../../../components'
import { useStrings } from '../../../../services/i18n'
import { useMe } from '../../../../services/me'
import { usePaged } from '../../../../services/use-call'
import { callFunction, go, listOf, usePageTitle, V, when } from '../../lib'
import { TASKS } from '../../volunteer.strings'

/** Resident's start page: tasks near me, my record, my needs; links for organisers and officials. */
export default function Tasks() {
  const t = useStrings(TASKS)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const list = usePaged((page) => callFunction(V, 'listTasks', { page, pageSize: 10 }), [])
  const inbox = usePaged((page) => callFunction(V, 'myInbox', { page, pageSize: 3 }), [])
  useDidShow(() => {
    list.reload()
    inbox.reload()
  })
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  const has = (p: string) => me.permissions.includes(p as never)
  return (
    <Page title={t('title')} intro={t('intro')}>
      {inbox.items.length ? (
        <Card title={t('reminders')}>
          {inbox.items.map((i) => (
            <Row
              key={i.id}
              title={i.title}
              sub={i.body}
              arrow={!!i.taskId}
              onClick={i.taskId ? () => go('task', `id=${i.taskId}`) : undefined}
            />
          ))}
        </Card>
      ) : null}
      <Card>
        <Row title={t('my_hours')} sub={t('my_hours_sub')} arrow onClick={() => go('hours')} />
        {has('need_create') ? (
          <Row title={t('post_need')} sub={t('post_need_sub')} arrow onClick={() => go('need')} />
        ) : null}
        <Row title={t('my_needs')} sub={t('my_needs_sub')} arrow onClick={() => go('needs')} />
        {has('org_manage') || has('task_publish') ? (
          <Row title={t('org')} sub={t('org_sub')} arrow onClick={() => go('org')} />
        ) : null}
        {has('org_approve') || has('need_verify') || has('volunteer_figures') ? (
          <Row title={t('village')} sub={t('village_sub')} arrow onClick={() => go('village')} />
        ) : null}
      </Card>
      <Card title={t('near')}>
        <PagedList
          {...listOf(list, { total: true })}
          keyOf={(task) => task.id}
          renderItem={(task) => {
            const mine = task.mySignup && task.mySignup.status !== 'cancelled' ? task.mySignup : null
            const full = task.confirmed >= task.slots
            return (
              <Row
                title={task.title}
                sub={`${when(task.startAt)} · ${task.placeName} · ${task.org.name}`}
                extra={
                  <Tag tone={mine ? 'success' : full ? 'warning' : 'info'}>
                    {mine ? mine.statusLabel : full ? t('full') : t('left', { n: task.slots - task.confirmed })}
                  </Tag>
                }
                arrow
                onClick={() => go('task', `id=${task.id}`)}
              />
            )
          }}
          emptyTitle={t('empty')}
          emptyText={t('empty_text')}
        />
      </Card>
    </Page>
  )
}
