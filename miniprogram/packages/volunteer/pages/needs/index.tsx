import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Card, ConfirmButton, Page, PagedList, Row, Tag } from '../../../../components'
import { useAction, usePaged } from '../../../../services/use-call'
import { callFunction, day, report, V } from '../../lib'

/** My needs with their progress; I confirm a job done, or withdraw one nobody took. Verified outcomes in my village below. */
export default function Needs() {
  const list = usePaged((page) => callFunction(V, 'myNeeds', { page, pageSize: 10 }), [])
  const pub = usePaged((page) => callFunction(V, 'listPublicNeeds', { page, pageSize: 5 }), [])
  useDidShow(() => list.reload())
  const act = useAction((i: { action: 'confirmNeed' | 'withdrawNeed'; id: string }, requestId) =>
    callFunction(V, i.action, { needId: i.id }, { requestId }),
  )
  return (
    <Page title="我的需求">
      <Card>
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
                sub={`${day(r.createdAt)}${r.takenByOrgName ? ` · ${r.takenByOrgName}` : ''}${r.outcome ? ` · ${r.outcome}` : ''}`}
                extra={<Tag tone={r.status === 'verified' ? 'success' : 'info'}>{r.statusLabel}</Tag>}
              />
              {r.status === 'done' ? (
                <ConfirmButton
                  size="small"
                  confirm={`${r.takenByOrgName ?? ''}说已经办好：${r.outcome ?? ''}。属实吗？`}
                  confirmText="属实"
                  onConfirm={() =>
                    void report(act.run({ action: 'confirmNeed', id: r.id }), '已确认').then((x) => x && list.reload())
                  }
                >
                  确认已办好
                </ConfirmButton>
              ) : null}
              {r.status === 'submitted' || r.status === 'published' ? (
                <ConfirmButton
                  size="small"
                  kind="secondary"
                  confirm="撤回后这条需求不再公开，确定吗？"
                  confirmText="撤回"
                  onConfirm={() =>
                    void report(act.run({ action: 'withdrawNeed', id: r.id }), '已撤回').then((x) => x && list.reload())
                  }
                >
                  撤回
                </ConfirmButton>
              ) : null}
            </View>
          )}
          emptyTitle="还没有发布需求"
        />
      </Card>
      <Card title="本村已办好的需求">
        <PagedList
          items={pub.items}
          hasMore={pub.hasMore}
          loading={pub.loading}
          error={pub.error?.message}
          onLoadMore={pub.loadMore}
          onRetry={pub.reload}
          keyOf={(r) => r.id}
          renderItem={(r) => (
            <Row
              title={r.title}
              sub={`${r.takenByOrgName ?? ''} · ${r.volunteers.map((v) => v.name).join('、')} · ${r.outcome ?? ''}`}
            />
          )}
          emptyTitle="暂时没有"
        />
      </Card>
    </Page>
  )
}
