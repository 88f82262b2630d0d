import '../../points.css'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import type { EntryView } from '@shared/points/points.schema'
import { Button, Card, Empty, ErrorBlock, Loading, PagedList, Page, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { usePaged, useQuery } from '../../../../services/use-call'
import { signed, useShownAgain, when } from '../../common'

/** Resident: my household's balance, what is still in publicity, and every entry (paged). */
export default function MyPoints() {
  const head = useQuery(() => callFunction(pointsContract, 'myPoints', { page: 1, pageSize: 1 }), [])
  const history = usePaged<EntryView>(
    (page) =>
      callFunction(pointsContract, 'myPoints', { page, pageSize: 20 }).then((r) =>
        r.ok ? { ok: true as const, data: r.data.history } : r,
      ),
    [],
  )
  useShownAgain(() => {
    head.reload()
    history.reload()
  })
  if (!head.data)
    return <Page>{head.error ? <ErrorBlock message={head.error.message} onRetry={head.reload} /> : <Loading />}</Page>
  const d = head.data
  if (!d.household) {
    return (
      <Page title="我家的积分">
        <Empty title="还没有绑定家庭户" text="积分记在户上。请先在“我的”里设置住在哪一户。">
          <Button onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/residence/index' })}>
            去设置
          </Button>
        </Empty>
      </Page>
    )
  }
  return (
    <Page title="我家的积分" intro={`${d.household.villageName} · ${d.household.headName}家`}>
      <Card>
        <View className="points-balance" data-testid="balance">
          {d.balance}
        </View>
        <View>
          现有积分（累计获得 {d.earned}，已兑换 {d.spent}）
        </View>
        {d.pending.count ? (
          <Tag tone="warning">
            公示中 {d.pending.count} 条，共 {signed(d.pending.points)} 分，公示期满后计入
          </Tag>
        ) : null}
      </Card>
      <Card>
        <Button
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/points/pages/store/index?villageId=${d.household!.villageId}` })
          }
        >
          去积分超市
        </Button>
        <Button
          kind="secondary"
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/points/pages/publicity/index?villageId=${d.household!.villageId}` })
          }
        >
          看公示和积分榜
        </Button>
      </Card>
      <Card title="积分明细">
        <PagedList
          items={history.items}
          total={history.total}
          hasMore={history.hasMore}
          loading={history.loading}
          error={history.error?.message}
          onLoadMore={history.loadMore}
          onRetry={history.reload}
          keyOf={(e) => e.id}
          renderItem={(e) => (
            <Row
              title={`${e.kindLabel}：${e.ruleName ?? e.reason}`}
              sub={`${when(e.at)} · ${e.reason}${e.memberName ? ` · ${e.memberName}` : ''} · 余 ${e.balanceAfter}`}
              extra={<Tag tone={e.delta >= 0 ? 'success' : 'danger'}>{signed(e.delta)}</Tag>}
            />
          )}
          emptyTitle="还没有积分记录"
          emptyText="参加志愿服务、巡逻，保持庭院整洁，都能得积分。"
        />
      </Card>
    </Page>
  )
}
