import { useDidShow } from '@tarojs/taro'
import { Card, ErrorBlock, Loading, Page, PagedList, Row, Tag } from '../../../../components'
import { useMe } from '../../../../services/me'
import { usePaged } from '../../../../services/use-call'
import { callFunction, go, V, when } from '../../lib'

/** Resident's start page: tasks near me, my record, my needs; links for organisers and officials. */
export default function Tasks() {
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
    <Page title="志愿服务" intro="报名参加身边的志愿服务，时长记入个人记录，还可以为家里挣文明积分。">
      {inbox.items.length ? (
        <Card title="提醒">
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
        <Row title="我的志愿时长" sub="时长记录，可打印" arrow onClick={() => go('hours')} />
        {has('need_create') ? (
          <Row title="我要点单" sub="有困难？发布需求，社会组织来帮忙" arrow onClick={() => go('need')} />
        ) : null}
        <Row title="我的需求" sub="我发布的需求和办理进度" arrow onClick={() => go('needs')} />
        {has('org_manage') || has('task_publish') ? (
          <Row title="组织管理" sub="发布任务、报名名单、确认时长、接单" arrow onClick={() => go('org')} />
        ) : null}
        {has('org_approve') || has('need_verify') || has('volunteer_figures') ? (
          <Row title="村里审核与统计" sub="审核组织、公开需求、验单、统计" arrow onClick={() => go('village')} />
        ) : null}
      </Card>
      <Card title="身边的志愿任务">
        <PagedList
          items={list.items}
          total={list.total}
          hasMore={list.hasMore}
          loading={list.loading}
          error={list.error?.message}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          keyOf={(t) => t.id}
          renderItem={(t) => (
            <Row
              title={t.title}
              sub={`${when(t.startAt)} · ${t.placeName} · ${t.org.name}`}
              extra={
                <Tag
                  tone={
                    t.mySignup && t.mySignup.status !== 'cancelled'
                      ? 'success'
                      : t.confirmed >= t.slots
                        ? 'warning'
                        : 'info'
                  }
                >
                  {t.mySignup && t.mySignup.status !== 'cancelled'
                    ? t.mySignup.statusLabel
                    : t.confirmed >= t.slots
                      ? '已满可候补'
                      : `余 ${t.slots - t.confirmed} 名`}
                </Tag>
              }
              arrow
              onClick={() => go('task', `id=${t.id}`)}
            />
          )}
          emptyTitle="附近暂时没有志愿任务"
          emptyText='先在"我的"里设置住在哪个村（社区），就能看到身边的任务。'
        />
      </Card>
    </Page>
  )
}
