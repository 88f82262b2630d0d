import Taro, { useRouter } from '@tarojs/taro'
import { incidentContract } from '@shared/incident/incident.contract'
import { formatBj } from '@shared/time/beijing'
import { Button, Card, PagedList, Page, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { usePaged } from '../../../../services/use-call'
import '../../incident.css'

type View_ = 'mine' | 'todo' | 'all' | 'inbox'
const TITLES: Record<View_, string> = { mine: '我上报的事', todo: '待我处理', all: '辖区全部事件', inbox: '消息' }
const open = (id: string) => void Taro.navigateTo({ url: `/packages/incident/pages/detail/index?id=${id}` })

function Incidents(props: { view: Exclude<View_, 'inbox'> }) {
  const list = usePaged(
    (page) =>
      props.view === 'mine'
        ? callFunction(incidentContract, 'myReports', { page, pageSize: 20 })
        : callFunction(incidentContract, 'listQueue', { view: props.view, page, pageSize: 20 }),
    [props.view],
  )
  return (
    <PagedList
      items={list.items}
      total={list.total}
      hasMore={list.hasMore}
      loading={list.loading}
      error={list.error?.message}
      onLoadMore={list.loadMore}
      onRetry={list.reload}
      keyOf={(i) => i.id}
      renderItem={(i) => (
        <Row
          title={`${i.categoryLabel} · ${i.description.slice(0, 18)}`}
          arrow
          onClick={() => open(i.id)}
          sub={`${i.code} · ${formatBj(i.reportedAt)} · ${i.area}`}
          extra={
            <Tag tone={i.overdue ? 'danger' : i.open ? 'warning' : 'success'}>
              {i.overdue ? `超时·${i.statusLabel}` : i.statusLabel}
            </Tag>
          }
        />
      )}
      emptyTitle={props.view === 'mine' ? '您还没有上报过' : '没有待处理的事'}
    />
  )
}

function Inbox() {
  const list = usePaged((page) => callFunction(incidentContract, 'myInbox', { page, pageSize: 20 }), [])
  return (
    <>
      <Button
        kind="secondary"
        size="small"
        onClick={() => void callFunction(incidentContract, 'markInboxRead', { all: true }).then(list.reload)}
      >
        全部标为已读
      </Button>
      <PagedList
        items={list.items}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(m) => m.id}
        renderItem={(m) => (
          <Row
            title={m.title}
            sub={`${m.body} · ${formatBj(m.at)}`}
            arrow={!!m.incidentId}
            extra={m.read ? null : <Tag tone="info">未读</Tag>}
            onClick={m.incidentId ? () => open(m.incidentId!) : undefined}
          />
        )}
        emptyTitle="没有消息"
      />
    </>
  )
}

export default function IncidentList() {
  const view = (useRouter().params.view ?? 'mine') as View_
  return (
    <Page title={TITLES[view] ?? '事件'}>
      <Card>
        {view === 'todo' ? (
          <Row
            title="查看辖区全部事件"
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/list/index?view=all' })}
          />
        ) : null}
        {view === 'inbox' ? <Inbox /> : <Incidents view={view} />}
      </Card>
    </Page>
  )
}
