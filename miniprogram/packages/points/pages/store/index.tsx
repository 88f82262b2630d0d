import '../../points.css'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import {
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Loading,
  PagedList,
  Page,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { useShownAgain, when } from '../../common'

/** Resident: goods to redeem (with a confirmation), and my redemptions with the pickup code and cancel. */
export default function Store() {
  const router = useRouter()
  const mine = useQuery(() => callFunction(pointsContract, 'myPoints', { page: 1, pageSize: 1 }), [])
  const villageId = router.params.villageId ?? mine.data?.household?.villageId ?? null
  const goods = useQuery(
    () =>
      villageId
        ? callFunction(pointsContract, 'listGoods', { villageId })
        : Promise.resolve({ ok: true as const, data: { items: [], balance: null } }),
    [villageId],
  )
  const redemptions = usePaged((page) => callFunction(pointsContract, 'myRedemptions', { page, pageSize: 10 }), [])
  const redeem = useAction((input: { goodsId: string }, requestId) =>
    callFunction(pointsContract, 'redeem', { ...input, quantity: 1 }, { requestId }),
  )
  const cancel = useAction((input: { redemptionId: string }, requestId) =>
    callFunction(pointsContract, 'cancelRedemption', input, { requestId }),
  )
  const refresh = () => {
    goods.reload()
    redemptions.reload()
  }
  useShownAgain(refresh)
  if (!villageId)
    return (
      <Page>
        {mine.error ? (
          <ErrorBlock message={mine.error.message} onRetry={mine.reload} />
        ) : mine.data ? (
          <Empty title="还没有绑定家庭户" />
        ) : (
          <Loading />
        )}
      </Page>
    )
  const balance = goods.data?.balance ?? null
  return (
    <Page title="积分超市" intro={balance !== null ? `我家现有 ${balance} 分。兑换后凭取货码到超市领取。` : undefined}>
      <Card title="我的兑换单">
        <PagedList
          items={redemptions.items}
          hasMore={redemptions.hasMore}
          loading={redemptions.loading}
          error={redemptions.error?.message}
          onLoadMore={redemptions.loadMore}
          onRetry={redemptions.reload}
          keyOf={(o) => o.id}
          renderItem={(o) => (
            <View data-testid="redemption">
              <Row
                title={`${o.goodsName} ×${o.quantity}（${o.points} 分）`}
                sub={
                  o.status === 'pending' ? `请在 ${when(o.expiresAt)} 前领取` : `${o.statusLabel} ${when(o.closedAt)}`
                }
                extra={<Tag tone={o.status === 'pending' ? 'warning' : 'plain'}>{o.statusLabel}</Tag>}
              />
              {o.code ? (
                <>
                  <View className="l-field__hint">取货码（到超市给管理员看）</View>
                  <View className="points-code" data-testid="pickup-code">
                    {o.code}
                  </View>
                </>
              ) : null}
              {o.status === 'pending' ? (
                <ConfirmButton
                  kind="secondary"
                  size="small"
                  confirm={`取消后 ${o.points} 分会退回。确定取消吗？`}
                  loading={cancel.pending}
                  onConfirm={() =>
                    void cancel.run({ redemptionId: o.id }).then((r) => {
                      if (!r.ok) return void showError(r.message)
                      toastDone('已取消，积分已退回')
                      refresh()
                    })
                  }
                >
                  取消兑换
                </ConfirmButton>
              ) : null}
            </View>
          )}
          emptyTitle="还没有兑换过"
          emptyText="在下面选一件商品兑换。"
        />
      </Card>
      <Card title="可以兑换的商品">
        {!goods.data ? (
          goods.error ? (
            <ErrorBlock message={goods.error.message} onRetry={goods.reload} />
          ) : (
            <Loading />
          )
        ) : null}
        {goods.data && !goods.data.items.length ? <Empty title="超市暂时没有商品" /> : null}
        {goods.data?.items.map((g) => {
          const full = g.limitPerMonth !== null && g.takenThisMonth >= g.limitPerMonth
          const short = balance !== null && balance < g.price
          return (
            <View key={g.id} data-testid="goods">
              <Row
                title={g.name}
                sub={`库存 ${g.stock}${g.limitPerMonth ? ` · 每户每月限 ${g.limitPerMonth} 件，已换 ${g.takenThisMonth}` : ''}`}
                extra={<Tag tone="success">{g.price} 分</Tag>}
              />
              <ConfirmButton
                disabled={!g.stock || full || short}
                loading={redeem.pending}
                confirm={`用 ${g.price} 分兑换“${g.name}”？兑换后请在期限内凭取货码领取。`}
                onConfirm={() =>
                  void redeem.run({ goodsId: g.id }).then((r) => {
                    if (!r.ok) return void showError(r.message)
                    toastDone(`兑换成功，取货码 ${r.data.code}`)
                    refresh()
                  })
                }
              >
                {!g.stock ? '已换完' : full ? '本月已换满' : short ? '积分不够' : '兑换'}
              </ConfirmButton>
            </View>
          )
        })}
      </Card>
    </Page>
  )
}
