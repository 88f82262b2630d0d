import '../../points.css'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import type { RedemptionView } from '@shared/points/points.schema'
import { parsePickupQr } from '@shared/points/points.rules'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction } from '../../../../services/use-call'

/** Store keeper: type the 6-digit code (or scan the QR), check the redemption, hand the goods over. */
export default function Keeper() {
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'redemption_fulfil') : []), [me])
  const [villageId, setVillageId] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [redemption, setRedemption] = useState<RedemptionView | null>(null)
  const [looking, setLooking] = useState(false)
  const fulfil = useAction((input: { villageId: string; code: string }, requestId) =>
    callFunction(pointsContract, 'fulfil', input, { requestId }),
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villages.length)
    return (
      <Page>
        <Empty title="您不是积分超市管理员" />
      </Page>
    )
  const vid = villageId ?? villages[0]!.id
  const lookup = async (c: string, v = vid) => {
    setLooking(true)
    const r = await callFunction(pointsContract, 'lookupPickup', { villageId: v, code: c })
    setLooking(false)
    if (!r.ok) return void showError(r.message)
    setRedemption(r.data)
  }
  return (
    <Page title="核销取货" intro="请居民出示取货码，输入 6 位数字或扫码。">
      <Card>
        {villages.length > 1 ? (
          <PickerField
            label="超市"
            options={villages.map((u) => ({ value: u.id, label: u.fullName }))}
            value={vid}
            onChange={setVillageId}
          />
        ) : null}
        <Field
          label="取货码"
          type="number"
          maxlength={6}
          value={code}
          onChange={(v) => {
            setCode(v.replace(/\D/g, ''))
            setRedemption(null)
          }}
          placeholder="6 位数字"
        />
        <Button disabled={code.length !== 6} loading={looking} onClick={() => void lookup(code)}>
          查找兑换单
        </Button>
        <Button
          kind="secondary"
          onClick={() =>
            void Taro.scanCode({ onlyFromCamera: true })
              .then((res) => {
                const p = parsePickupQr(res.result)
                if (!p) return void showError('这不是积分超市的取货码')
                setCode(p.code)
                if (!villages.some((v) => v.id === p.villageId)) return void showError('这不是本超市的兑换单')
                setVillageId(p.villageId)
                void lookup(p.code, p.villageId)
              })
              .catch(() => undefined)
          }
        >
          扫码
        </Button>
      </Card>
      {redemption ? (
        <Card title="兑换单">
          <Row
            title={`${redemption.goodsName} ×${redemption.quantity}`}
            sub={`${redemption.headName}家 · ${redemption.userName} · ${redemption.points} 分`}
            extra={<Tag tone={redemption.status === 'pending' ? 'warning' : 'plain'}>{redemption.statusLabel}</Tag>}
          />
          {redemption.status === 'pending' ? (
            <ConfirmButton
              loading={fulfil.pending}
              confirm={`把“${redemption.goodsName}”×${redemption.quantity} 交给${redemption.headName}家？确认后不能撤销。`}
              onConfirm={() =>
                void fulfil.run({ villageId: vid, code }).then((r) => {
                  if (!r.ok) return void showError(r.message)
                  setRedemption(r.data)
                  if (r.data.status === 'fulfilled') toastDone('已核销，请交付商品')
                  else void showError('这个兑换单已过期，积分已退回，不能领取')
                })
              }
            >
              确认发放
            </ConfirmButton>
          ) : (
            <View>这个兑换单{redemption.statusLabel}，不能再发放。</View>
          )}
        </Card>
      ) : null}
    </Page>
  )
}
