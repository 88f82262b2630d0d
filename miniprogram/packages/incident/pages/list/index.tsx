import Taro, { useRouter } from '@tarojs/taro'
import { askSubscribe } from '../../../../services/subscribe'
import { useEffect } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import { Button, Card, PagedList, Page, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useNavTitle, useStrings } from '../../../../services/i18n'
import { usePaged, type PagedState } from '../../../../services/use-call'
import { useWide } from '../../../../services/layout'
import { QueueTable } from '../../components/queue-table'
import { LIST } from '../../incident.strings'
import '../../incident.css'

type View_ = 'mine' | 'todo' | 'all' | 'inbox'
const VIEWS: readonly View_[] = ['mine', 'todo', 'all', 'inbox']
const open = (id: string) => void Taro.navigateTo({ url: `/packages/incident/pages/detail/index?id=${id}` })

/** A paged call's state as PagedList shows it. */
function pagedProps<T>(list: PagedState<T>) {
  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error?.message,
    onLoadMore: list.loadMore,
    onRetry: list.reload,
  }
}

function Incidents(props: { view: Exclude<View_, 'inbox'> }) {
  const t = useStrings(LIST)
  const list = usePaged(
    (page) =>
      props.view === 'mine'
        ? callFunction(incidentContract, 'myReports', { page, pageSize: 20 })
        : callFunction(incidentContract, 'listQueue', { view: props.view, page, pageSize: 20 }),
    [props.view],
  )
  return (
    <PagedList
      {...pagedProps(list)}
      keyOf={(i) => i.id}
      renderItem={(i) => (
        <Row
          title={`${i.categoryLabel} · ${i.description.slice(0, 18)}`}
          arrow
          onClick={() => open(i.id)}
          sub={`${i.code} · ${fmt.dateTime(i.reportedAt)} · ${i.area}`}
          extra={
            <Tag tone={i.overdue ? 'danger' : i.open ? 'warning' : 'success'}>
              {i.overdue ? t('overdue_status', { status: i.statusLabel }) : i.statusLabel}
            </Tag>
          }
        />
      )}
      emptyTitle={props.view === 'mine' ? t('none_mine') : t('none_todo')}
    />
  )
}

function Inbox() {
  const t = useStrings(LIST)
  const list = usePaged((page) => callFunction(incidentContract, 'myInbox', { page, pageSize: 20 }), [])
  return (
    <>
      <Button
        kind="secondary"
        size="small"
        onClick={() => void callFunction(incidentContract, 'markInboxRead', { all: true }).then(list.reload)}
      >
        {t('read_all')}
      </Button>
      <PagedList
        {...pagedProps(list)}
        keyOf={(m) => m.id}
        renderItem={(m) => (
          <Row
            title={m.title}
            sub={`${m.body} · ${fmt.dateTime(m.at)}`}
            arrow={!!m.incidentId}
            extra={m.read ? null : <Tag tone="info">{t('unread')}</Tag>}
            onClick={m.incidentId ? () => open(m.incidentId!) : undefined}
          />
        )}
        emptyTitle={t('none_inbox')}
      />
    </>
  )
}

export default function IncidentList() {
  const t = useStrings(LIST)
  const asked = useRouter().params.view as View_ | undefined
  const view: View_ = asked && VIEWS.includes(asked) ? asked : 'mine'
  useNavTitle(t(view))
  // handlers opening their queue: consent to hear of new work (once a day at most)
  useEffect(() => {
    if (view === 'todo') void askSubscribe('queue')
  }, [view])
  const wide = useWide()
  return (
    <Page title={t(view)}>
      <Card>
        {view === 'todo' ? (
          <Row
            title={t('see_all')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/incident/pages/list/index?view=all' })}
          />
        ) : null}
        {view === 'inbox' ? (
          <Inbox />
        ) : wide && view !== 'mine' ? (
          <QueueTable view={view} />
        ) : (
          <Incidents view={view} />
        )}
      </Card>
    </Page>
  )
}
