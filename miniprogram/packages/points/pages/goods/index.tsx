import { useMemo, useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { PhotoView } from '@shared/files'
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
  PhotoPicker,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { usePageTitle, useShownAgain } from '../../common'
import { GOODS, STORE } from '../../points.strings'

/** Goods of the village store: add goods, restock, put on or take off the shelf, expire unclaimed redemptions. */
export default function GoodsPage() {
  const t = useStrings(GOODS)
  const store = useStrings(STORE)
  usePageTitle(t('title'))
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
  const [photos, setPhotos] = useState<PhotoView[]>([])
  const [uploading, setUploading] = useState(false)
  const [restock, setRestock] = useState<Record<string, string>>({})
  const save = useAction((input: Parameters<typeof callFunction<typeof pointsContract, 'saveGoods'>>[2], requestId) =>
    callFunction(pointsContract, 'saveGoods', input, { requestId }),
  )
  const adjust = useAction((input: { goodsId: string; delta: number }, requestId) =>
    callFunction(pointsContract, 'adjustStock', { ...input, reason: t('restock') }, { requestId }),
  )
  const expire = useAction((_: object, requestId) =>
    callFunction(pointsContract, 'expireRedemptions', { villageId: villageId! }, { requestId }),
  )
  useShownAgain(goods.reload)
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title={t('cannot')} />
      </Page>
    )
  const done = (msg: string) => (r: { ok: boolean; message?: string }) => {
    if (!r.ok) return void showError(r.message ?? '')
    toastDone(msg)
    goods.reload()
  }
  return (
    <Page title={t('title')} intro={villages[0]!.fullName}>
      <Card title={t('new')}>
        <Field label={t('name')} value={name} onChange={setName} maxlength={30} />
        <Field label={t('price')} type="number" value={price} onChange={setPrice} />
        <Field label={t('stock')} type="number" value={stock} onChange={setStock} />
        <PhotoPicker
          label={t('photo')}
          hint={t('photo_hint')}
          photos={photos}
          max={1}
          userId={me.user.id}
          onChange={setPhotos}
          onBusyChange={setUploading}
        />
        <Button
          disabled={!name || !Number(price) || uploading}
          loading={save.pending}
          onClick={() =>
            void save
              .run({
                villageId,
                name,
                price: Number(price),
                stock: Number(stock) || 0,
                photo: photos[0]?.fileId ?? null,
                limitPerMonth: null,
                active: true,
                sort: 0,
              })
              .then((r) => {
                done(t('put_on_done'))(r)
                if (r.ok) {
                  setName('')
                  setPrice('')
                  setStock('')
                  setPhotos([])
                }
              })
          }
        >
          {t('put_on')}
        </Button>
      </Card>
      <Card title={t('list')}>
        {!goods.data ? (
          <Loading />
        ) : (
          goods.data.items.map((g) => (
            <View key={g.id}>
              {g.photo?.url ? (
                <Image
                  className="l-photo__img"
                  src={g.photo.url}
                  mode="aspectFill"
                  ariaLabel={store('photo_of', { goods: g.name })}
                />
              ) : null}
              <Row
                title={g.name}
                sub={
                  t('row', { points: fmt.number(g.price), stock: fmt.number(g.stock) }) +
                  (g.limitPerMonth ? t('row_limit', { limit: g.limitPerMonth }) : '')
                }
                extra={<Tag tone={g.active ? 'success' : 'plain'}>{g.active ? t('on_sale') : t('off')}</Tag>}
              />
              <Field
                label={t('restock_n')}
                type="number"
                value={restock[g.id] ?? ''}
                onChange={(v) => setRestock({ ...restock, [g.id]: v })}
              />
              <Button
                size="small"
                disabled={!Number(restock[g.id])}
                loading={adjust.pending}
                onClick={() =>
                  void adjust.run({ goodsId: g.id, delta: Number(restock[g.id]) }).then(done(t('restocked')))
                }
              >
                {t('restock')}
              </Button>
              <ConfirmButton
                size="small"
                kind="secondary"
                loading={save.pending}
                confirm={g.active ? t('off_confirm') : t('on_confirm')}
                onConfirm={() =>
                  // the photo is left out: it stays as it is (only its uploader could name it again)
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
                    .then(done(g.active ? t('off') : t('put_on_done')))
                }
              >
                {g.active ? t('take_off') : t('put_on')}
              </ConfirmButton>
            </View>
          ))
        )}
      </Card>
      <Card title={t('expire_title')}>
        <ConfirmButton
          kind="secondary"
          loading={expire.pending}
          confirm={t('expire_confirm')}
          onConfirm={() =>
            void expire.run({}).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('expired_n', { n: r.data.expired }))
              goods.reload()
            })
          }
        >
          {t('expire')}
        </ConfirmButton>
      </Card>
    </Page>
  )
}
