import '../../points.css'
import { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
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
import { fmt, useStrings } from '../../../../services/i18n'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { pagedProps, usePageTitle, useShownAgain, when } from '../../common'
import { SHARED, STORE } from '../../points.strings'

/** Resident: goods to redeem (with a confirmation), and my redemptions with the pickup code and cancel. */
export default function Store() {
  const t = useStrings(STORE)
  const s = useStrings(SHARED)
  usePageTitle(t('title'))
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
          <Empty title={s('no_household')} text={s('no_household_text')} />
        ) : (
          <Loading />
        )}
      </Page>
    )
  const balance = goods.data?.balance ?? null
  return (
    <Page title={t('title')} intro={balance !== null ? t('intro', { n: fmt.number(balance) }) : undefined}>
      <Card title={t('mine')}>
        <PagedList
          {...pagedProps(redemptions)}
          keyOf={(o) => o.id}
          renderItem={(o) => (
            <View data-testid="redemption">
              <Row
                title={t('item', { goods: o.goodsName, n: o.quantity, points: fmt.number(o.points) })}
                sub={
                  o.status === 'pending'
                    ? t('pick_by', { at: when(o.expiresAt) })
                    : `${o.statusLabel} ${when(o.closedAt)}`
                }
                extra={<Tag tone={o.status === 'pending' ? 'warning' : 'plain'}>{o.statusLabel}</Tag>}
              />
              {o.code ? (
                <>
                  <View className="l-field__hint">{t('code_hint')}</View>
                  {o.qrImage ? (
                    <Image className="points-qr" src={o.qrImage} mode="aspectFit" data-testid="pickup-qr" />
                  ) : null}
                  <View className="points-code" data-testid="pickup-code">
                    {o.code}
                  </View>
                </>
              ) : null}
              {o.status === 'pending' ? (
                <ConfirmButton
                  kind="secondary"
                  size="small"
                  confirm={t('cancel_confirm', { points: fmt.number(o.points) })}
                  loading={cancel.pending}
                  onConfirm={() =>
                    void cancel.run({ redemptionId: o.id }).then((r) => {
                      if (!r.ok) return void showError(r.message)
                      toastDone(t('cancelled'))
                      refresh()
                    })
                  }
                >
                  {t('cancel')}
                </ConfirmButton>
              ) : null}
            </View>
          )}
          emptyTitle={t('none')}
          emptyText={t('none_text')}
        />
      </Card>
      <Card title={t('goods')}>
        {!goods.data ? (
          goods.error ? (
            <ErrorBlock message={goods.error.message} onRetry={goods.reload} />
          ) : (
            <Loading />
          )
        ) : null}
        {goods.data && !goods.data.items.length ? <Empty title={t('no_goods')} /> : null}
        {goods.data?.items.map((g) => {
          const full = g.limitPerMonth !== null && g.takenThisMonth >= g.limitPerMonth
          const short = balance !== null && balance < g.price
          return (
            <View key={g.id} data-testid="goods">
              {g.photo?.url ? (
                <Image
                  className="l-photo__img"
                  src={g.photo.url}
                  mode="aspectFill"
                  ariaLabel={t('photo_of', { goods: g.name })}
                />
              ) : null}
              <Row
                title={g.name}
                sub={
                  s('stock', { n: fmt.number(g.stock) }) +
                  (g.limitPerMonth ? t('limit', { limit: g.limitPerMonth, taken: g.takenThisMonth }) : '')
                }
                extra={<Tag tone="success">{s('points', { n: fmt.number(g.price) })}</Tag>}
              />
              <ConfirmButton
                disabled={!g.stock || full || short}
                loading={redeem.pending}
                confirm={t('redeem_confirm', { points: fmt.number(g.price), goods: g.name })}
                onConfirm={() =>
                  void redeem.run({ goodsId: g.id }).then((r) => {
                    if (!r.ok) return void showError(r.message)
                    toastDone(t('redeemed', { code: r.data.code ?? '' }))
                    refresh()
                  })
                }
              >
                {!g.stock ? t('sold_out') : full ? t('month_full') : short ? t('short') : t('redeem')}
              </ConfirmButton>
            </View>
          )
        })}
      </Card>
    </Page>
  )
}
