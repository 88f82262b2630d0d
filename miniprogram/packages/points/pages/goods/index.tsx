import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { useShownAgain } from '../../common'

/** Goods of the village store: add goods, restock, put on or take off the shelf, expire unclaimed redemptions. */
export default function GoodsPage() {
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'goods_manage') : []), [me])
  const villageId = villages[0]?.id ?? null
  const goods = useQuery(
    () =>
      villageId
        ? callFunction(pointsContract, 'listGoods', { villageId, includeOff: true })
        : Promise.resolve({ ok: true as const, data: { items: [], balance: null } }),
    [villageId],
  )
  const [name, setName] = useState('')
  const [price, setPrice] = useState('')
  const [stock, setStock] = useState('')
  const [restock, setRestock] = useState<Record<string, string>>({})
  const save = useAction((input: Parameters<typeof callFunction<typeof pointsContract, 'saveGoods'>>[2], requestId) =>
    callFunction(pointsContract, 'saveGoods', input, { requestId }),
  )
  const adjust = useAction((input: { goodsId: string; delta: number }, requestId) =>
    callFunction(pointsContract, 'adjustStock', { ...input, reason: '补货' }, { requestId }),
  )
  const expire = useAction((_: object, requestId) =>
    callFunction(pointsContract, 'expireRedemptions', { villageId: villageId! }, { requestId }),
  )
  useShownAgain(goods.reload)
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title="您不能管理商品" />
      </Page>
    )
  const done = (msg: string) => (r: { ok: boolean; message?: string }) => {
    if (!r.ok) return void showError(r.message ?? '')
    toastDone(msg)
    goods.reload()
  }
  return (
    <Page title="商品管理" intro={villages[0]!.fullName}>
      <Card title="上架新商品">
        <Field label="名称" value={name} onChange={setName} maxlength={30} />
        <Field label="积分价格" type="number" value={price} onChange={setPrice} />
        <Field label="库存" type="number" value={stock} onChange={setStock} />
        <Button
          disabled={!name || !Number(price)}
          loading={save.pending}
          onClick={() =>
            void save
              .run({
                villageId,
                name,
                price: Number(price),
                stock: Number(stock) || 0,
                photo: null,
                limitPerMonth: null,
                active: true,
                sort: 0,
              })
              .then((r) => {
                done('已上架')(r)
                if (r.ok) {
                  setName('')
                  setPrice('')
                  setStock('')
                }
              })
          }
        >
          上架
        </Button>
      </Card>
      <Card title="商品">
        {!goods.data ? (
          <Loading />
        ) : (
          goods.data.items.map((g) => (
            <View key={g.id}>
              <Row
                title={g.name}
                sub={`${g.price} 分 · 库存 ${g.stock}${g.limitPerMonth ? ` · 每户每月限 ${g.limitPerMonth}` : ''}`}
                extra={<Tag tone={g.active ? 'success' : 'plain'}>{g.active ? '在售' : '已下架'}</Tag>}
              />
              <Field
                label="补货数量"
                type="number"
                value={restock[g.id] ?? ''}
                onChange={(v) => setRestock({ ...restock, [g.id]: v })}
              />
              <Button
                size="small"
                disabled={!Number(restock[g.id])}
                loading={adjust.pending}
                onClick={() => void adjust.run({ goodsId: g.id, delta: Number(restock[g.id]) }).then(done('已补货'))}
              >
                补货
              </Button>
              <ConfirmButton
                size="small"
                kind="secondary"
                loading={save.pending}
                confirm={g.active ? '下架后居民看不到这件商品。确定下架？' : '重新上架？'}
                onConfirm={() =>
                  void save
                    .run({
                      villageId,
                      goodsId: g.id,
                      name: g.name,
                      price: g.price,
                      limitPerMonth: g.limitPerMonth,
                      active: !g.active,
                      sort: g.sort,
                      stock: 0,
                    })
                    .then(done(g.active ? '已下架' : '已上架'))
                }
              >
                {g.active ? '下架' : '上架'}
              </ConfirmButton>
            </View>
          ))
        )}
      </Card>
      <Card title="过期未领的兑换单">
        <ConfirmButton
          kind="secondary"
          loading={expire.pending}
          confirm="把超过领取期限的兑换单作废，积分和库存退回？"
          onConfirm={() =>
            void expire.run({}).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(`已处理 ${r.data.expired} 单`)
              goods.reload()
            })
          }
        >
          处理过期兑换单
        </ConfirmButton>
      </Card>
    </Page>
  )
}
