import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Card, ErrorBlock, Loading, Page, PagedList, Row } from '../../../../components'
import { useQuery, usePaged } from '../../../../services/use-call'
import { IS_WEAPP } from '../../../../services/env'
import { callFunction, day, V } from '../../lib'

/** My volunteer record: totals and every confirmed line; printable from a browser. */
export default function Hours() {
  const head = useQuery(() => callFunction(V, 'myHours', { page: 1, pageSize: 1 }), [])
  const lines = usePaged(async (page) => {
    const r = await callFunction(V, 'myHours', { page, pageSize: 20 })
    return r.ok ? { ok: true as const, data: r.data.entries } : r
  }, [])
  const h = head.data
  if (!h)
    return <Page>{head.error ? <ErrorBlock message={head.error.message} onRetry={head.reload} /> : <Loading />}</Page>
  return (
    <Page title="志愿服务记录">
      <Card>
        <Row title="姓名" sub={h.name} />
        <Row title="累计时长" sub={`${h.totalHours} 小时`} />
        <Row
          title="其中"
          sub={`志愿任务 ${h.taskHours} 小时 · 巡逻 ${h.patrolHours} 小时 · 群众点单 ${h.needHours} 小时`}
        />
        <View className="l-page__intro">打印时间：{day(h.printedAt)}（由组织者确认的时长）</View>
        {!IS_WEAPP ? (
          <Button kind="secondary" onClick={() => (globalThis as { print?: () => void }).print?.()}>
            打印
          </Button>
        ) : (
          <Button kind="secondary" onClick={() => void Taro.showToast({ title: '请截图保存', icon: 'none' })}>
            保存
          </Button>
        )}
      </Card>
      <Card title="明细">
        <PagedList
          items={lines.items}
          total={lines.total}
          hasMore={lines.hasMore}
          loading={lines.loading}
          error={lines.error?.message}
          onLoadMore={lines.loadMore}
          onRetry={lines.reload}
          keyOf={(e) => e.id}
          renderItem={(e) => <Row title={`${e.hours} 小时 · ${e.sourceLabel}`} sub={`${day(e.at)} ${e.note}`} />}
          emptyTitle="还没有确认的时长"
          emptyText="参加志愿任务后，组织者确认的时长会记在这里。"
        />
      </Card>
    </Page>
  )
}
